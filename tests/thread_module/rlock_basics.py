# _thread.RLock: re-entrant acquire, release by the owner only, repr, with.
import _thread

r = _thread.RLock()
me = _thread.get_ident()
print(repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))  # expect: True
print(r.acquire(), r.acquire(), r.acquire(timeout=1))  # expect: True True True
print(repr(r).startswith("<locked _thread.RLock object owner=%d count=3 at 0x" % me))  # expect: True
print(r._is_owned())  # expect: True
r.release(); r.release()
print(r._is_owned())  # expect: True
r.release()
print(r._is_owned())  # expect: False
try:
    r.release()
except RuntimeError as e:
    print(e)  # expect: cannot release un-acquired lock
with r:
    with r:
        print("nested", r._is_owned())  # expect: nested True
print(r._is_owned())  # expect: False
print(_thread.RLock(1, x=2)._is_owned())  # expect: False
print(_thread.RLock.__module__, _thread.RLock.__name__)  # expect: _thread RLock

# Another thread can neither release it nor take it while it is held.
r.acquire()
out = []
done = _thread.allocate_lock()
done.acquire()
def other():
    try:
        r.release()
    except RuntimeError as e:
        out.append(str(e))
    out.append(r.acquire(False))
    out.append(r.acquire(timeout=0.05))
    out.append(r._is_owned())
    done.release()
_thread.start_new_thread(other, ())
done.acquire()
print(out)  # expect: ['cannot release un-acquired lock', False, False, False]
r.release()

class Sub(_thread.RLock):
    pass
s = Sub()
print(s.acquire(), repr(s).startswith("<locked Sub object owner="))  # expect: True True
s.release()
