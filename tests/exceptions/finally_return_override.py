def f():
    try:
        return "try"
    finally:
        print("cleanup")
def g():
    try:
        raise ValueError
    finally:
        return "finally wins"
print(f(), g())
# expect: cleanup
# expect: try finally wins
