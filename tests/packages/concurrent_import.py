# Threads importing one module at the same time run it once; each gets the
# fully initialized module (the others wait for the first).
import threading
import sys
barrier = threading.Barrier(4)
seen = []
lock = threading.Lock()


def importer():
    barrier.wait()
    import _slow_mod
    import _app.sub.leaf
    with lock:
        seen.append((_slow_mod.ready, _app.sub.leaf.doubled))


ts = [threading.Thread(target=importer) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
# expect: loading _slow_mod
# expect: init _app
# expect: init _app.mod
print(seen)
# expect: [(True, 84), (True, 84), (True, 84), (True, 84)]
print(sys.modules["_slow_mod"].ready)
# expect: True
