# CALL_PY_EXACT_ARGS_POLY: a site that sees several functions of the same shape.
class Task:
    def fn(self, x):
        return x
class A(Task):
    def fn(self, x):
        return x + 1
class B(Task):
    def fn(self, x):
        return x * 2
class C(Task):
    def fn(self, x, y=5):
        return x - y
class D(Task):
    def fn(self):
        return 0

def run(tasks, n):
    s = 0
    for i in range(n):
        s += tasks[i % len(tasks)].fn(i)
    return s

print(run([Task(), A(), B()], 600))
# expect: 240000
# a function with a default (not exact) at the polymorphic site
print(run([A(), C()], 200))
# expect: 19500
print(run([A(), B()], 300))
# expect: 67500
try:
    run([A(), D()], 2)
except TypeError as e:
    print(e)
# expect: D.fn() takes 1 positional argument but 2 were given

# plain functions alternating at one site
def f1(a):
    return a
def f2(a):
    return -a
def g(*a):
    return len(a)
fs = [f1, f2]
t = 0
for i in range(400):
    t += fs[i % 2](i)
print(t)
# expect: -200
fs.append(g)
t = 0
for i in range(300):
    t += fs[i % 3](i)
print(t)
# expect: 0
