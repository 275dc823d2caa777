import os
path = "/tmp/weft_test_size_%d.txt" % os.getpid()
with open(path, "w", encoding="utf-8") as f:
    f.write("héllo wörld")
with open(path, encoding="utf-8") as f:
    print(f.read(3), f.read(2), f.read())
os.remove(path)
# expect: hél lo  wörld
