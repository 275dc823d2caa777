# weft-only: which specialized forms this thread's bytecode holds after warm-up, and after the operands change
# env: PYTHON_SPECIALIZE=1
# Each function warms up on one type (the form appears), then runs with
# another type at least 52 times (the misses re-specialize it).
import _weft

def forms(f, prefix):
    return [name for _, name, _ in _weft.specialized(f) if name.startswith(prefix)]

def loop(it):
    n = 0
    for x in it:
        n += 1
    return n

def unpack(s):
    a, b = s
    return a

def unpack3(s):
    a, b, c = s
    return a

def has(k, c):
    return k in c

def test(x):
    if x:
        return 1
    return 0

def warm(f, arg, prefix, n=120):
    for i in range(n):
        f(*arg)
    return forms(f, prefix)

print(forms(loop, "FOR_ITER"))
# expect: ['FOR_ITER']
print(warm(loop, ([1, 2],), "FOR_ITER"), warm(loop, (range(3),), "FOR_ITER"),
      warm(loop, ((1,),), "FOR_ITER"), warm(loop, ((x for x in "ab"),), "FOR_ITER"))
# expect: ['FOR_ITER_LIST'] ['FOR_ITER_RANGE'] ['FOR_ITER_TUPLE'] ['FOR_ITER_GEN']
print(warm(loop, ({1: 2},), "FOR_ITER"))
# expect: ['FOR_ITER']
print(warm(unpack, ((1, 2),), "UNPACK"), warm(unpack, ([1, 2],), "UNPACK"),
      warm(unpack3, ((1, 2, 3),), "UNPACK"), warm(unpack3, ("abc",), "UNPACK"))
# expect: ['UNPACK_SEQUENCE_TWO_TUPLE'] ['UNPACK_SEQUENCE_LIST'] ['UNPACK_SEQUENCE_TUPLE'] ['UNPACK_SEQUENCE']
print(warm(has, (1, {1: 2}), "CONTAINS"), warm(has, (1, {1}), "CONTAINS"),
      warm(has, (1, frozenset()), "CONTAINS"), warm(has, (1, [1]), "CONTAINS"))
# expect: ['CONTAINS_OP_DICT'] ['CONTAINS_OP_SET'] ['CONTAINS_OP_SET'] ['CONTAINS_OP']

class Plain:
    pass

class WithLen:
    def __len__(self):
        return 1

out = []
for v in (True, 7, 2 ** 90, None, "s", [1], (1,), {1: 1}, Plain(), WithLen()):
    out.append(warm(test, (v,), "TO_BOOL")[0][8:] or "-")
print(out)
# expect: ['BOOL', 'INT', 'INT', 'NONE', 'STR', 'LIST', 'TUPLE', 'DICT', 'ALWAYS_TRUE', '-']

# a comparison takes its own jump: no TO_BOOL before it
def cmp(x):
    if x < 3:
        return 1
    return 0

print([name for _, name, _ in _weft.instructions(cmp) if "BOOL" in name])
# expect: []
