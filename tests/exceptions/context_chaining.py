try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as v:
    print(v, type(v.__context__).__name__, v.__cause__)
# expect: during ZeroDivisionError None
