# Generators suspended in `yield from`, resumed, thrown into and closed by
# threads other than the one that ran them last. throw() and close() look at
# the suspended instruction (the yield-from loop) through the code object's
# template, not through another thread's bytecode copy.
import threading

log = []

def inner(k):
    try:
        for i in range(3):
            yield k * 10 + i
    except ValueError:
        return "inner caught %d" % k      # ends the yield from: outer goes on
    finally:
        log.append("inner %d done" % k)

def outer(k):
    got = yield from inner(k)
    yield got
    try:
        yield from inner(k + 100)
    finally:
        log.append("outer %d closed" % k)

def in_thread(fn):
    out = []
    t = threading.Thread(target=lambda: out.append(fn()))
    t.start()
    t.join()
    return out[0]

gens = [outer(k) for k in range(30)]
for g in gens:
    next(g)                                # main thread: suspended in inner
hold = threading.Barrier(2)
results = []

def busy():                                # a second thread alive, so the
    hold.wait()                            # runners below get index 2 too
    hold.wait()

b = threading.Thread(target=busy)
b.start()
hold.wait()
for k, g in enumerate(gens):
    a = in_thread(lambda: next(g))                     # k*10 + 1, another thread
    c = in_thread(lambda: g.throw(ValueError))          # inner returns: "inner caught k"
    d = in_thread(lambda: next(g))                      # into the second yield from
    in_thread(g.close)                                  # GeneratorExit through it
    results.append((a, c, d))
hold.wait()
b.join()
print(results[0])  # expect: (1, 'inner caught 0', 1000)
print(results[29])  # expect: (291, 'inner caught 29', 1290)
print(all(r == (k * 10 + 1, "inner caught %d" % k, (k + 100) * 10) for k, r in enumerate(results)))  # expect: True
print(len(log), log[:3])  # expect: 90 ['inner 0 done', 'inner 100 done', 'outer 0 closed']
