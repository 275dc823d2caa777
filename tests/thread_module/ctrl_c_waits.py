# A SIGINT (Ctrl-C) ends a blocked lock acquire, RLock acquire or sleep in
# the main thread with KeyboardInterrupt; other threads never see it.
import _thread, os, time

def interrupt_soon():
    time.sleep(0.1)
    os.kill(os.getpid(), 2)

def run(label, wait):
    _thread.start_new_thread(interrupt_soon, ())
    t0 = time.monotonic()
    try:
        wait()
        print(label, "not interrupted")
    except KeyboardInterrupt:
        print(label, "KeyboardInterrupt", time.monotonic() - t0 < 10)

held = _thread.allocate_lock()
held.acquire()
run("lock", held.acquire)  # expect: lock KeyboardInterrupt True
run("lock with timeout", lambda: held.acquire(timeout=30))  # expect: lock with timeout KeyboardInterrupt True
run("sleep", lambda: time.sleep(30))  # expect: sleep KeyboardInterrupt True

r = _thread.RLock()
owner_ready = _thread.allocate_lock()
owner_ready.acquire()
release_owner = _thread.allocate_lock()
release_owner.acquire()
def owner():
    r.acquire()
    owner_ready.release()
    release_owner.acquire()
    r.release()
_thread.start_new_thread(owner, ())
owner_ready.acquire()
run("rlock", r.acquire)  # expect: rlock KeyboardInterrupt True
release_owner.release()
print(r.acquire(timeout=10))  # expect: True
