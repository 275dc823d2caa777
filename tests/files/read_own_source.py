with open(__file__) as f:
    first = f.readline()
print(first.strip())
# expect: with open(__file__) as f:
