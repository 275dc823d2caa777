squares = {n: n * n for n in range(6) if n % 2 == 0}
print(squares)
inv = {v: k for k, v in squares.items()}
print(inv)
# expect: {0: 0, 2: 4, 4: 16}
# expect: {0: 0, 4: 2, 16: 4}
