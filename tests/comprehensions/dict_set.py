words = ["apple", "bob", "cat", "apple"]
print({w: len(w) for w in words}, {len(w) for w in words})
# expect: {'apple': 5, 'bob': 3, 'cat': 3} {3, 5}
