# One generator driven from two threads. While thread 0 is inside the
# generator's body (it waits there), thread 1's next() must raise ValueError
# "generator already executing" and leave the frame alone; afterwards both
# threads pull the remaining items and every item arrives exactly once.
import time

NTHREADS = 2
ITEMS = 3000

inside = [False]
release = [False]

def body():
    inside[0] = True
    while not release[0]:
        time.sleep(0.001)
    for k in range(ITEMS):
        yield k

g = body()
got = [[], []]
errors = [[], []]

def worker(i):
    if i == 0:
        got[0].append(next(g))
    else:
        while not inside[0]:
            time.sleep(0.001)
        try:
            next(g)
        except ValueError as e:
            errors[1].append(str(e))
        release[0] = True
    # both threads drain the rest; collisions give ValueError and a retry
    while True:
        try:
            got[i].append(next(g))
        except StopIteration:
            break
        except ValueError as e:
            if str(e) != "generator already executing":
                errors[i].append(str(e))

def check():
    items = sorted(got[0] + got[1])
    print("first collision:", errors[1][:1])
    print("other errors:", errors[0], errors[1][1:])
    print("items exactly once:", items == list(range(ITEMS)))
    assert items == list(range(ITEMS)) and errors[1][:1] == ["generator already executing"]

if __name__ == "__main__":
    import _harness
    _harness.run(worker, check, NTHREADS)

# expect: first collision: ['generator already executing']
# expect: other errors: [] []
# expect: items exactly once: True
