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
# The parked thread's value may be freed only once that thread runs again
# (a free-threaded runtime merges cross-thread reference counts in the
# owner thread), so look after it has ended.
hold.release()
box[0].acquire()
print(sorted(log))  # expect: ['freed main', 'freed parked', 'freed t1', 'freed t2']
