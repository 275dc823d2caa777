import os
path = "/tmp/weft_test_iter_%d.txt" % os.getpid()
with open(path, "w") as f:
    for i in range(3):
        f.write(f"row {i}\n")
with open(path) as f:
    for line in f:
        print(line.rstrip("\n"))
with open(path) as f:
    print(f.readline(), end="")
    print(f.readlines())
os.remove(path)
# expect: row 0
# expect: row 1
# expect: row 2
# expect: row 0
# expect: ['row 1\n', 'row 2\n']
