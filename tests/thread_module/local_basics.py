# _thread._local: each thread sees its own attributes.
import _thread

loc = _thread._local()
loc.x = "main"
print(loc.x, loc.__dict__)  # expect: main {'x': 'main'}

seen = {}
lock = _thread.allocate_lock()
left = [3]
done = _thread.allocate_lock()
done.acquire()

def work(n):
    before = hasattr(loc, "x")
    loc.x = n
    for _ in range(1000):
        loc.x = loc.x + 1
    with lock:
        seen[n] = (before, loc.x, sorted(loc.__dict__))
        left[0] -= 1
        if not left[0]:
            done.release()

for n in (0, 100, 200):
    _thread.start_new_thread(work, (n,))
done.acquire()
for n in sorted(seen):
    print(n, seen[n])
# expect: 0 (False, 1000, ['x'])
# expect: 100 (False, 1100, ['x'])
# expect: 200 (False, 1200, ['x'])
print(loc.x)  # expect: main
del loc.x
print(loc.__dict__)  # expect: {}
try:
    loc.x
except AttributeError as e:
    print(e)  # expect: '_thread._local' object has no attribute 'x'
try:
    del loc.y
except AttributeError as e:
    print(e)  # expect: '_thread._local' object has no attribute 'y'
try:
    loc.__dict__ = {}
except AttributeError as e:
    print(e)  # expect: '_thread._local' object attribute '__dict__' is read-only
for args, kwargs in (((1,), {}), ((), {"a": 1})):
    try:
        _thread._local(*args, **kwargs)
    except TypeError as e:
        print(e)
# expect: Initialization arguments are not supported
# expect: Initialization arguments are not supported
print(type(loc).__name__, type(loc).__module__)  # expect: _local _thread
