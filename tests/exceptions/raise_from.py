try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as r:
    print(r, type(r.__cause__).__name__, r.__cause__, r.__suppress_context__)
# expect: wrapped KeyError 'k' True
