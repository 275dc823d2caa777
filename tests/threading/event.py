# Event: set/clear/is_set/wait with and without timeout.
import threading
e = threading.Event()
print(e.is_set(), e.wait(0.05), e.wait(0))
# expect: False False False
woken = []
ts = [threading.Thread(target=lambda: woken.append(e.wait())) for _ in range(3)]
for t in ts:
    t.start()
e.set()
for t in ts:
    t.join()
print(woken, e.is_set(), e.wait(), e.wait(0.01))
# expect: [True, True, True] True True True
e.clear()
print(e.is_set(), e.wait(0.01))
# expect: False False
