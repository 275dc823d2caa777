def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub)
    else:
        yield tree
print(list(walk([1, [2, [3, 4], []], [[5]]])))
# expect: [1, 2, 3, 4, 5]
