# A deleted slot on the probe path is reused: the last one seen, as CPython 3.11.
s = set(range(10))
for i in range(0, 10, 2):
    s.remove(i)
s.add(100)
print(s)
s.add(4)
print(s)
# expect: {1, 3, 5, 7, 100, 9}
# expect: {1, 3, 5, 4, 7, 100, 9}
