# Two threads import two modules that import each other, each starting with
# a different one: the import locks see the cycle and hand one thread the
# partially initialized module (as CPython); nobody hangs.
import sys
import threading
errors = []


def load(name):
    try:
        __import__(name)
    except Exception as e:
        errors.append(type(e).__name__)


ts = [threading.Thread(target=load, args=(n,)) for n in ("_cyc_x", "_cyc_y")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(errors, sys.modules["_cyc_x"].name, sys.modules["_cyc_y"].name)
# expect: [] x y
