# One thread clears a list and regrows it (extend, slice assignment) again
# and again while others iterate and index it: readers see only items that
# were put there, in order, or stop early. A reader may have loaded the
# long length from before a clear; the regrown block's unfilled slots are
# zeroed so that it never reads a leftover of the allocator (core/seq.h,
# rule 4). The window is narrow: threads_spec/iteration.py under ASan is
# what caught it (about one run in twelve under load before the fix).
import threading

N = 3000
L = list(range(60))
bad = []
done = threading.Event()

def writer():
    for k in range(N):
        L.clear()
        L.extend(range(k % 7))
        L[:] = range(60)
    done.set()

def reader():
    while not done.is_set():
        j = 0
        for x in L:
            if x != j:
                bad.append(x)
                break
            j += 1
        for i in (3, 30, 59):
            try:
                if L[i] != i:
                    bad.append(L[i])
            except IndexError:
                pass

threads = [threading.Thread(target=reader) for _ in range(3)]
for t in threads:
    t.start()
writer()
for t in threads:
    t.join()
print(bad[:5], L == list(range(60)))
# expect: [] True
