# Simple statements on one line, one-line compound bodies, and comments.
x = 1; y = 2; print(x + y);
if x: print("one-line if")
while y: y -= 1; print("loop", y)
for i in range(2): pass
class C: z = 3  # comment after a statement
def f(): return C.z
print(f())  # trailing comment
    # an indented comment line is ignored
print("end")
# expect: 3
# expect: one-line if
# expect: loop 1
# expect: loop 0
# expect: 3
# expect: end
