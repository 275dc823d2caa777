import os
path = "/tmp/weft_test_write_read_%d.txt" % os.getpid()
with open(path, "w") as f:
    n = f.write("first line\nsecond line\n")
    f.write("third")
print(n)
with open(path) as f:
    print(repr(f.read()))
os.remove(path)
print(os.path.exists(path))
# expect: 23
# expect: 'first line\nsecond line\nthird'
# expect: False
