# A _local subclass: __init__ runs once per thread, on first use, with the
# constructor's arguments; class attributes, properties and __slots__ work.
import _thread

calls = []
class L(_thread._local):
    shared = "class"
    def __init__(self, a, b=2):
        calls.append((_thread.get_ident() == main, a, b))
        self.a = a
        self.b = b
    @property
    def total(self):
        return self.a + self.b

main = _thread.get_ident()
l = L(1, b=3)
print(l.a, l.b, l.total, l.shared, calls)  # expect: 1 3 4 class [(True, 1, 3)]
l.a = 10
l.shared = "instance"
print(l.total, l.shared, L.shared)  # expect: 13 instance class
try:
    l.total = 1
except AttributeError as e:
    print(e)  # expect: property 'total' of 'L' object has no setter
try:
    l.missing
except AttributeError as e:
    print(e)  # expect: 'L' object has no attribute 'missing'

out = []
done = _thread.allocate_lock()
done.acquire()
def work():
    out.append((l.a, l.b, l.total, l.shared))
    out.append(len(calls))
    l.a = 100
    out.append(l.a)
    done.release()
_thread.start_new_thread(work, ())
done.acquire()
print(out, calls[1])  # expect: [(1, 3, 4, 'class'), 2, 100] (False, 1, 3)
print(l.a)  # expect: 10

try:
    L()
except TypeError as e:
    print(e)  # expect: L.__init__() missing 1 required positional argument: 'a'

class Bad(_thread._local):
    def __init__(self, ok):
        if not ok[0]:
            raise ValueError("refused")
ok = [True]
b = Bad(ok)
ok[0] = False
errors = []
def use():
    for _ in range(2):
        try:
            b.x
        except ValueError as e:
            errors.append(str(e))
    done.release()
_thread.start_new_thread(use, ())
done.acquire()
print(errors)  # expect: ['refused', 'refused']

class S(_thread._local):
    __slots__ = ("s",)
s = S()
s.s = 1
s.other = 2
print(s.s, s.__dict__)  # expect: 1 {'other': 2}
try:
    S(1)
except TypeError as e:
    print(e)  # expect: Initialization arguments are not supported
