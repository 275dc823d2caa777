# The fused list-slice forms while other threads grow, shrink and splice the
# same list: every slice read is a list of ints that were stored (in the
# order of some state), every slice store lands whole; nothing crashes.
import threading

shared = list(range(64))
bad = []

def worker(i):
    for r in range(3000):
        if i == 0:
            if r % 2:
                shared.extend(range(r % 16))
            else:
                del shared[40:]
        elif i == 1:
            shared[8:12] = [r, r, r, r]
            shared[:4] = shared[3::-1]
        else:
            part = shared[r % 50:r % 50 + 8]
            back = shared[::-3]
            for v in part + back:
                if type(v) is not int:
                    bad.append(v)
            if len(part) > 8:
                bad.append(len(part))

threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
head = shared[:12]
print(bad, len(shared) >= 40, sorted(head[:4]) == [0, 1, 2, 3], head[8:12] == [2999] * 4)
# expect: [] True True True
