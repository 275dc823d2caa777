# A thread's _local dicts go when the thread ends, and every thread's dict
# goes when the _local object dies.
import _thread

log = []
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append("freed " + self.name)

loc = _thread._local()
loc.v = Tracked("main")

def work(name, release):
    loc.v = Tracked(name)
    sentinel = _thread._set_sentinel()
    sentinel.acquire()
    box.append(sentinel)
    release.release()

for name in ("t1", "t2"):
    box = []
    started = _thread.allocate_lock()
    started.acquire()
    _thread.start_new_thread(work, (name, started))
    started.acquire()
    box[0].acquire()          # the thread has ended
    print(log)
# expect: ['freed t1']
# expect: ['freed t1', 'freed t2']

hold = _thread.allocate_lock()
hold.acquire()
parked = _thread.allocate_lock()
parked.acquire()
def keep():
    sentinel = _thread._set_sentinel()
    sentinel.acquire()
    box.append(sentinel)
    loc.v = Tracked("parked")
    parked.release()
    hold.acquire()
box = []
_thread.start_new_thread(keep, ())
parked.acquire()
del loc
# A free-threaded runtime may finalize a little later than CPython: a value
# removed from a dict other threads read lock-free is released after a grace
# period, and the parked thread's objects when it runs again (biased counts
# merge in the owner). So release the parked thread and give it time.
hold.release()
box[0].acquire()
import time
for _ in range(1000):
    if len(log) == 4:
        break
    time.sleep(0.01)
print(sorted(log))  # expect: ['freed main', 'freed parked', 'freed t1', 'freed t2']
