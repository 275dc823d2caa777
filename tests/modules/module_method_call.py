# m.name(...) on a module: the name comes from the module's dict (a C
# function, a Python function, a class, a replaced value), in loops; names
# ModuleType itself defines, a module __getattr__ and a missing name take
# the general path.
import math

m = type(math)("m")
def twice(x): return 2 * x
m.twice = twice
m.Box = list

def run():
    t = 0
    for i in range(200):
        t += math.floor(i / 3) + m.twice(i) + len(m.Box((i,)))
        if i == 100:
            m.twice = lambda x: 3 * x      # replaced mid-loop: seen at once
    return t
print(run())
# expect: 61417

print(m.__repr__()[:11], type(m.__dir__()).__name__)
# expect: <module 'm' list

m.__getattr__ = lambda name: (lambda: "lazy " + name)
for i in range(2):
    print(m.anything())
# expect: lazy anything
# expect: lazy anything

for i in range(2):
    try:
        math.nonexistent()
    except AttributeError as e:
        print(e)
# expect: module 'math' has no attribute 'nonexistent'
# expect: module 'math' has no attribute 'nonexistent'
