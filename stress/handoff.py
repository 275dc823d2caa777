# weft stress: lock, condition, queue, semaphore, barrier and event hand-offs between threads.
# ping-pong / producer-consumer / bounded entry / rounds -> the exact order or count each protocol promises.
"""Blocking primitives hand control from one thread to another; each part
checks the one order or count its protocol allows (strict alternation, FIFO
per producer, at most N inside, every round complete)."""
import queue
import threading
from _stress import Scenario, size

sc = Scenario('handoff')
K = size(2000, 100000)                 # hand-offs per part


def lock_ping_pong():
    sc.part('ping-pong on two Locks (released by the other thread)')
    a, b = threading.Lock(), threading.Lock()
    b.acquire()
    log = []

    def ping():
        for i in range(K):
            a.acquire()
            log.append(('ping', i))
            b.release()

    def pong():
        for i in range(K):
            b.acquire()
            log.append(('pong', i))
            a.release()
    sc.run([(ping,), (pong,)])
    want = [(who, i) for i in range(K) for who in ('ping', 'pong')]
    sc.equal(log, want, 'alternation log')
    sc.equal(a.locked(), False, 'lock a after the last round')


def condition_round_robin():
    sc.part('Condition.wait_for round robin among 3 threads')
    n = 3
    cond = threading.Condition()
    turn = [0]
    log = []

    def player(me):
        for i in range(K // 2):
            with cond:
                if not cond.wait_for(lambda: turn[0] == me, timeout=60):
                    sc.fail('player %d waited 60 s for its turn' % me)
                log.append(me)
                turn[0] = (me + 1) % n
                cond.notify_all()
    sc.run([(player, p) for p in range(n)])
    sc.equal(log, [i % n for i in range((K // 2) * n)], 'turn order')


def producer_consumer():
    sc.part('queue.Queue(maxsize=8): 3 producers, 3 consumers, task_done/join')
    P, C = 3, 3
    q = queue.Queue(maxsize=8)
    got = [[] for _ in range(C)]

    def producer(p):
        for i in range(K):
            q.put((p, i))

    def consumer(c):
        mine = got[c]
        while True:
            item = q.get()
            q.task_done()
            if item is None:
                return
            mine.append(item)
    consumers = [sc.start(consumer, c) for c in range(C)]
    sc.run([(producer, p) for p in range(P)])
    q.join()                           # every item taken and marked done
    sc.equal(q.qsize(), 0, 'queue size after join()')
    for _ in range(C):
        q.put(None)
    sc.join_all(consumers)
    everything = sorted(x for mine in got for x in mine)
    sc.equal(everything, [(p, i) for p in range(P) for i in range(K)], 'items consumed, each once')
    # FIFO: a consumer sees one producer's items in the order they were put.
    for c in range(C):
        for p in range(P):
            seq = [i for (pp, i) in got[c] if pp == p]
            sc.equal(seq, sorted(seq), 'order of producer %d items at consumer %d' % (p, c))


def lifo_and_simple():
    sc.part('LifoQueue and SimpleQueue hand-offs with get(timeout)')
    for q in (queue.LifoQueue(), queue.SimpleQueue()):
        out = []

        def taker():
            for _ in range(K):         # no sentinel: a LIFO would hand it out first
                try:
                    out.append(q.get(timeout=30))
                except queue.Empty:
                    sc.fail('get(timeout=30) timed out on %s' % type(q).__name__)
        t = sc.start(taker)
        for i in range(K):
            q.put(i)
        sc.join_all([t])
        sc.equal(sorted(out), list(range(K)), 'items through %s' % type(q).__name__)
        if isinstance(q, queue.SimpleQueue):
            sc.equal(out, list(range(K)), 'SimpleQueue order (FIFO, one producer)')


def semaphore():
    sc.part('BoundedSemaphore(2): at most 2 inside, every entry counted')
    T = 6
    sem = threading.BoundedSemaphore(2)
    guard = threading.Lock()
    inside = [0]
    most = [0]
    entries = [0]

    def worker():
        for _ in range(K // 4):
            with sem:
                with guard:
                    inside[0] += 1
                    entries[0] += 1
                    most[0] = max(most[0], inside[0])
                with guard:
                    inside[0] -= 1
    sc.run([(worker,) for _ in range(T)])
    sc.equal(entries[0], T * (K // 4), 'entries')
    sc.check(1 <= most[0] <= 2, 'at most 2 inside: saw %d' % most[0])
    try:
        sem.release()
        sc.fail('BoundedSemaphore released past its bound without ValueError')
    except ValueError:
        pass


def barrier_rounds():
    sc.part('Barrier rounds: everyone arrived, wait() indices 0..n-1')
    T, R = 4, max(1, K // 20)
    barrier = threading.Barrier(T)
    arrived = [[] for _ in range(R)]
    indices = [[] for _ in range(R)]
    complete = [[] for _ in range(R)]

    def worker(t):
        for r in range(R):
            arrived[r].append(t)
            indices[r].append(barrier.wait(timeout=60))
            complete[r].append(len(arrived[r]))
    sc.run([(worker, t) for t in range(T)])
    for r in range(R):
        sc.equal(sorted(arrived[r]), list(range(T)), 'arrivals of round %d' % r)
        sc.equal(sorted(indices[r]), list(range(T)), 'wait() results of round %d' % r)
        sc.equal(complete[r], [T] * T, 'arrivals seen after round %d' % r)
    sc.equal(barrier.broken, False, 'barrier broken')


def event_chain():
    sc.part('Event relay: thread i waits for event i, sets event i+1')
    n = 8
    rounds = max(1, K // 100)
    for r in range(rounds):
        events = [threading.Event() for _ in range(n + 1)]
        order = []

        def relay(i):
            if not events[i].wait(60):
                sc.fail('event %d never set' % i)
            order.append(i)
            events[i + 1].set()
        threads = [sc.start(relay, i) for i in reversed(range(n))]
        events[0].set()
        if not events[n].wait(60):
            sc.fail('round %d: the relay did not finish' % r)
        sc.join_all(threads)
        sc.equal(order, list(range(n)), 'relay order in round %d' % r)


def counters():
    sc.part('Lock and nested RLock protecting one counter')
    T = 4
    lock, rlock = threading.Lock(), threading.RLock()
    c = [0, 0]

    def worker():
        for _ in range(K):
            with lock:
                c[0] += 1
            with rlock:
                with rlock:
                    c[1] += 1
    sc.run([(worker,) for _ in range(T)])
    sc.equal(c, [T * K, T * K], 'counters')
    sc.equal(lock.locked(), False, 'Lock left locked')
    sc.equal(lock.acquire(False) and rlock.acquire(False), True, 'both free again')
    lock.release()
    rlock.release()


lock_ping_pong()
condition_round_robin()
producer_consumer()
lifo_and_simple()
semaphore()
barrier_rounds()
event_chain()
counters()
sc.done()
