# weft stress: the shared shape of the spec_* scenarios (specialized code racing a writer).
# callers warm read() up (specialized in their own bytecode copy), the writer steps while they loop, late threads join at the end.
"""hot_race(sc, callers, steps, write, read, final): like Scenario.race, but
each caller first runs read(c) WARM times (so its copy of read's code is
specialized before anything changes), the writer starts only when every
caller is warm, calls write(k) for k in range(steps) and pauses every PACE
steps until every caller made progress (so reads interleave with writes on
2 cores, under a GIL and under TSan alike), then end(). After the writer,
LATE fresh threads run read() WARM times and final() too: a new thread may
inherit a warmed-up bytecode copy, whose guards must fail like anyone's.
read() gets c in range(callers + LATE); returns every final(c).

Tags: writers store increasing numbers; Mono checks that the reads at one
place of one thread never go back in time."""
import threading
import time

WARM = 200
PACE = 32
SPINS = 200
LATE = 2


def hot_race(sc, callers, steps, write, read, final=lambda c: None, end=None):
    count = [0] * callers
    warm = [0]
    lock = threading.Lock()

    def warm_read(c):
        if count[c] == 0:
            for _ in range(WARM):
                read(c)
            with lock:
                warm[0] += 1
        read(c)
        count[c] += 1

    def progress(seen):
        for _ in range(SPINS):
            if sc.errors or all(count[i] > seen[i] for i in range(callers)):
                break
            time.sleep(0)
        return list(count)

    def writer():
        while warm[0] < callers and not sc.errors:
            time.sleep(0.001)
        seen = progress([0] * callers)
        for k in range(steps):
            write(k)
            if k % PACE == PACE - 1:
                seen = progress(seen)
        if end is not None:
            end()

    me = threading.local()

    def hot_read(c):
        me.c = c
        warm_read(c)
    finals = sc.race(callers, writer, hot_read, lambda: final(me.c))
    out = [None] * LATE

    def late(i):
        for _ in range(WARM):
            read(callers + i)
        out[i] = final(callers + i)
    sc.run([(late, i) for i in range(LATE)])
    return finals + out


class Mono:
    """Per thread and place: the last tag read there."""
    def __init__(self, sc, threads):
        self.sc = sc
        self.last = [{} for _ in range(threads + LATE)]

    def __call__(self, c, v, what):
        prev = self.last[c].get(what)
        if prev is not None and v < prev:
            self.sc.fail('%s went back from %r to %r' % (what, prev, v))
        self.last[c][what] = v
