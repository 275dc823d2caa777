# The specialized forms on objects another thread changes at the same time:
# every unpack sees one whole state of the list (never a mix of two), `in`
# on a dict and a set sees a key either present or absent, a for loop over a
# list sees only items the list held.
import threading

shared = [1, 2]
d = {}
s = set()
N = 3000
stop = False
bad = []

def writer():
    for i in range(N):
        shared[:] = [3, 4, 5]
        shared[:] = [1, 2]
        d[i % 7] = i
        s.add(i % 5)
        if i % 3 == 0:
            d.pop((i + 3) % 7, None)
            s.discard((i + 2) % 5)

def unpacker():
    ok = 0
    while not stop:
        try:
            a, b = shared
            if (a, b) != (1, 2):
                bad.append((a, b))
            ok += 1
        except ValueError as e:
            if str(e) != "too many values to unpack (expected 2)":
                bad.append(str(e))
        try:
            a, b, c = shared
            if (a, b, c) != (3, 4, 5):
                bad.append((a, b, c))
        except ValueError as e:
            if str(e) != "not enough values to unpack (expected 3, got 2)":
                bad.append(str(e))
        for k in range(7):
            if (k in d) not in (True, False) or (k in s) not in (True, False):
                bad.append(k)
        for x in shared:
            if x not in (1, 2, 3, 4, 5):
                bad.append(("item", x))

t = threading.Thread(target=unpacker)
t.start()
writer()
stop = True
t.join()
print(bad, shared, sorted(d) == list(range(7)) or len(d) <= 7)
# expect: [] [1, 2] True
