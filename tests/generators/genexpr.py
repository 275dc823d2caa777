squares = (x * x for x in range(5))
print(type(squares).__name__, list(squares), list(squares))
print(sum(x for x in range(10) if x % 3 == 0), max(len(w) for w in ["a", "abc", "ab"]))
# expect: generator [0, 1, 4, 9, 16] []
# expect: 18 3
