# weft stress: thread creation and join churn (threading.Thread and _thread).
# waves of short-lived threads, a tree of threads starting threads, raw _thread starts -> every result, every join.
"""Hundreds of threads (thousands with WF_STRESS_LONG=1) are created, run a
little work and are joined, over and over, so thread-state creation,
registration, teardown and reuse of identifiers race with running threads."""
import _thread
import threading
import time
from _stress import Scenario, size

sc = Scenario('thread_churn')
WAVES = size(10, 200)                  # waves of WIDTH threads
WIDTH = 24
DEPTH = 6 if WAVES < 50 else 10        # thread tree: 2**(DEPTH+1) - 1 threads


def work(i):
    x = i
    for _ in range(50):
        x = (x * 1103515245 + 12345) & 0x7fffffff
    return x


def waves():
    sc.part('%d waves of %d threads, all alive together' % (WAVES, WIDTH))
    for w in range(WAVES):
        results = [None] * WIDTH
        idents = [None] * WIDTH
        together = threading.Barrier(WIDTH)

        def body(i):
            together.wait(60)          # all WIDTH threads exist at once here
            idents[i] = (threading.get_ident(), threading.current_thread().ident)
            results[i] = work(w * WIDTH + i)
        threads = [threading.Thread(target=sc.wrap(body, (i,)), name='w%d-%d' % (w, i))
                   for i in range(WIDTH)]
        for t in threads:
            t.start()
        sc.join_all(threads)
        sc.equal(results, [work(w * WIDTH + i) for i in range(WIDTH)], 'results of wave %d' % w)
        sc.equal(len(set(a for a, b in idents)), WIDTH, 'distinct idents in wave %d' % w)
        sc.check(all(a == b for a, b in idents), 'get_ident() == current_thread().ident')
        sc.check(all(not t.is_alive() for t in threads), 'a joined thread is alive')
        sc.equal(threading.active_count(), 1, 'active_count() after wave %d' % w)


def tree():
    sc.part('a binary tree of threads, depth %d, each joining its children' % DEPTH)
    count = [0]
    guard = threading.Lock()

    def node(depth):
        with guard:
            count[0] += 1
        if depth < DEPTH:
            kids = [sc.start(node, depth + 1) for _ in range(2)]
            sc.join_all(kids)
    sc.run([(node, 0)])
    sc.equal(count[0], 2 ** (DEPTH + 1) - 1, 'threads in the tree')


def raw_threads():
    n = WAVES * WIDTH
    sc.part('%d _thread.start_new_thread threads, the last one signals' % n)
    left = [n]
    total = [0]
    guard = _thread.allocate_lock()
    finished = _thread.allocate_lock()
    finished.acquire()

    def body(i):
        r = work(i)
        with guard:
            total[0] += r
            left[0] -= 1
            last = left[0] == 0
        if last:
            finished.release()
    for i in range(n):
        _thread.start_new_thread(body, (i,))
    if not finished.acquire(timeout=300):
        sc.fail('%d of %d threads never finished' % (left[0], n))
    sc.equal(total[0], sum(work(i) for i in range(n)), 'sum of the threads\' results')


def join_timeout():
    sc.part('join(timeout) on a blocked thread, then join()')
    for _ in range(max(1, WAVES // 5)):
        ev = threading.Event()
        t = sc.start(ev.wait, 60)
        t0 = time.monotonic()
        t.join(0.01)
        sc.check(t.is_alive(), 'a thread blocked on an Event is not alive after join(0.01)')
        sc.check(time.monotonic() - t0 < 30, 'join(0.01) took more than 30 s')
        ev.set()
        sc.join_all([t])
        sc.check(not t.is_alive(), 'thread alive after join()')


def subclass_run():
    sc.part('Thread subclasses overriding run(), started in bulk')
    out = [None] * WIDTH * 4

    class Worker(threading.Thread):
        def __init__(self, i):
            super().__init__(daemon=True)
            self.i = i

        def run(self):
            out[self.i] = work(self.i)
    for _ in range(max(1, WAVES // 2)):
        threads = [Worker(i) for i in range(len(out))]
        for t in threads:
            t.start()
        sc.join_all(threads)
    sc.equal(out, [work(i) for i in range(len(out))], 'results of the subclasses')


waves()
tree()
raw_threads()
join_timeout()
subclass_run()
sc.equal(threading.active_count(), 1, 'active_count() at the end')
sc.done()
