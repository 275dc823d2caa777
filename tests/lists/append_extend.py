a = [1, 2]
a.append(3)
a.extend([4, 5])
a.extend(range(6, 8))
a.extend("ab")
a += (9,)
print(a, len(a))
# expect: [1, 2, 3, 4, 5, 6, 7, 'a', 'b', 9] 10
