def read():
    for line in ["3", "x", "5", "", "7"]:
        yield line
def ints(lines):
    for l in lines:
        if l.isdigit():
            yield int(l)
def doubled(nums):
    for n in nums:
        yield n * 2
print(list(doubled(ints(read()))))
# expect: [6, 10, 14]
