# Threads start and end 200 times running the same code. A new thread takes
# the lowest free bytecode index and with it the copies a dead thread warmed
# up (and specialized for other types): the guards must send it back to the
# generic paths where its own values differ. Results exact every time.
import threading

def total(items):
    s = items[0] - items[0]          # 0, 0.0 or "" by type
    for v in items:
        s = s + v if not isinstance(v, str) else s
    return s

def fold(items):
    acc = []
    for v in items:
        acc.append(v * 2)
    return acc[-1], len(acc)

inputs = [
    list(range(100)),
    [i * 0.25 for i in range(100)],
    [10 ** 20 + i for i in range(100)],    # big ints: a miss for small-int forms
]
expected = [(total(x), fold(x)) for x in inputs]
bad = []

def run(k):
    x = inputs[k % 3]
    for _ in range(3):
        if (total(x), fold(x)) != expected[k % 3]:
            bad.append(k)

for k in range(0, 200, 4):           # 50 rounds of 1, 2, 1 threads alive at once
    t = threading.Thread(target=run, args=(k,))
    t.start()
    t.join()
    a = threading.Thread(target=run, args=(k + 1,))
    b = threading.Thread(target=run, args=(k + 2,))
    a.start(); b.start(); a.join(); b.join()
    t = threading.Thread(target=run, args=(k + 3,))
    t.start()
    t.join()
print(bad)  # expect: []
print(expected[0][0], expected[1][0], expected[2][1])  # expect: 4950 1237.5 (200000000000000000198, 100)
