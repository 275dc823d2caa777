# A lock has no owner: another thread may release it (a hand-off), and a
# blocked acquire wakes up when it does.
import _thread, time

lock = _thread.allocate_lock()
lock.acquire()
log = []

def releaser():
    time.sleep(0.1)
    log.append("releasing")
    lock.release()

_thread.start_new_thread(releaser, ())
print(lock.acquire(timeout=10))  # expect: True
print(log)  # expect: ['releasing']
print(lock.locked())  # expect: True

# Ping-pong between two threads through two locks: no wake-up is lost.
ping, pong = _thread.allocate_lock(), _thread.allocate_lock()
ping.acquire(); pong.acquire()
count = []

def player():
    for i in range(2000):
        ping.acquire()
        count.append(i)
        pong.release()

_thread.start_new_thread(player, ())
for i in range(2000):
    ping.release()
    pong.acquire()
print(len(count), count[-1])  # expect: 2000 1999
