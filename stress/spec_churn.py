# weft stress: short-lived threads running specialized code while a writer changes what it assumed.
# waves of threads (new ones may reuse a dead thread's bytecode copy) read class attributes, methods, globals, builtins -> exact.
"""A thread runs each code object in its own bytecode copy, and a new
thread may inherit a warmed-up copy (its caches filled by a thread that has
exited). Here waves of short-lived threads each run one hot function a few
hundred times while a writer thread keeps rebinding a class attribute, a
method on a base class, a global and a builtin of its own (increasing
tags; not a builtin the threading module uses): every
inherited cache must fail its guards on the changed objects like a fresh
one. Each thread's reads at one place never go back, and a last wave,
started after the writer stopped, sees exactly its final state."""
import builtins
import threading
from _stress import Scenario, size

sc = Scenario('spec_churn')
WAVES = size(12, 400)
PER_WAVE = 4
CALLS = 300
g_tag = 0
builtins.spec_churn_tag = 0


class Base:
    def f(self):
        return 0


class C(Base):
    x = 0


obj = C()
obj.pad = 0
stop = [False]
final = [0]


def tagged(k):
    def f(self):
        return k
    return f


def writer():
    k = 0
    global g_tag
    while not stop[0]:
        k += 1
        C.x = k
        Base.f = tagged(k)
        g_tag = k
        builtins.spec_churn_tag = k
    k += 1
    C.x = k
    Base.f = tagged(k)
    g_tag = k
    builtins.spec_churn_tag = k
    final[0] = k


def hot(lastv):
    # One call: each place keeps its own last tag.
    x = obj.x
    if x < lastv[0]:
        sc.fail('obj.x went back from %r to %r' % (lastv[0], x))
    lastv[0] = x
    f = obj.f()
    if f < lastv[1]:
        sc.fail('obj.f() went back from %r to %r' % (lastv[1], f))
    lastv[1] = f
    g = g_tag
    if g < lastv[2]:
        sc.fail('g_tag went back from %r to %r' % (lastv[2], g))
    lastv[2] = g
    b = spec_churn_tag              # noqa: F821 (a builtin set above)
    if b < lastv[3]:
        sc.fail('spec_churn_tag went back from %r to %r' % (lastv[3], b))
    lastv[3] = b


def short_lived():
    lastv = [0, 0, 0, 0]
    for _ in range(CALLS):
        hot(lastv)


def last_wave(out, i):
    lastv = [0, 0, 0, 0]
    for _ in range(CALLS):
        hot(lastv)
    out[i] = (obj.x, obj.f(), g_tag, spec_churn_tag)   # noqa: F821


sc.part('%d waves of %d threads while a writer rebinds' % (WAVES, PER_WAVE))
w = sc.start(writer)
try:
    for wave in range(WAVES):
        sc.run([(short_lived,)] * PER_WAVE)
finally:
    stop[0] = True
    sc.join_all([w])
sc.part('a last wave after the writer stopped')
out = [None] * PER_WAVE
sc.run([(last_wave, out, i) for i in range(PER_WAVE)])
k = final[0]
sc.equal(out, [(k, k, k, k)] * PER_WAVE, 'the last wave')
del builtins.spec_churn_tag
sc.done()
