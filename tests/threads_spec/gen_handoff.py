# A generator running specialized code is resumed by one thread after another while a writer changes what it reads.
# each resume continues in the resuming thread's bytecode copy: items in order, tags never go back, tracebacks point at the right line.
import threading
from _spec import race, Bad, tagged

R = 3
K = 3000


class C:
    x = 0

    def f(self):
        return 0



o = C()
o.pad = 0
lock = threading.Lock()


def produce():
    i = 0
    while True:
        # some of every family: attribute and method loads, arithmetic,
        # a subscript, a call, a loop: all specialized in whichever copy
        # the frame is running
        t = [o.x, o.f(), i * 2 + 1]
        s = 0
        for v in t:
            s += v
        yield (i, t[0], t[1], s)
        i += 1


gen = produce()
seen = [(-1, 0, 0)]


def handoff():
    def write(k):
        C.x = k + 1
        C.f = tagged(k + 1)

    def read(c):
        with lock:                  # one resumer at a time: no "already executing"
            i, x, f, s = next(gen)
            pi, px, pf = seen[0]
            if i != pi + 1 or x < px or f < pf or s != x + f + 2 * i + 1:
                raise Bad('item %r after %r' % ((i, x, f, s), seen[0]))
            seen[0] = (i, x, f)

    def final(c):
        with lock:
            i, x, f, s = next(gen)
            seen[0] = (i, x, f)
            return x, f

    finals = race(R, K, write, read, final)
    if finals != [(K, K)] * (R + 1):
        raise Bad('finals %r' % (finals,))
    print('generator resumed by several threads: ok')


def boom(n):
    if n == 350:
        raise ValueError(n)             # the line reported below
    return n


def raising():
    # Four threads, one after the other, resume one generator 100 times each;
    # the fourth gets the exception raised inside it.
    def gen2():
        for n in range(1000):
            yield boom(n) + o.x

    g = gen2()
    got = []
    lines = []

    def run():
        try:
            for _ in range(100):
                got.append(next(g) - o.x)
        except ValueError as e:
            tb = e.__traceback__
            while tb.tb_next is not None:
                tb = tb.tb_next
            lines.append(tb.tb_lineno)

    for _ in range(4):
        t = threading.Thread(target=run)
        t.start()
        t.join()
    expect = boom.__code__.co_firstlineno + 2
    if got != list(range(350)) or lines != [expect]:
        raise Bad('%d items, exception at line %r, expected %r' % (len(got), lines, expect))
    print('an exception in a handed-off generator: right line')


handoff()
raising()
# expect: generator resumed by several threads: ok
# expect: an exception in a handed-off generator: right line
