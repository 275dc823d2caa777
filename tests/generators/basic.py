def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)), sum(count(101)))
g = count(2)
print(next(g), next(g), next(g, "end"))
# expect: [0, 1, 2, 3] 5050
# expect: 0 1 end
