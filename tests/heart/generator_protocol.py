# generator protocol details
def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("exit seen")
        raise
x = g(); next(x); x.close(); print("closed")
def g2():
    try:
        yield 1
    finally:
        print("cleanup g2")
y = g2(); next(y); del y
print("after del")
def inner():
    try:
        yield 'a'
    except ValueError as e:
        yield 'inner caught %s' % e
    return 'ret'
def outer():
    r = yield from inner()
    yield 'outer got ' + r
o = outer()
print(next(o))
print(o.throw(ValueError, 'boom'))
print(next(o))
try:
    next(o)
except StopIteration:
    print("stop")
def running():
    yield gr.gi_running
gr = running()
print(next(gr))
def selfnext():
    yield next(sn)
sn = selfnext()
try:
    next(sn)
except ValueError as e:
    print(e)
z = (i for i in [])
print(list(z), list(z))
def sendg():
    total = 0
    while True:
        v = yield total
        if v is None: break
        total += v
s = sendg(); next(s); s.send(5); print(s.send(10))
try:
    sendg().send(1)
except TypeError as e: print(e)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(It()))
def yf_iter():
    yield from It()
    yield from [7, 8]
print(list(yf_iter()))
def thrower():
    try:
        yield 1
    except KeyError:
        return 'handled'
t = thrower(); next(t)
try:
    t.throw(KeyError())
except StopIteration as e:
    print('stop value', e.value)
def gexc():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield 1
        raise
ge = gexc()
next(ge)
try:
    next(ge)
except ValueError as e:
    print("reraised from gen:", e)
# exc_info isolation
import sys
def gen_in_handler():
    try:
        raise KeyError('k')
    except KeyError:
        yield sys.exc_info()[0]
gh = gen_in_handler()
print(next(gh))
print(sys.exc_info())
# expect: exit seen
# expect: closed
# expect: cleanup g2
# expect: after del
# expect: a
# expect: inner caught boom
# expect: outer got ret
# expect: stop
# expect: True
# expect: generator already executing
# expect: [] []
# expect: 15
# expect: can't send non-None value to a just-started generator
# expect: [1, 2, 3]
# expect: [1, 2, 3, 7, 8]
# expect: stop value handled
# expect: reraised from gen: in gen
# expect: <class 'KeyError'>
# expect: (None, None, None)
