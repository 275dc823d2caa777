# Specialized list[int] loads and stores while another thread appends,
# shrinks and stores: every load gives an item that was stored, or
# IndexError; every store lands or raises IndexError; nothing crashes.
import threading

shared = list(range(64))
shared_d = {i: i for i in range(64)}
bad = []

def worker(i):
    if i == 0:
        for r in range(4000):
            if r % 2:
                shared.append(r)
            else:
                del shared[32:]
            shared_d[r % 64] = r
            if r % 100 == 0:
                shared_d.clear()
                shared_d.update({k: k for k in range(64)})
    else:
        for r in range(4000):
            j = (r * 7) % 64
            try:
                v = shared[j]
                if type(v) is not int:
                    bad.append(v)
                shared[j] = v
            except IndexError:
                pass
            try:
                w = shared_d[j]
                if type(w) is not int:
                    bad.append(w)
            except KeyError:
                pass
            shared_d[64 + i] = r

threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(bad, len(shared) >= 32, all(type(k) is int and type(v) is int for k, v in shared_d.items()))
# expect: [] True True
