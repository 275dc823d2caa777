total = 0
def outer():
    def inner():
        global total
        total += 10
    inner()
    inner()
outer()
print(total)
# expect: 20
