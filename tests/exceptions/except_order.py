def classify(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError"
    except LookupError:
        return "LookupError"
    except (TypeError, ValueError) as e:
        return "TypeOrValue:" + type(e).__name__
    except Exception:
        return "Exception"
for e in [KeyError(1), IndexError(), ValueError(), TypeError(), RuntimeError()]:
    print(classify(e))
# expect: KeyError
# expect: LookupError
# expect: TypeOrValue:ValueError
# expect: TypeOrValue:TypeError
# expect: Exception
