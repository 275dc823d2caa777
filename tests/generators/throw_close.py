def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield f"handled {e}"
    finally:
        print("gen cleanup")
it = g()
print(next(it))
print(it.throw(ValueError("oops")))
it.close()
print("closed")
# expect: 1
# expect: handled oops
# expect: gen cleanup
# expect: closed
