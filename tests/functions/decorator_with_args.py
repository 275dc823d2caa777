def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def ping(x):
    return x * 2
print(ping(4))
# expect: [8, 8, 8]
