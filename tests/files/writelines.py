import os
path = "/tmp/weft_test_wl_%d.txt" % os.getpid()
with open(path, "w") as f:
    f.writelines(["x\n", "y\n"])
with open(path) as f:
    print(f.read().split())
os.remove(path)
# expect: ['x', 'y']
