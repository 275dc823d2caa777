# write() from many threads into one io.StringIO: each call is atomic on the
# object, so every line arrives whole and none is lost. (print() to a
# non-file object makes one write per argument and separator, in CPython
# too, so only single write() calls are whole.)
import io

NTHREADS = 4
LINES = 1500

sio = io.StringIO()

def worker(i):
    for k in range(LINES):
        sio.write("%d:%d:%s\n" % (i, k, "padding" * 3))

def check():
    got = sio.getvalue().split("\n")
    want = sorted("%d:%d:%s" % (i, k, "padding" * 3) for i in range(NTHREADS) for k in range(LINES))
    print("StringIO: lines", len(got) - 1, "all present", sorted(got[:-1]) == want)
    assert sorted(got[:-1]) == want

if __name__ == "__main__":
    import _harness
    _harness.run(worker, check, NTHREADS)

# expect: StringIO: lines 6000 all present True
