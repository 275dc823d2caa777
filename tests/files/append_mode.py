import os
path = "/tmp/weft_test_append_%d.txt" % os.getpid()
with open(path, "w") as f:
    f.write("a")
with open(path, "a") as f:
    f.write("b")
with open(path) as f:
    print(f.read())
os.remove(path)
# expect: ab
