# RLock._release_save / _acquire_restore / _is_owned, as threading.Condition uses them.
import _thread

r = _thread.RLock()
me = _thread.get_ident()
r.acquire(); r.acquire()
state = r._release_save()
print(state == (2, me), r._is_owned())  # expect: True False
try:
    r._release_save()
except RuntimeError as e:
    print(e)  # expect: cannot release un-acquired lock

# While saved, another thread may take it.
done = _thread.allocate_lock()
done.acquire()
got = []
def other():
    got.append(r.acquire(False))
    r.release()
    done.release()
_thread.start_new_thread(other, ())
done.acquire()
print(got)  # expect: [True]

print(r._acquire_restore(state))  # expect: None
print(r._is_owned())  # expect: True
r.release(); r.release()
print(r._is_owned())  # expect: False
for bad in (2, (1, 2, 3)):
    try:
        r._acquire_restore(bad)
    except TypeError as e:
        print(e)
# expect: _acquire_restore() argument 1 must be 2-item sequence, not int
# expect: _acquire_restore() argument 1 must be sequence of length 2, not 3
