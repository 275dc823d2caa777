try:
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
except Exception as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
# expect: TypeError second ValueError
