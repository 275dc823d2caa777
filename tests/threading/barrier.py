# Barrier: parties threads meet; wait() returns distinct indexes; the action
# runs once per round.
import threading
rounds = []
b = threading.Barrier(3, action=lambda: rounds.append("tripped"))
print(b.parties, b.n_waiting, b.broken)
# expect: 3 0 False
indexes = []
lock = threading.Lock()


def party():
    for _ in range(2):
        i = b.wait()
        with lock:
            indexes.append(i)


ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(indexes), rounds)
# expect: [0, 0, 1, 1, 2, 2] ['tripped', 'tripped']
print(b.n_waiting, b.broken)
# expect: 0 False
