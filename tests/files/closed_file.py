import os
path = "/tmp/weft_test_closed_%d.txt" % os.getpid()
f = open(path, "w")
f.close()
print(f.closed)
os.remove(path)
try:
    f.write("x")
except ValueError as e:
    print(e)
# expect: True
# expect: I/O operation on closed file.
