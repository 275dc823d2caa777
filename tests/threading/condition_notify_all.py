# notify(n) wakes n waiters, notify_all() the rest.
import threading
cond = threading.Condition(threading.Lock())
state = {"go": 0, "woken": 0, "waiting": 0}


def waiter():
    with cond:
        state["waiting"] += 1
        cond.notify_all()      # tell the main thread we are waiting
        while state["go"] == 0:
            cond.wait()
        state["go"] -= 1
        state["woken"] += 1
        cond.notify_all()      # tell the main thread we are done


ts = [threading.Thread(target=waiter) for _ in range(4)]
for t in ts:
    t.start()
with cond:
    cond.wait_for(lambda: state["waiting"] == 4)
    state["go"] = 1
    cond.notify(1)
with cond:
    cond.wait_for(lambda: state["woken"] == 1)
    print(state["woken"])
# expect: 1
with cond:
    state["go"] = 3
    cond.notify_all()
for t in ts:
    t.join()
print(state["woken"], state["go"])
# expect: 4 0
