# A generator created in one thread and resumed by others, in turn: each
# resumption runs on the resuming thread's own bytecode copy, from the
# offset where the last thread stopped, with the same locals and stack.
# Results must equal a run in a single thread.
import threading

NT = 4
ROUNDS = 400

def numbers(n):
    total = 0
    for i in range(n):
        try:
            x = yield total
        except KeyError:
            total -= 1000
            continue
        acc = 0
        for j in range(20):          # hot enough to specialize in every thread
            acc += j * i + (x or 0)
        total += acc % 997
    return total

def drive(g, r):
    """Resume g for round r: send, or throw every 50th round."""
    if r == 0:
        return next(g)
    if r % 50 == 49:
        return g.throw(KeyError)
    return g.send(r)

reference = []
g = numbers(ROUNDS + 1)
for r in range(ROUNDS):
    reference.append(drive(g, r))

g = None                             # made by the thread of round 0
cond = threading.Condition()
turn = [0]
results = [None] * ROUNDS
by_thread = [0] * NT
private = [None] * NT

def worker(w):
    global g
    while True:
        with cond:
            while turn[0] < ROUNDS and turn[0] % NT != w:
                cond.wait()
            r = turn[0]
        if r >= ROUNDS:
            return
        if r == 0:
            g = numbers(ROUNDS + 1)
        results[r] = drive(g, r)
        by_thread[w] += 1
        with cond:
            turn[0] += 1
            cond.notify_all()
        # While the next thread resumes g, run the same code here: if g still
        # ran on this thread's copy, both threads would write that copy (a
        # data race; tests/unit/test_tlbc.c checks the move directly).
        own = numbers(10)
        private[w] = [next(own)] + [own.send(k) for k in range(1, 8)]

threads = [threading.Thread(target=worker, args=(w,)) for w in range(NT)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results == reference, by_thread)  # expect: True [100, 100, 100, 100]
print(private == [private[0]] * NT, private[0][-1])  # expect: True 2556
print(results[-1])  # expect: 187870
try:                                 # back in the main thread, to the end
    while True:
        g.send(1)
except StopIteration as e:
    print("returned", e.value)  # expect: returned 188176
