# Floats and strs other threads hold never change: the specialized float and str operations reuse only unique temporaries.
# the writer computes with popped items (temporaries) while readers keep references to the same objects and re-check them.
from _spec import race, Bad

R = 3
K = 3000


def floats():
    F = [float(i) for i in range(8)]
    d = {'k': 0.5}

    def write(k):
        F.append(F.pop() + 1.0)             # a popped float plus 1.0: the result may reuse a unique operand
        F.insert(0, F.pop() * 1.5 - 0.25)
        d['k'] = d.pop('k') + 2.0
        x = F.pop(3)
        x += 0.125                          # x is a local: never written in place while others hold it
        F.append(x)

    def read(c):
        held = [F[0], F[-1], F[3], d.get('k', 0.5)]
        copies = [h + 0.0 for h in held]
        t = 0.0
        for i in range(20):                 # some work with the references held
            t += i * 0.5
        t *= 2.0
        if t != 190.0:
            raise Bad('t = %r' % (t,))
        for h, cp in zip(held, copies):
            if h != cp:
                raise Bad('a float changed while held: %r then %r' % (cp, h))

    race(R, K, write, read)
    print('floats held by readers never change: ok')


def strs():
    S = ['s%d' % i for i in range(8)]

    def write(k):
        s = S.pop()
        s = s + 'x' if len(s) < 40 else 's'
        S.append(s)
        t = S.pop(0)
        t += 'y'                            # INPLACE_ADD_STR on a local
        if len(t) > 40:
            t = 't'
        S.append(t)

    def read(c):
        held = [S[0], S[-1], S[4]]
        copies = [h + '!' for h in held]
        acc = ''
        for i in range(10):
            acc += 'ab'                     # this thread's own in-place growth
        if acc != 'ab' * 10:
            raise Bad('acc = %r' % (acc,))
        for h, cp in zip(held, copies):
            if h + '!' != cp:
                raise Bad('a str changed while held: %r then %r' % (cp[:-1], h))

    race(R, K, write, read)
    print('strs held by readers never change: ok')


floats()
strs()
# expect: floats held by readers never change: ok
# expect: strs held by readers never change: ok
