# ident and native_id: None before start, the thread's ids after.
import threading
inside = {}


def record():
    inside["ident"] = threading.get_ident()
    inside["native"] = threading.get_native_id()


t = threading.Thread(target=record)
print(t.ident, t.native_id)
# expect: None None
t.start()
t.join()
print(t.ident == inside["ident"], t.native_id == inside["native"])
# expect: True True
print(type(t.ident).__name__, t.ident != threading.get_ident(), t.native_id != threading.get_native_id())
# expect: int True True
print(threading.main_thread().ident == threading.get_ident())
# expect: True
