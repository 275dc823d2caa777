# start_new_thread runs function(*args, **kwargs) on a new thread and returns its ident.
import _thread

done = _thread.allocate_lock()
done.acquire()
result = []

def work(a, b, c=0, d=0):
    result.append((a, b, c, d, _thread.get_ident()))
    done.release()

ident = _thread.start_new_thread(work, (1, 2), {'d': 4})
done.acquire()
print(result[0][:4])  # expect: (1, 2, 0, 4)
print(result[0][4] == ident)  # expect: True
print(ident != _thread.get_ident())  # expect: True
print(type(ident).__name__)  # expect: int

# A tuple subclass and a dict subclass are accepted, as CPython.
class T(tuple):
    pass
class D(dict):
    pass
_thread.start_new_thread(work, T((5, 6)), D(c=7))
done.acquire()
print(result[1][:4])  # expect: (5, 6, 7, 0)

# The alias start_new.
_thread.start_new(work, (8, 9))
done.acquire()
print(result[2][:4])  # expect: (8, 9, 0, 0)
