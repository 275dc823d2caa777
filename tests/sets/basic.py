s = {3, 1, 2, 3, 1}
print(s, len(s), 2 in s, 5 in s)
s.add(10)
s.discard(1)
s.discard(99)
print(s)
# expect: {1, 2, 3} 3 True False
# expect: {10, 2, 3}
