# small loops: integer arithmetic, while/for, list indexing, dict and string work.
def int_loop(n):
    total = 0
    i = 0
    while i < n:
        total += i * i % 7
        i += 1
    return total


def list_loop(n):
    data = list(range(1000))
    acc = 0
    for _ in range(n):
        for j in range(0, 1000, 7):
            acc += data[j]
            data[j] = acc & 1023
    return acc


def dict_loop(n):
    d = {}
    for i in range(n):
        d[i % 1000] = d.get(i % 1000, 0) + i
    return sum(d.values())


def str_loop(n):
    parts = []
    for i in range(n):
        parts.append(str(i % 97))
    s = ",".join(parts)
    return len(s), s.count("9")


def call_loop(n):
    def add(a, b):
        return a + b
    x = 0
    for i in range(n):
        x = add(x, i)
    return x


print("loops", int_loop(2000000), list_loop(1500), dict_loop(600000), str_loop(400000), call_loop(1000000))
