# An uncaught exception in a thread is printed through the unraisable hook's
# format ("Exception ignored in thread started by: ..."); the program goes on.
import _thread

done = _thread.allocate_lock()
done.acquire()

class Job:
    def __call__(self, n):
        try:
            raise ValueError("boom %d" % n)
        finally:
            done.release()
    def __repr__(self):
        return "<Job>"

_thread.start_new_thread(Job(), (7,))
done.acquire()
# The report is written after the function returned: wait for the thread's end.
while _thread._count():
    pass
print("main goes on")  # expect: main goes on
# expect stderr: Exception ignored in thread started by: <Job>
# expect stderr: Traceback (most recent call last):
# expect stderr:     raise ValueError("boom %d" % n)
# expect stderr: ValueError: boom 7
