# Iterators shared by all threads: each thread takes items from the same
# iterator objects. Every item handed out belongs to the sequence, and
# together the threads see every item (under free threading a shared
# iterator may hand an item out twice, but never skips one or crashes).
NTHREADS = 4
N = 3000
data = [str(i) for i in range(N)]
members = set(data)
BIG = 2 ** 64

def fresh():
    return {
        "list": (iter(data), lambda x: x in members),
        "tuple": (iter(tuple(data)), lambda x: x in members),
        "range": (iter(range(N)), lambda x: 0 <= x < N),
        "bigrange": (iter(range(BIG, BIG + N)), lambda x: BIG <= x < BIG + N),
        "reversed": (reversed(data), lambda x: x in members),
        # counts go past N - 1 when an item is handed out twice
        "enumerate": (enumerate(data), lambda p: 0 <= p[0] and p[1] in members),
        "zip": (zip(data, range(N)), lambda p: p[0] in members and 0 <= p[1] < N),
        "map": (map(len, data), lambda x: 1 <= x <= 4),
        "filter": (filter(None, data), lambda x: x in members),
        "frozenset": (iter(frozenset(data)), lambda x: x in members),
    }

its = fresh()
got = {name: [[] for _ in range(16)] for name in its}

def worker(t):
    for name, (it, ok) in its.items():
        mine = got[name][t]
        for x in it:
            mine.append(x)

def check():
    for name, (it, ok) in its.items():
        allgot = [x for g in got[name] for x in g]
        whole = {"list": set(data), "tuple": set(data), "reversed": set(data),
                 "range": set(range(N)), "bigrange": set(range(BIG, BIG + N)), "filter": set(data), "frozenset": set(data)}
        complete = name not in whole or set(allgot) == whole[name]
        good = all(ok(x) for x in allgot) and len(allgot) >= N and complete
        print(name, good)
        assert good, name

if __name__ == "__main__":
    from _harness import run
    run(worker, check, NTHREADS)
# expect: list True
# expect: tuple True
# expect: range True
# expect: bigrange True
# expect: reversed True
# expect: enumerate True
# expect: zip True
# expect: map True
# expect: filter True
# expect: frozenset True
