# active_count() and enumerate() list the threads alive right now.
import threading
print(threading.active_count(), threading.enumerate() == [threading.main_thread()])
# expect: 1 True
gate = threading.Event()
ts = [threading.Thread(target=gate.wait, name="w%d" % i) for i in range(3)]
for t in ts:
    t.start()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
# expect: 4 ['MainThread', 'w0', 'w1', 'w2']
gate.set()
for t in ts:
    t.join()
print(threading.active_count(), len(threading.enumerate()))
# expect: 1 1
