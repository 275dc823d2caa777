# FOR_ITER over lists (FOR_ITER_LIST): warm-up, a miss on other iterables,
# and lists mutated during the iteration (CPython's behaviour: the iterator
# walks an index, so appended items are seen and removed ones shift).
def collect(it):
    out = []
    for x in it:
        out.append(x)
    return out

for i in range(200):
    collect([i, i + 1])
print(collect([1, 2, 3]), collect([]), collect((4, 5)), collect("ab"), collect(range(2)))
# expect: [1, 2, 3] [] [4, 5] ['a', 'b'] [0, 1]

class L(list):
    pass

print(collect(L([9, 8])))
# expect: [9, 8]

def grow_while_iterating(lst):
    n = 0
    for x in lst:
        n += 1
        if len(lst) < 6:
            lst.append(x * 10)
    return n, lst

for i in range(150):
    grow_while_iterating([1])
print(grow_while_iterating([1, 2]))
# expect: (6, [1, 2, 10, 20, 100, 200])

def remove_while_iterating(lst):
    seen = []
    for x in lst:
        seen.append(x)
        if x % 2 == 0:
            lst.remove(x)
    return seen, lst

for i in range(150):
    remove_while_iterating([1, 2, 3])
print(remove_while_iterating([2, 4, 5, 6, 7]))
# expect: ([2, 5, 6], [4, 5, 7])

def clear_while_iterating(lst):
    seen = []
    for x in lst:
        seen.append(x)
        lst.clear()
    return seen

for i in range(150):
    clear_while_iterating([1, 2, 3])
print(clear_while_iterating([7, 8]))
# expect: [7]

# an exhausted list iterator stays exhausted even if the list grows later
for i in range(150):
    it = iter([1, 2])
    for x in it:
        pass
lst = [1, 2]
it = iter(lst)
for x in it:
    pass
lst.append(3)
print(list(it))
# expect: []

# nested loops over the same list
def pairs(lst):
    n = 0
    for a in lst:
        for b in lst:
            if a < b:
                n += 1
    return n

for i in range(100):
    pairs([1, 2, 3])
print(pairs(list(range(10))))
# expect: 45

# after warm-up on lists, a dict and a set mutated in the loop (the miss path)
def add_while_iterating(c, add):
    for x in c:
        add(x)

for i in range(150):
    add_while_iterating([1, 2], lambda x: None)
d = {1: 1}
try:
    add_while_iterating(d, lambda x: d.__setitem__(x + 1, 0))
except RuntimeError as e:
    print(e)
# expect: dictionary changed size during iteration
s = {1}
try:
    add_while_iterating(s, lambda x: s.add(x + 1))
except RuntimeError as e:
    print(e)
# expect: Set changed size during iteration
