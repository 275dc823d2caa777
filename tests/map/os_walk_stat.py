# os.walk top-down with pruning and bottom-up; os.stat fields by name and index.
import os
root = "/tmp/weft_walk_%d" % os.getpid()
for d in ("a/b/c", "a/d", "e"):
    os.makedirs(os.path.join(root, d), exist_ok=True)
for f in ("f1", "a/f2", "a/b/f3", "e/f4"):
    open(os.path.join(root, f), "w").close()
for top, dirs, files in sorted(os.walk(root)):
    print(os.path.relpath(top, root), sorted(dirs), sorted(files))
seen = []
for top, dirs, files in os.walk(root):
    dirs[:] = [d for d in dirs if d != "a"]
    seen.append(os.path.relpath(top, root))
print(sorted(seen))
order = [os.path.relpath(t, root) for t, d, f in os.walk(root, topdown=False)]
print(order.index("a/b/c") < order.index("a/b") < order.index("a") < order.index("."))
st = os.stat(os.path.join(root, "f1"))
print(st.st_size, st[6], len(st), type(st.st_mtime).__name__, os.path.isdir(root))
for top, dirs, files in os.walk(root, topdown=False):
    for f in files:
        os.remove(os.path.join(top, f))
    os.rmdir(top)
print(os.path.exists(root))
# expect: . ['a', 'e'] ['f1']
# expect: a ['b', 'd'] ['f2']
# expect: a/b ['c'] ['f3']
# expect: a/b/c [] []
# expect: a/d [] []
# expect: e [] ['f4']
# expect: ['.', 'e']
# expect: True
# expect: 0 0 10 float True
# expect: False
