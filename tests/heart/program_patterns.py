# Hand-written contextmanager, memoization, backtracking, properties.
class _GenCM:
    def __init__(self, gen): self.gen = gen
    def __enter__(self): return next(self.gen)
    def __exit__(self, typ, val, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(typ, val, tb)
        except StopIteration as exc:
            return exc is not val
        except BaseException as exc:
            if exc is not val:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")

def contextmanager(func):
    def helper(*args, **kwds):
        return _GenCM(func(*args, **kwds))
    helper.__name__ = func.__name__
    return helper

@contextmanager
def tag(name, log):
    log.append("<%s>" % name)
    try:
        yield name.upper()
    except ValueError as e:
        log.append("swallowed %s" % e)
    finally:
        log.append("</%s>" % name)

log = []
with tag("a", log) as t:
    log.append(t)
    with tag("b", log):
        raise ValueError("inner")
    log.append("after b")
print(log)
try:
    with tag("c", log):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e, log[-2:])

def memo(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper

@memo
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), len(paths.cache))

def queens(n):
    cols, d1, d2, sol = set(), set(), set(), []
    def place(r, acc):
        if r == n:
            sol.append(tuple(acc))
            return
        for c in range(n):
            if c in cols or r - c in d1 or r + c in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); acc.append(c)
            place(r + 1, acc)
            cols.discard(c); d1.discard(r - c); d2.discard(r + c); acc.pop()
    place(0, [])
    return sol
s = queens(6)
print(len(s), s[0])

class Temperature:
    def __init__(self, c): self._c = c
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @property
    def fahrenheit(self): return self._c * 9 / 5 + 32
t = Temperature(25)
t.celsius = 30
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
class Animal:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Animal.registry.append(cls.__name__)
    def speak(self): return f"{type(self).__name__} says {self.sound()}"
class Dog(Animal):
    def sound(self): return "woof"
class Puppy(Dog):
    def sound(self): return super().sound() + "!"
print(Animal.registry, Puppy().speak(), isinstance(Puppy(), Animal))
# expect: ['<a>', 'A', '<b>', 'swallowed inner', '</b>', 'after b', '</a>']
# expect: caught 'propagates' ['<c>', '</c>']
# expect: 601080390 288
# expect: 4 (1, 3, 5, 0, 2, 4)
# expect: 30 86.0
# expect: ValueError below absolute zero
# expect: ['Dog', 'Puppy'] Puppy says woof! True
