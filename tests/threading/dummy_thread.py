# A thread started with _thread is a daemonic dummy Thread for threading.
import _thread
import threading
out = []
done = threading.Event()


def raw():
    t = threading.current_thread()
    out.append((t.name.startswith("Dummy-"), t.daemon, t.is_alive(), t.ident == threading.get_ident()))
    done.set()


_thread.start_new_thread(raw, ())
done.wait()
print(out)
# expect: [(True, True, True, True)]
