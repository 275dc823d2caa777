class Suppress:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print("suppressing", et.__name__, ev)
        return True
with Suppress():
    raise ValueError("boom")
print("after")
# expect: suppressing ValueError boom
# expect: after
