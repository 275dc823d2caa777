print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" and 5)
print(not 0, not 1, not [], not [0])
def f(v):
    print("called", v)
    return v
print(f(0) and f(1))
print(f(1) or f(2))
# expect: 2 0 1 2 x 
# expect: True False True False
# expect: called 0
# expect: 0
# expect: called 1
# expect: 1
