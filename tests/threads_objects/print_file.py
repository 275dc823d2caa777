# print() from many threads into one file: every line arrives, whole (one
# write per print call), none lost, none torn.
# weft-only: CPython 3.11's TextIOWrapper is not thread-safe (concurrent writes corrupt its pending buffer); weft locks each file
import os

NTHREADS = 4
LINES = 1500
PAD = "x" * 37

path = "/tmp/weft_print_lines_%d.txt" % os.getpid()
out = open(path, "w")

def worker(i):
    for k in range(LINES):
        print("thread", i, "line", k, PAD, file=out)

def expected_lines():
    return sorted("thread %d line %d %s" % (i, k, PAD) for i in range(NTHREADS) for k in range(LINES))

def check():
    out.close()
    with open(path) as f:
        got = f.read().split("\n")
    os.remove(path)
    print("file: trailing newline", got[-1] == "", "lines", len(got) - 1,
          "all present", sorted(got[:-1]) == expected_lines())
    assert sorted(got[:-1]) == expected_lines()

if __name__ == "__main__":
    import _harness
    _harness.run(worker, check, NTHREADS)

# expect: file: trailing newline True lines 6000 all present True
