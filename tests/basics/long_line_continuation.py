total = 1 + \
    2 + \
    3
items = [
    1,
    2,  # a comment
    3,
]
print(total, items)
# expect: 6 [1, 2, 3]
