a = list(range(6))
a[::2] = [1, 2]
# expect runtime error: ValueError: attempt to assign sequence of size 2 to extended slice of size 3
