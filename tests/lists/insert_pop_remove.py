a = [1, 2, 3, 4, 5]
a.insert(0, 0)
a.insert(100, 6)
a.insert(-1, 55)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
a.remove(55)
print(a)
# expect: [1, 2, 3, 4, 55] 6 0 5 [1, 2, 3, 4, 55]
# expect: [1, 2, 3, 4]
