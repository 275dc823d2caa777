# Many short threads, each using shared _local objects: their dicts come and
# go with the threads while other threads create and drop locals.
import _thread

ROUNDS, WIDTH = 100, 8
lock = _thread.allocate_lock()
totals = [0, 0]
bad = []
box = [None]

def work(k, locals_, done):
    mine = 0
    for j, loc in enumerate(locals_):
        loc.v = (k, j)
        mine += 1
    for j, loc in enumerate(locals_):
        if loc.v != (k, j):
            bad.append((k, j, loc.v))
    fresh = _thread._local()      # created and dropped in this thread
    fresh.v = k
    with lock:
        totals[0] += mine
        totals[1] += 1
        if totals[1] % WIDTH == 0:
            done.release()

for r in range(ROUNDS):
    locals_ = [_thread._local() for i in range(4)]
    done = _thread.allocate_lock()
    done.acquire()
    for k in range(WIDTH):
        _thread.start_new_thread(work, (k, locals_, done))
    done.acquire()
    locals_ = None            # the locals die while some threads are ending
while _thread._count():
    pass
print(totals, bad)  # expect: [3200, 800] []
