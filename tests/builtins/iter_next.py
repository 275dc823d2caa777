it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
it2 = iter(lambda: 1, 1)
print(list(it2))
calls = [3, 2, 1, 0]
it3 = iter(calls.pop, 1)
print(list(it3))
# expect: 1 2 done
# expect: []
# expect: [0]
