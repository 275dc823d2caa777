print("a", flush=True)
print("b", end="", flush=True)
print()
# expect: a
# expect: b
