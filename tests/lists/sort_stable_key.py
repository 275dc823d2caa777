pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
words = ["aa", "b", "cc", "d", "eee"]
words.sort(key=len)
print(words)
# expect: [('c', 1), ('e', 1), ('b', 2), ('a', 2), ('d', 3)]
# expect: [('d', 3), ('b', 2), ('a', 2), ('c', 1), ('e', 1)]
# expect: ['b', 'd', 'aa', 'cc', 'eee']
