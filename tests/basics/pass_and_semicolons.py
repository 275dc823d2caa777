def f(): pass
class C: pass
x = 1; y = 2; print(x + y)
if x: pass
print("done")
# expect: 3
# expect: done
