def shout(fn):
    def wrapper(*a, **k):
        return fn(*a, **k).upper()
    return wrapper
@shout
def greet(name):
    return "hello " + name
print(greet("ann"))
# expect: HELLO ANN
