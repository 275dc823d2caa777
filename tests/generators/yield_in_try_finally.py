def g():
    try:
        yield "a"
        yield "b"
    finally:
        print("finally ran")
for v in g():
    print(v)
# expect: a
# expect: b
# expect: finally ran
