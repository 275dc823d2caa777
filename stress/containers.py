# weft stress: concurrent operations on shared lists, dicts and sets.
# threads append/pop/update/add/iterate on the same containers -> nothing lost, nothing duplicated, nothing torn.
"""Every single operation on a built-in container is atomic (issue 3): this
scenario hammers one shared list, dict or set from several threads at once
and checks the final contents exactly, plus what readers saw on the way."""
import threading
from _stress import Scenario, size

sc = Scenario('containers')
T = 4                                  # workers per part (2 cores: contention and preemption)
K = size(3000, 200000)                 # operations per worker


def appends():
    sc.part('list.append from %d threads' % T)
    shared = []
    go = threading.Barrier(T)

    def worker(t):
        go.wait()
        for i in range(K):
            shared.append((t, i))
    sc.run([(worker, t) for t in range(T)])
    sc.equal(len(shared), T * K, 'length after appends')
    # One thread's appends keep their order in the list.
    seen = [[] for _ in range(T)]
    for t, i in shared:
        seen[t].append(i)
    for t in range(T):
        sc.equal(seen[t], list(range(K)), 'items of thread %d in list order' % t)


def pops():
    sc.part('list.pop() and pop(0) racing to empty one list')
    n = T * K
    shared = list(range(n))
    got = [[] for _ in range(T)]
    go = threading.Barrier(T)

    def worker(t):
        mine = got[t]
        go.wait()
        while True:
            try:
                mine.append(shared.pop(0) if t % 2 else shared.pop())
            except IndexError:
                return
    sc.run([(worker, t) for t in range(T)])
    sc.equal(len(shared), 0, 'list left after popping')
    everything = []
    for mine in got:
        everything.extend(mine)
    sc.equal(len(everything), n, 'number of items popped')
    sc.equal(sorted(everything), list(range(n)), 'items popped, each exactly once')
    # pop() returns a decreasing sequence to each thread, pop(0) an increasing one.
    for t in range(T):
        want = sorted(got[t]) if t % 2 else sorted(got[t], reverse=True)
        sc.equal(got[t], want, 'order of the items thread %d popped' % t)


def append_pop_mix():
    sc.part('producers append while consumers pop')
    shared = []
    producers_done = threading.Event()
    consumed = [[] for _ in range(T // 2)]

    def producer(p):
        for i in range(K):
            shared.append(p * K + i)

    def consumer(c):
        mine = consumed[c]
        while True:
            try:
                mine.append(shared.pop())
            except IndexError:
                if producers_done.is_set() and not shared:
                    return
    producers = [sc.start(producer, p) for p in range(T // 2)]
    consumers = [sc.start(consumer, c) for c in range(T // 2)]
    sc.join_all(producers)
    producers_done.set()
    sc.join_all(consumers)
    everything = sorted(shared + [x for mine in consumed for x in mine])
    sc.equal(everything, list(range((T // 2) * K)), 'items appended = items popped + left')


def dict_updates():
    sc.part('dict: private keys, shared keys, readers')
    d = {}
    stop = threading.Event()
    slots = 64

    def writer(t):
        for i in range(K):
            d[(t, i)] = i
            d[i % slots] = (t, i)

    def reader():
        while not stop.is_set():
            for k in range(slots):
                v = d.get(k)
                if v is not None and (type(v) is not tuple or len(v) != 2 or v[1] % slots != k):
                    sc.fail('d[%d] read as %r, a value no writer wrote there' % (k, v))
            n = len(d)
            if n < 0 or n > T * K + slots:
                sc.fail('len(d) read as %d' % n)
    readers = [sc.start(reader) for _ in range(2)]
    sc.run([(writer, t) for t in range(T)])
    stop.set()
    sc.join_all(readers)
    sc.equal(len(d), T * K + slots, 'len(d)')
    for t in range(T):
        bad = [i for i in range(K) if d.get((t, i)) != i]
        sc.equal(bad, [], 'private keys of thread %d with a wrong value' % t)
    for k in range(slots):
        v = d[k]
        sc.check(v[1] % slots == k and v[1] >= K - slots, 'final d[%d] = %r' % (k, v))


def dict_pop_setdefault():
    sc.part('dict.pop and dict.setdefault: exactly one winner per key')
    n = K * 2
    d = {i: i for i in range(n)}
    popped = [[] for _ in range(T)]
    go = threading.Barrier(T)

    def popper(t):
        mine = popped[t]
        go.wait()
        for i in range(n):
            v = d.pop(i, None)
            if v is not None:
                if v != i:
                    sc.fail('d.pop(%d) returned %r' % (i, v))
                mine.append(v)
    sc.run([(popper, t) for t in range(T)])
    sc.equal(len(d), 0, 'dict left after popping')
    sc.equal(sorted(x for mine in popped for x in mine), list(range(n)),
             'keys popped, each by exactly one thread')

    d = {}
    answers = [None] * T

    def setter(t):
        mine = []
        go.wait()
        for i in range(K):
            mine.append(d.setdefault(i, t))
        answers[t] = mine
    sc.run([(setter, t) for t in range(T)])
    final = [d[i] for i in range(K)]
    for t in range(T):
        sc.equal(answers[t], final, 'setdefault results of thread %d vs the stored winners' % t)


def set_adds():
    sc.part('set.add overlapping ranges, set.remove racing')
    s = set()
    go = threading.Barrier(T)

    def adder(t):
        go.wait()
        for i in range(t * K // 2, t * K // 2 + K):
            s.add(i)
    sc.run([(adder, t) for t in range(T)])
    want = set()
    for t in range(T):
        want.update(range(t * K // 2, t * K // 2 + K))
    sc.equal(len(s), len(want), 'len(s) after adds')
    sc.equal(s == want, True, 's equals the union of the ranges')

    removed = [[] for _ in range(T)]

    def remover(t):
        mine = removed[t]
        go.wait()
        for i in sorted(want):
            try:
                s.remove(i)
            except KeyError:
                continue
            mine.append(i)
    sc.run([(remover, t) for t in range(T)])
    sc.equal(len(s), 0, 'set left after removing')
    sc.equal(sorted(x for mine in removed for x in mine), sorted(want),
             'elements removed, each by exactly one thread')


def iterate_while_growing():
    sc.part('iteration and len() while another thread appends/inserts')
    lst = []
    d = {}
    stop = threading.Event()

    def grower():
        for i in range(K * 2):
            lst.append(i)
            d[i] = i * 2
        stop.set()

    def list_reader():
        last_len = 0
        while not stop.is_set():
            n = len(lst)
            if n < last_len:
                sc.fail('len(lst) went from %d down to %d' % (last_len, n))
            last_len = n
            for j, x in enumerate(lst):
                if x != j:
                    sc.fail('lst[%d] iterated as %r' % (j, x))

    def dict_reader():
        while not stop.is_set():
            try:
                for k, v in d.items():
                    if v != k * 2:
                        sc.fail('d[%r] iterated as %r' % (k, v))
            except RuntimeError as e:    # "dictionary changed size / keys changed during iteration"
                if 'during iteration' not in str(e):
                    raise
    readers = [sc.start(list_reader), sc.start(dict_reader)]
    sc.run([(grower,)])
    sc.join_all(readers)
    sc.equal(lst, list(range(K * 2)), 'list built while read')
    sc.equal(len(d), K * 2, 'dict built while read')


appends()
pops()
append_pop_mix()
dict_updates()
dict_pop_setdefault()
set_adds()
iterate_while_growing()
sc.done()
