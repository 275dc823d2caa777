# FOR_ITER over tuples (FOR_ITER_TUPLE) and the miss when the iterable changes type.
def join(it):
    s = ""
    for x in it:
        s += str(x)
    return s

for i in range(200):
    join((i, "a"))
print(join(()), join((1, 2, 3)), join([4, 5]), join(range(3)), join({"k": 1}), join(iter((7, 8))))
# expect:  123 45 012 k 78

class T(tuple):
    pass

print(join(T((1, 2))))
# expect: 12
for i in range(200):
    join([i])
print(join((9, 9)))
# expect: 99

# a tuple iterator partly consumed before the loop
it = iter((1, 2, 3, 4))
next(it)
print(join(it), join(it))
# expect: 234 
