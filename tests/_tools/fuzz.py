#!/usr/bin/python3.11
# weft: a seeded, cheap crash fuzzer for the interpreter.
# tests/**/*.py + bench/*.py + hostile templates -> mutated programs -> weft -> crash reports + minimized reproducers.
"""Fuzz weft with mutated programs and report crashes.

Each case is either a mutation of a test or benchmark program (delete,
duplicate or swap lines, truncate, insert tokens, operators or random
unicode) or a generated hostile program (deep nesting, huge literals and
ints, recursion and exceptions in dunders, containers mutated during
iteration/sort/comparison, generators closed or thrown at odd times,
recursion limit extremes). Every case runs under weft (an ASan+UBSan build
is best) with a timeout; a finding is any of:

  signal     killed by a signal (SIGSEGV, SIGABRT, ...)
  sanitizer  "ERROR: AddressSanitizer" or "file.c:N:M: runtime error:"
  hang       the timeout expired (unless CPython, --cpython, times out too)
  fatal      "weft: fatal" / "Fatal Python error" / "Aborted" on stderr

Ordinary Python exceptions and SyntaxErrors are fine: that is the point.
Findings are written to --out (program, stderr, and with --minimize a
line-minimized reproducer that still fails the same way).

  /usr/bin/python3.11 tests/_tools/fuzz.py --weft build-conform/weft -n 300 -j 2
  /usr/bin/python3.11 tests/_tools/fuzz.py --only-templates -n 100 --minimize

The same --seed gives the same programs.
"""
import argparse
import concurrent.futures as cf
import glob
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
ROOT = os.path.dirname(TESTS)

SAN_RE = re.compile(r'ERROR: (Address|Undefined|Leak|Memory|Thread)Sanitizer[^\n]*|'
                    r'[\w./-]+\.[ch]:\d+:\d+: runtime error:[^\n]*')
FATAL_RE = re.compile(r'weft: fatal[^\n]*|Fatal Python error[^\n]*|^Aborted', re.M)

TOKENS = ['(', ')', '[', ']', '{', '}', ':', ',', '.', ';', '=', '==', '+', '-',
          '*', '**', '/', '//', '%', '@', '<<', '>>', '&', '|', '^', '~', '<',
          '>', '<=', '>=', '!=', '->', '+=', '-=', '*=', '**=', ':=', '...',
          'lambda', 'yield', 'yield from', 'await', 'async', 'def', 'class',
          'return', 'if', 'else', 'elif', 'while', 'for', 'in', 'not', 'is',
          'and', 'or', 'try', 'except', 'finally', 'with', 'as', 'raise',
          'del', 'global', 'nonlocal', 'pass', 'break', 'continue', 'import',
          'from', 'None', 'True', 'False', '0', '1', '-1', '1e308', '1e309',
          '0x7fffffffffffffff', '2**64', '10**100', "'x'", '"\\u1234"',
          "f'{x}'", "f'{x!r:>{10}}'", 'b""', '"""', "'''", '\\', '#', '\t',
          '\n', ' ' * 9, 'print', 'len', 'iter', 'next', 'super()', 'self',
          '__class__', '[*x]', '{**x}', '*', 'x', 'y', 'i', 'n']
UNICODE = ['é', 'ß', '日本', '😀', '\u0301', '\u200b', '\ufeff', '\U0010ffff',
           '\u2028', 'ǅ', 'İ', 'ﬁ', 'Ω', '\x00', '\x7f', '\x1b', '\r']


# ---- hostile templates -------------------------------------------------------

def t_nested_parens(r):
    n = r.choice([100, 1000, 5000, 20000])
    kind = r.choice(['()', '[]', '{}', 'f', 'lambda', 'not', '-', 'if', 'sub', 'attr', 'call'])
    if kind == 'f':
        return 'x = 1\ny = ' + "f'{" * min(n, 200) + 'x' + "}'" * min(n, 200) + '\nprint(y)\n'
    if kind == 'lambda':
        return 'f = ' + 'lambda: ' * n + '1\nprint(f)\n'
    if kind == 'not':
        return 'print(' + 'not ' * n + 'True)\n'
    if kind == '-':
        return 'print(' + '-' * n + '1)\n'
    if kind == 'if':
        return 'print(' + '1 if ' * n + '1' + ' else 2' * n + ')\n'
    if kind == 'sub':
        return 'x = [0]\nprint(x' + '[0' * n + ']' * n + ')\n'
    if kind == 'attr':
        return 'class A: pass\na = A()\na.a = a\nprint(a' + '.a' * n + ' is a)\n'
    if kind == 'call':
        return 'f = lambda x: x\nprint(' + 'f(' * n + '1' + ')' * n + ')\n'
    o, c = kind
    return 'x = ' + o * n + c * n + '\nprint(len(str(x)))\n'


def t_nested_blocks(r):
    n = r.choice([50, 100, 200, 1000])
    kw = r.choice(['if True:', 'while True:', 'for i in [1]:', 'try:', 'with open(__file__):',
                   'def f():', 'class C:'])
    lines = []
    for i in range(n):
        lines.append(' ' * i + kw)
        if kw == 'try:':
            pass
    lines.append(' ' * n + 'print(1)')
    if kw == 'try:':
        for i in reversed(range(n)):
            lines.append(' ' * i + 'finally: pass')
    return '\n'.join(lines) + '\n'


def t_big_literal(r):
    n = r.choice([1000, 10000, 30000])  # 100000+ only shows the known O(n^2) constant table
    kind = r.choice(['list', 'tuple', 'set', 'dict', 'str', 'args', 'concat', 'bool'])
    if kind == 'list':
        return 'x = [' + ', '.join(str(i) for i in range(n)) + ']\nprint(len(x), sum(x))\n'
    if kind == 'tuple':
        return 'x = (' + ', '.join('%d' % (i % 7) for i in range(n)) + ')\nprint(len(x))\n'
    if kind == 'set':
        return 'x = {' + ', '.join("'s%d'" % i for i in range(n)) + '}\nprint(len(x))\n'
    if kind == 'dict':
        return 'x = {' + ', '.join('%d: %d' % (i, i) for i in range(n)) + '}\nprint(len(x))\n'
    if kind == 'str':
        return 'x = "' + 'a\\n' * n + '"\nprint(len(x))\n'
    if kind == 'args':
        m = min(n, 100000)
        return 'def f(*a, **k): return len(a)\nprint(f(' + ', '.join(['1'] * m) + '))\n'
    if kind == 'bool':
        return 'print(' + ' and '.join(['1'] * min(n, 50000)) + ')\n'
    return 'print(len(' + ' + '.join("'ab'" for _ in range(min(n, 50000))) + '))\n'


def t_huge_int(r):
    e = r.choice(['10**100000', '2**1000000', '-(7**50000)', '(1 << 200000) - 1',
                  "int('9' * 5000)", "int('9' * 4301)", '10**308', '2**63', '-2**63',
                  '2**64 - 1', '0x' + 'f' * 3000, '1' * 4400])
    op = r.choice(['str(x)[:10]', 'x * x % 97', 'x // 3 % 11', 'x >> 100000', 'x << 1000000',
                   'float(x)', 'hash(x)', 'x.bit_length()', 'divmod(x, -7)[1]', 'x ** 3 % 5',
                   'pow(x, -1, 97)', 'pow(3, x, 1000)', "f'{x:,}'[:20]", "f'{x:e}'", 'round(x, -50) % 9',
                   'x.to_bytes(8, "little")', 'abs(x) % 3', '-x % 13', 'x / 3', 'x == float(x)',
                   'math.isqrt(abs(x)) % 7', 'math.factorial(5000) % x', 'math.gcd(x, 6)',
                   'int(str(x)) == x', '[1] * x', "'a' * x", 'range(x)[-1] % 10', 'x in range(10)',
                   'max(x, 1.5)', 'complex(x)', '1.0 * x', "format(x, 'x')[:5]", 'x % 0', 'x // 0.0'])
    return 'import math\nx = %s\nprint(%s)\n' % (e, op)


DUNDERS = ['__repr__', '__str__', '__eq__', '__lt__', '__hash__', '__len__', '__iter__',
           '__next__', '__bool__', '__index__', '__int__', '__float__', '__getitem__',
           '__contains__', '__format__', '__add__', '__radd__', '__call__', '__getattr__',
           '__setattr__', '__del__', '__enter__', '__exit__', '__reversed__', '__length_hint__']

DUNDER_USES = ['repr(o)', 'str(o)', 'o == o', '[o] == [o]', 'o < o', 'sorted([o, o, o])',
               'hash(o)', '{o: 1}', '{o}', 'len(o)', 'list(o)', 'tuple(o)', 'next(o)',
               'bool(o)', '[1, 2][o]', 'int(o)', 'float(o)', 'o[0]', '1 in o', "f'{o}'",
               "format(o, 'x')", 'o + 1', '1 + o', 'o()', 'o.zzz', 'setattr(o, "a", 1)',
               'max(o, o)', 'min([o, o])', '[o].index(o)', '[o].count(o)', '(o,) == (o,)',
               'dict.fromkeys([o])', 'set([o]) == {o}', 'print(o)', 'str([o])', 'reversed(o)',
               'range(o)', "'%s' % o", "'%d' % o", "'{}'.format(o)", 'abs(o)', 'divmod(o, 1)',
               'isinstance(o, o)', 'o.__class__', 'del o', 'iter(o)', 'sum([o])', 'any([o])',
               'list(map(lambda x: x, o))', 'sorted(o)', 'enumerate(o)', 'zip(o, o)',
               'dict(o)', 'set(o)', "''.join(o)", 'min(o)', 'x, *y = o', '[1, 2, 3][o:o]',
               'o in {1: 2}', 'o in {1}', 'o in [1]', 'round(o)', 'pow(o, o)', 'hex(o)',
               'chr(o)', "bytes(o)", 'int("5", o)', 'o.__dict__', 'vars(o)', 'dir(o)']


def t_dunder(r):
    d = r.choice(DUNDERS)
    behaviour = r.choice(['recurse', 'raise', 'bad_type', 'recurse_self', 'mutate', 'huge', 'none'])
    body = {
        'recurse': 'return %s(self)' % {'__repr__': 'repr', '__str__': 'str', '__hash__': 'hash',
                                         '__len__': 'len', '__iter__': 'iter', '__bool__': 'bool',
                                         '__index__': 'range', '__int__': 'int', '__float__': 'float',
                                         '__format__': 'format', '__next__': 'next'}.get(d, 'repr'),
        'raise': 'raise ValueError("boom")',
        'bad_type': 'return "not the right type"',
        'recurse_self': 'return self == self',
        'mutate': 'L.append(self); L.clear(); D.clear(); return 1',
        'huge': 'return 10**50',
        'none': 'return None',
    }[behaviour]
    if d in ('__eq__', '__lt__', '__add__', '__radd__', '__contains__', '__getitem__',
             '__getattr__', '__format__', '__reversed__'):
        sig = '(self, *a)'
    elif d == '__exit__':
        sig = '(self, *a)'
    elif d == '__setattr__':
        sig = '(self, *a)'
    else:
        sig = '(self, *a)'
    uses = r.sample(DUNDER_USES, 4)
    prog = ['import sys', 'L = []', 'D = {}', 'class O:', '    def %s%s:' % (d, sig), '        ' + body,
            'o = O()', 'L.extend([o] * 5)', 'D.update({i: o for i in range(5)})']
    if r.random() < 0.3:
        prog.insert(0, 'sys.setrecursionlimit(%d)' % r.choice([50, 100, 10000, 100000]))
    for u in uses:
        prog += ['try:', '    print(%s)' % u if not u.startswith(('del', 'x, ')) else '    ' + u,
                 'except BaseException as e:', '    print(type(e).__name__)']
    return '\n'.join(prog) + '\n'


MUTATIONS = [
    # list mutated during sort / comparisons
    '''class K:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        L.append(K(0)); L.pop(); del L[:]
        return self.v < other.v
L = [K(i % 7) for i in range(50)]
try:
    L.sort()
except ValueError as e:
    print(e)
print(len(L))
''',
    '''L = list(range(20))
def key(x):
    L.clear()
    return x
try:
    L.sort(key=key)
except ValueError as e:
    print(e)
print(L)
''',
    '''d = {i: i for i in range(10)}
try:
    for k in d:
        d[k + 100] = 1
except RuntimeError as e:
    print(e)
''',
    '''s = set(range(10))
try:
    for k in s:
        s.add(k + 100)
except RuntimeError as e:
    print(e)
''',
    '''class E:
    def __init__(self, n): self.n = n
    def __hash__(self): return 1
    def __eq__(self, other):
        D.clear()
        return False
D = {}
for i in range(20):
    D[E(i)] = i
print(len(D))
''',
    '''class E:
    def __hash__(self): return 1
    def __eq__(self, other):
        # Bounded: with an allocator that never reuses the freed table
        # (ASan) each mutation restarts the probe, as in CPython.
        if len(C) < 5:
            C.append(1); S.clear(); S.update(range(100))
        return False
C = []
S = set()
for i in range(20):
    try:
        S.add(E())
    except RuntimeError as e:
        print(e)
print(len(S) >= 0)
''',
    '''L = [1, 2, 3]
class X:
    def __eq__(self, o):
        L.clear()
        return False
print(X() in L, L.count(X()), L)
try:
    print(L.index(X()))
except ValueError as e:
    print(e)
''',
    '''L = list(range(10))
for x in L:
    if x < 5:
        L.insert(0, x)
    del L[-1]
print(L)
''',
    '''a = [1, 2, 3]
class Q:
    def __eq__(self, o):
        del a[:]
        return True
b = [Q(), Q(), Q()]
print(a == b, b == a)
''',
    '''d = {}
class Q:
    def __hash__(self): return 0
    def __eq__(self, o):
        d.update({j: j for j in range(200)})
        return False
for i in range(5):
    try:
        d[Q()] = i
    except RuntimeError as e:
        print(e)
print(len(d) > 0)
''',
    '''import sys
sys.setrecursionlimit(%(lim)d)
def f(n): return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print('RecursionError')
''',
    '''import sys
try:
    sys.setrecursionlimit(%(lim)d)
except (ValueError, OverflowError) as e:
    print(type(e).__name__)
x = []
for i in range(10000):
    x = [x]
print(len(str(x)) > 0)
''',
    '''x = []
for i in range(%(n)d):
    x = [x]
try:
    print(len(repr(x)))
except RecursionError:
    print('RecursionError')
try:
    print(x == x)
except RecursionError:
    print('RecursionError')
y = {}
for i in range(%(n)d):
    y = {'a': y}
try:
    print(len(str(y)))
except RecursionError:
    print('RecursionError')
t = ()
for i in range(%(n)d):
    t = (t,)
try:
    print(hash(t) != -1)
except RecursionError:
    print('RecursionError')
''',
    '''L = []
L.append(L)
D = {}
D[1] = D
S = [L, D]
print(L, D, S)
print(L == L, [L] == [L])
''',
    '''def g():
    try:
        yield 1
        yield 2
    finally:
        print('fin')
        %(fin)s
x = g()
print(next(x))
try:
    x.%(act)s
except BaseException as e:
    print(type(e).__name__)
try:
    print(next(x))
except BaseException as e:
    print(type(e).__name__)
''',
    '''def g():
    x = yield 1
    print('got', x)
    y = yield from g2()
    return y
def g2():
    try:
        yield 2
    except ValueError:
        yield 3
    return 4
it = g()
print(next(it))
print(it.send(5))
print(it.throw(ValueError))
try:
    it.throw(KeyError('k'))
except KeyError as e:
    print('KeyError', e)
print(it.close())
try:
    print(it.send(None))
except StopIteration as e:
    print('stop', e.value)
''',
    '''def g():
    yield next(it)
it = g()
try:
    next(it)
except ValueError as e:
    print(e)
''',
    '''def g():
    try:
        yield
    except GeneratorExit:
        yield 'bad'
x = g()
next(x)
try:
    x.close()
except RuntimeError as e:
    print(e)
del x
print('ok')
''',
    '''def g():
    it.throw(ValueError)
    yield 1
it = g()
try:
    next(it)
except ValueError as e:
    print('ValueError', e)
''',
    '''gens = []
def g(n):
    if n:
        yield from g(n - 1)
    yield n
try:
    print(sum(g(%(n)d)))
except RecursionError:
    print('RecursionError')
''',
    '''class M(type):
    def __getattribute__(cls, name):
        raise AttributeError(name)
class C(metaclass=M):
    pass
try:
    print(C())
except BaseException as e:
    print(type(e).__name__)
''',
    '''class C:
    def __del__(self):
        raise ValueError('in del')
c = C()
del c
print('after')
''',
    '''class Bad(Exception):
    def __str__(self):
        raise Bad()
try:
    raise Bad()
except Bad:
    print('caught')
raise Bad()
''',
    '''class Bad(Exception):
    def __repr__(self): return 1
    def __str__(self): return 2
raise Bad()
''',
    '''import sys
def tr(*a):
    return tr
e = ValueError('x')
e.__context__ = e
try:
    raise e
except ValueError as v:
    print(v.__context__ is v)
a = ValueError('a'); b = ValueError('b')
a.__cause__ = b; b.__cause__ = a
raise a
''',
    '''s = 'x' * %(n)d
print(len(s.split('x')), len(s.replace('x', 'yy')), s.center(3)[:3], len(s.zfill(%(n)d + 5)))
print(len('%s' % s), len(f'{s:>{%(n)d + 3}}'), s.count(''), len(s.expandtabs(100)))
try:
    print(len(s * %(n)d * %(n)d))
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
''',
    '''try:
    print(f'{1:{"<" * 1000}}')
except ValueError as e:
    print(e)
for spec in ['', '<', '>10', '^#x', '+08.3f', ',', '_', '.1000f', '1000000000000', '-^-10', 'z', '%', '=+#010,.5e',
             '.0e', '#.0f', '>-5', 'c', 'n', 'G', '9999999999999999999999']:
    for v in [0, -1, 1.5, -0.0, float('inf'), float('nan'), 10**30, True, 'str', 1e300]:
        try:
            print(repr(format(v, spec))[:60])
        except (ValueError, TypeError, OverflowError, MemoryError) as e:
            print(type(e).__name__, e)
''',
    '''import random
r = random.Random(%(n)d)
for f in [lambda: r.randrange(10**30), lambda: r.choice([]), lambda: r.sample(range(10), 11),
          lambda: r.randint(5, 1), lambda: r.getrandbits(0), lambda: r.getrandbits(-1),
          lambda: r.shuffle([]), lambda: r.choices([1], k=-1), lambda: r.uniform(1e308, -1e308),
          lambda: r.gauss(0, -1), lambda: r.randrange(0), lambda: r.randrange(1, 10, 0),
          lambda: r.seed([1]), lambda: r.seed(2**1000), lambda: r.getrandbits(100000) > 0,
          lambda: r.sample([], 0), lambda: r.choices([], k=1), lambda: r.random() < 1]:
    try:
        print(f())
    except BaseException as e:
        print(type(e).__name__, e)
''',
    '''import math
for f in [math.sqrt, math.log, math.exp, math.factorial, math.gamma, math.lgamma, math.floor,
          math.ceil, math.trunc, math.isqrt, math.log2, math.log10, math.atan, math.erf,
          math.fsum, math.prod, math.comb, math.perm, math.frexp, math.modf, math.ldexp]:
    for v in [0, -1, 1e308, -1e308, float('inf'), float('-inf'), float('nan'), 10**400, -10**400,
              2**1023, 'x', None, [], [1e308, 1e308, -1e308], (10**400,), True, 171, 100000]:
        try:
            r = f(v) if f not in (math.comb, math.perm, math.ldexp) else f(v, v)
            print(f.__name__, str(r)[:40])
        except BaseException as e:
            print(f.__name__, type(e).__name__, e)
''',
    '''import os
for f in [os.path.join, os.path.split, os.path.splitext, os.path.basename, os.path.dirname,
          os.path.normpath, os.path.abspath, os.path.isabs, os.path.exists, os.path.expanduser,
          os.path.relpath, os.path.commonprefix, os.path.realpath, os.listdir, os.stat,
          os.getenv, os.fspath, os.path.splitdrive]:
    for v in ['', '/', '//', '///a//b/../c/.', '\\x00', 'a\\x00b', '~', '~nosuchuser/x', '.' * 5000,
              '/' * 5000, 'é/日本/😀', None, 1, b'x' if False else 'x', ['a'], '..', '/../..']:
        try:
            print(f.__name__, repr(f(v))[:50])
        except BaseException as e:
            print(f.__name__, type(e).__name__)
''',
]


def t_mutation(r):
    src = r.choice(MUTATIONS)
    subst = {'lim': r.choice([1, 2, 5, 30, 50, 100, 1000, 10**5, 10**6, 2**31, -1, 0]),
             'n': r.choice([10, 100, 1000, 5000, 50000]),
             'act': r.choice(['close()', 'throw(ValueError)', 'throw(GeneratorExit)',
                              'throw(StopIteration)', 'send(1)', 'throw(ValueError, 1, None)',
                              'throw(KeyboardInterrupt())', 'close(); x.close()']),
             'fin': r.choice(['pass', 'yield 3', 'return', 'raise KeyError', 'x.close()',
                              'next(x)'])}
    for k, v in subst.items():
        src = src.replace('%%(%s)d' % k, str(v)).replace('%%(%s)s' % k, str(v))
    return src


TEMPLATES = [t_nested_parens, t_nested_blocks, t_big_literal, t_huge_int, t_dunder, t_mutation]


# ---- mutations of existing programs ----------------------------------------

def mutate(r, src):
    lines = src.split('\n')
    for _ in range(r.randint(1, 4)):
        op = r.randrange(9)
        if not lines:
            lines = ['']
        i = r.randrange(len(lines))
        j = r.randrange(len(lines))
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(j, lines[i])
        elif op == 2:
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            text = '\n'.join(lines)
            k = r.randrange(len(text) + 1)
            lines = text[:k].split('\n')
        elif op in (4, 5):
            line = lines[i]
            k = r.randrange(len(line) + 1)
            tok = r.choice(TOKENS) if op == 4 else r.choice(UNICODE)
            lines[i] = line[:k] + tok + line[k:]
        elif op == 6:
            line = lines[i]
            if line:
                k = r.randrange(len(line))
                lines[i] = line[:k] + line[k + 1:]
        elif op == 7:
            # Wrap an expression statement in something hostile.
            line = lines[i]
            ind = line[:len(line) - len(line.lstrip())]
            lines[i] = ind + r.choice(['try:\n%s    ' % ind, 'for _ in range(3):\n%s    ' % ind,
                                       'if 1:\n%s    ' % ind, 'with open(__file__):\n%s    ' % ind]) + line.lstrip()
        else:
            lines.insert(i, r.choice(['import sys; sys.setrecursionlimit(%d)' % r.choice([1, 40, 10**6]),
                                      'raise SystemExit(%r)' % r.choice([0, 1, 'msg', None, 2**70]),
                                      'del print', 'print = None', 'globals().clear()',
                                      '__builtins__ = {}', 'import gc' ,
                                      'def __getattr__(n): return n', 'yield', 'return',
                                      'exec("x = 1")', 'eval("1 +")', 'quit()']))
    return '\n'.join(lines)


def generate(seed, index, corpus, only_templates):
    r = random.Random('%d:%d' % (seed, index))
    if only_templates or not corpus or r.random() < 0.4:
        t = r.choice(TEMPLATES)
        return t.__name__, t(r)
    path = r.choice(corpus)
    with open(path, encoding='utf-8', errors='replace') as f:
        src = f.read()
    return os.path.relpath(path, ROOT), mutate(r, src)


# ---- running ------------------------------------------------------------------

def run(weft, src, timeout, workdir):
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8',
               ASAN_OPTIONS='detect_leaks=0:allocator_may_return_null=1:handle_abort=1',
               UBSAN_OPTIONS='print_stacktrace=1')
    try:
        p = subprocess.run([weft, '-c', src] if '\x00' in src else [weft, '-'],
                           input=None if '\x00' in src else src.encode('utf-8', 'surrogatepass'),
                           cwd=workdir, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return ('hang', 'timeout %gs' % timeout), ''
    except ValueError:
        # An embedded NUL in -c: run it from a file instead.
        path = os.path.join(workdir, '_fuzz_nul.py')
        with open(path, 'wb') as f:
            f.write(src.encode('utf-8', 'surrogatepass'))
        try:
            p = subprocess.run([weft, path], cwd=workdir, env=env, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return ('hang', 'timeout %gs' % timeout), ''
    err = p.stderr.decode('utf-8', 'replace')
    return classify(p.returncode, err), err


def classify(rc, err):
    m = SAN_RE.search(err)
    if m:
        # The signature: the first frame in weft's sources, else the message.
        frame = re.search(r'#\d+ 0x[0-9a-f]+ in (\w+) [^\n]*?(core/[\w./]+:\d+)', err)
        loc = re.sub(r':\d+:\d+: runtime error:.*', '', m.group(0))
        return ('sanitizer', (frame.group(1) + ' ' + frame.group(2)) if frame else loc)
    m = FATAL_RE.search(err)
    if m:
        return ('fatal', m.group(0)[:120])
    if rc < 0:
        return ('signal', 'signal %d' % -rc)
    return None


def cpython_hangs(cpython, src, timeout, workdir):
    """True if the reference interpreter also runs past the timeout."""
    try:
        subprocess.run([cpython, '-'], input=src.encode('utf-8', 'surrogatepass'), cwd=workdir,
                       env=dict(os.environ, PYTHONHASHSEED='0'), capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return True
    except (ValueError, OSError):
        pass
    return False


def minimize(weft, src, sig, timeout, workdir):
    """Line-based delta debugging: the smallest set of lines that still fails with sig."""
    lines = src.split('\n')

    def fails(cand):
        got, _ = run(weft, '\n'.join(cand), timeout, workdir)
        return got is not None and got[0] == sig[0] and (got[0] == 'hang' or got == sig)

    n = 2
    while len(lines) >= 2:
        chunk = max(1, len(lines) // n)
        reduced = False
        for start in range(0, len(lines), chunk):
            cand = lines[:start] + lines[start + chunk:]
            if cand and fails(cand):
                lines = cand
                n = max(n - 1, 2)
                reduced = True
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(n * 2, len(lines))
    return '\n'.join(lines) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--weft', default=os.path.join(ROOT, 'build-conform', 'weft'))
    ap.add_argument('-n', type=int, default=200, help='number of cases')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--start', type=int, default=0, help='first case index')
    ap.add_argument('-j', '--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=10)
    ap.add_argument('--out', default='/tmp/weft-fuzz')
    ap.add_argument('--only-templates', action='store_true')
    ap.add_argument('--minimize', action='store_true', help='minimize each new finding')
    ap.add_argument('--cpython', default='/usr/bin/python3.11' if os.path.exists('/usr/bin/python3.11') else '',
                    help="reference interpreter: a hang it shares is not reported ('' to report all)")
    ap.add_argument('--show', type=int, default=None, metavar='I', help='print case I and exit')
    args = ap.parse_args()

    corpus = sorted(p for p in glob.glob(os.path.join(TESTS, '**', '*.py'), recursive=True)
                    if '/unit/' not in p and '/bench/' not in p and '/_' not in p)
    corpus += sorted(glob.glob(os.path.join(ROOT, 'bench', '*.py')))
    if args.show is not None:
        print(generate(args.seed, args.show, corpus, args.only_templates)[1])
        return
    weft = os.path.abspath(args.weft)
    os.makedirs(args.out, exist_ok=True)
    workdir = os.path.join(args.out, 'cwd')
    os.makedirs(workdir, exist_ok=True)

    def one(i):
        origin, src = generate(args.seed, i, corpus, args.only_templates)
        sig, err = run(weft, src, args.timeout, workdir)
        if sig and sig[0] == 'hang' and args.cpython and cpython_hangs(args.cpython, src, args.timeout, workdir):
            sig = None   # an infinite program, not a weft bug
        return i, origin, src, sig, err

    seen = {}
    with cf.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for i, origin, src, sig, err in pool.map(one, range(args.start, args.start + args.n)):
            if sig is None:
                continue
            key = sig
            new = key not in seen
            seen.setdefault(key, []).append(i)
            base = os.path.join(args.out, 'case%05d' % i)
            with open(base + '.py', 'w', encoding='utf-8', errors='surrogatepass') as f:
                f.write(src)
            with open(base + '.err', 'w', encoding='utf-8') as f:
                f.write(err)
            print('%-9s case %d (%s): %s%s' % (sig[0], i, origin, sig[1], '' if new else ' (dup)'),
                  flush=True)
            if new and args.minimize and sig[0] != 'hang':
                small = minimize(weft, src, sig, args.timeout, workdir)
                with open(base + '.min.py', 'w', encoding='utf-8', errors='surrogatepass') as f:
                    f.write(small)
                print('    minimized to %d lines: %s' % (small.count('\n'), base + '.min.py'), flush=True)
    print('%d cases (seed %d), %d distinct findings' % (args.n, args.seed, len(seen)))
    for (kind, what), cases in sorted(seen.items()):
        print('  %-9s %-60s cases %s' % (kind, what[:60], ' '.join(map(str, cases[:8]))))
    return 1 if seen else 0


if __name__ == '__main__':
    sys.exit(main())
