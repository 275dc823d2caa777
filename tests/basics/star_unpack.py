first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
a, *mid, b = "abcde"
print(a, mid, b)
a, *mid, b = [1, 2]
print(a, mid, b)
# expect: 1 [2, 3, 4]
# expect: [0, 1, 2, 3] 4
# expect: a ['b', 'c', 'd'] e
# expect: 1 [] 2
