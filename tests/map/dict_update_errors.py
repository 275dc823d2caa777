# dict() / update() argument errors word for word.
def check(f):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
check(lambda: dict(1, 2))
check(lambda: {}.update(1))
check(lambda: {}.update([1]))
check(lambda: {}.update([(1, 2, 3)]))
check(lambda: {}.update([(1, 2), "abc"]))
class M:
    def keys(self):
        return 5
check(lambda: {}.update(M()))
check(lambda: {}.get())
check(lambda: {}.get(1, default=2))
check(lambda: {}.pop(1, 2, 3))
check(lambda: {}.keys(1))
check(lambda: dict.fromkeys())
print(dict(["ab", (1, 2)], x=3))
# expect: TypeError dict expected at most 1 argument, got 2
# expect: TypeError 'int' object is not iterable
# expect: TypeError cannot convert dictionary update sequence element #0 to a sequence
# expect: ValueError dictionary update sequence element #0 has length 3; 2 is required
# expect: ValueError dictionary update sequence element #1 has length 3; 2 is required
# expect: TypeError M.keys() returned a non-iterable (type int)
# expect: TypeError get expected at least 1 argument, got 0
# expect: TypeError dict.get() takes no keyword arguments
# expect: TypeError pop expected at most 2 arguments, got 3
# expect: TypeError dict.keys() takes no arguments (1 given)
# expect: TypeError fromkeys expected at least 1 argument, got 0
# expect: {'a': 'b', 1: 2, 'x': 3}
