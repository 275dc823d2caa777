# weft stress: objects allocated in one thread and freed in another.
# producers build objects -> queues carry them across threads -> consumers check and drop them; __del__ counts every free.
"""Reference counts of objects shared between threads must merge correctly
(biased reference counting: owner thread non-atomic, others atomic): an
object made by one thread and dropped by another is freed exactly once, after
its last use, whichever thread drops it. __del__ counts the frees, payloads
are checked at every hop, and a ring of threads passes tokens around (each
hop allocates the next token and drops the previous one)."""
import queue
import threading
import time
from _stress import Scenario, size

sc = Scenario('alloc_free')
K = size(3000, 200000)                 # objects per producer
freed = [0]
freed_lock = threading.Lock()


class Tracked:
    __slots__ = ('serial', 'payload')

    def __init__(self, serial):
        self.serial = serial
        self.payload = [serial, str(serial), (serial, float(serial)), {'s': serial}]

    def ok(self):
        s = self.serial
        p = self.payload
        return (p[0] == s and p[1] == str(s) and p[2] == (s, float(s))
                and p[3] == {'s': s})

    def __del__(self):
        with freed_lock:
            freed[0] += 1


def settle(want, what):
    """Frees may be deferred to an owner thread's next check: wait a little."""
    deadline = time.monotonic() + 10
    while freed[0] < want and time.monotonic() < deadline:
        time.sleep(0.01)
    sc.check(freed[0] <= want, '%s: %d frees for %d objects (freed twice?)' % (what, freed[0], want))
    sc.equal(freed[0], want, '%s: objects freed' % what)


def made_here_dropped_there():
    sc.part('producers allocate, consumers check and drop (queue hand-off)')
    P = C = 2
    freed[0] = 0
    q = queue.Queue(maxsize=64)
    checked = [0] * C

    def producer(p):
        for i in range(K):
            q.put(Tracked(p * K + i))

    def consumer(c):
        while True:
            obj = q.get()
            if obj is None:
                return
            if not obj.ok():
                sc.fail('object %r arrived damaged: %r' % (obj.serial, obj.payload))
            checked[c] += 1
            obj = None                 # the last reference dies here, in the consumer
    consumers = [sc.start(consumer, c) for c in range(C)]
    sc.run([(producer, p) for p in range(P)])
    for _ in range(C):
        q.put(None)
    sc.join_all(consumers)
    sc.equal(sum(checked), P * K, 'objects checked by the consumers')
    settle(P * K, 'queue hand-off')


def shared_then_dropped():
    sc.part('one object read by many threads, dropped by the last one')
    T = 4
    freed[0] = 0
    rounds = max(1, K // 50)
    slots = [None] * rounds
    go = threading.Barrier(T)

    def reader(t):
        go.wait()
        for r in range(rounds):
            while slots[r] is None:    # produced by thread 0 below
                if t == 0:
                    slots[r] = [Tracked(r), T]
            obj = slots[r][0]
            if not obj.ok():
                sc.fail('shared object %d damaged' % r)
            with freed_lock:
                slots[r][1] -= 1
                last = slots[r][1] == 0
            if last:                   # whichever thread reads it last drops it
                slots[r] = 0
            obj = None
    sc.run([(reader, t) for t in range(T)])
    sc.equal(slots, [0] * rounds, 'every shared object dropped')
    settle(rounds, 'shared objects')


def token_ring():
    sc.part('tokens around a ring of threads, a fresh token at every hop')
    R = 4
    laps = max(1, K // 30)
    inboxes = [queue.SimpleQueue() for _ in range(R)]
    finished = queue.SimpleQueue()

    def station(me):
        nxt = inboxes[(me + 1) % R]
        while True:
            tok = inboxes[me].get()
            if tok is None:
                return
            origin, hops, history = tok
            if history[-1] != (me - 1) % R or len(history) != hops:
                sc.fail('token from %d reached %d with history %r' % (origin, me, history[-5:]))
            if hops == laps * R:
                finished.put(tok)
                continue
            # A new tuple and a new list replace the old ones, freed here or in the sender.
            nxt.put((origin, hops + 1, history + [me]))
    threads = [sc.start(station, s) for s in range(R)]
    for s in range(R):
        inboxes[s].put((s, 1, [(s - 1) % R]))
    done = []
    deadline = time.monotonic() + 300
    while len(done) < R and not sc.errors and time.monotonic() < deadline:
        try:
            done.append(finished.get(timeout=0.5))
        except queue.Empty:
            pass
    for s in range(R):
        inboxes[s].put(None)
    sc.join_all(threads)
    sc.equal(len(done), R, 'tokens back after %d laps' % laps)
    for origin, hops, history in sorted(done):
        want = [(origin - 1 + h) % R for h in range(laps * R)]
        sc.equal(history, want, 'history of the token started at %d' % origin)


def bulk_batches():
    sc.part('batches of mixed objects built by one thread, summed and dropped by another')
    q = queue.Queue()
    batches = max(1, K // 100)
    sums = []

    def builder():
        for b in range(batches):
            batch = []
            for i in range(100):
                n = b * 100 + i
                batch.append((n, float(n), str(n), [n], {n: n}, 1 << (64 + n % 64), n))
            q.put(batch)
        q.put(None)

    def summer():
        total = 0
        while True:
            batch = q.get()
            if batch is None:
                sums.append(total)
                return
            for n, f, s, lst, d, big, again in batch:
                if f != n or int(s) != n or lst != [n] or d[n] != n or big >> 64 != 1 << (n % 64) or again != n:
                    sc.fail('batch item %d damaged' % n)
                total += n
            del batch
    sc.run([(builder,), (summer,)])
    n = batches * 100
    sc.equal(sums, [n * (n - 1) // 2], 'sum of the items')


made_here_dropped_there()
shared_then_dropped()
token_ring()
bulk_batches()
sc.done()
