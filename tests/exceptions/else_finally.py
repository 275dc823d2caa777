def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("error")
        return "err"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally")
print(f(2), f(0))
# expect: else 5.0
# expect: finally
# expect: error
# expect: finally
# expect: ok err
