import os
path = "/tmp/weft_test_attrs_%d.txt" % os.getpid()
with open(path, "w") as f:
    print(f.mode, f.name == path, f.closed)
print(f.closed)
os.remove(path)
# expect: w True False
# expect: True
