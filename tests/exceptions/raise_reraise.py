def f():
    try:
        raise ValueError("inner")
    except ValueError:
        print("handling")
        raise
try:
    f()
except ValueError as e:
    print("re-raised:", e)
# expect: handling
# expect: re-raised: inner
