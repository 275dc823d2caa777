# get_ident is distinct per live thread and matches start_new_thread's
# result; get_native_id is the kernel's thread id.
import _thread, os

ids = []
lock = _thread.allocate_lock()
gate = _thread.allocate_lock()
gate.acquire()
left = [3]
done = _thread.allocate_lock()
done.acquire()

def work():
    with lock:
        ids.append((_thread.get_ident(), _thread.get_native_id()))
        left[0] -= 1
        if not left[0]:
            done.release()
    gate.acquire()   # stay alive until all have reported
    gate.release()

# (No new module globals are bound while the threads run: a globals dict that
# grows under a concurrent LOAD_GLOBAL is a separate, dict-level issue.)
started = []
started.extend(_thread.start_new_thread(work, ()) for i in range(3))
done.acquire()
gate.release()
while _thread._count():
    pass
print(sorted(i for i, _ in ids) == sorted(started))  # expect: True
everyone = [i for i, _ in ids] + [_thread.get_ident()]
print(len(set(everyone)))  # expect: 4
natives = [n for _, n in ids] + [_thread.get_native_id()]
print(len(set(natives)), all(type(n) is int and n > 0 for n in natives))  # expect: 4 True
print(_thread.get_native_id() == os.getpid())  # expect: True
for f in (_thread.get_ident, _thread.get_native_id, _thread._count):
    try:
        f(1)
    except TypeError as e:
        print(e)
# expect: _thread.get_ident() takes no arguments (1 given)
# expect: _thread.get_native_id() takes no arguments (1 given)
# expect: _thread._count() takes no arguments (1 given)
