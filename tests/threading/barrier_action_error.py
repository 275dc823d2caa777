# An action that raises breaks the barrier: the last thread gets the
# exception, the others BrokenBarrierError.
import threading


def action():
    raise ZeroDivisionError("in action")


b = threading.Barrier(2, action=action)
out = []


def other():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        out.append("broken")


t = threading.Thread(target=other)
t.start()
while b.n_waiting == 0:
    pass
try:
    b.wait()
except ZeroDivisionError as e:
    out.append(str(e))
t.join()
print(sorted(out), b.broken)
# expect: ['broken', 'in action'] True
