# repr(Thread): initial, started, stopped, daemon, ident.
import threading
gate = threading.Event()
t = threading.Thread(target=gate.wait, name="w")
print(repr(t))
# expect: <Thread(w, initial)>
t.start()
print(repr(t) == "<Thread(w, started %d)>" % t.ident)
# expect: True
gate.set()
t.join()
print(repr(t) == "<Thread(w, stopped %d)>" % t.ident)
# expect: True
d = threading.Thread(target=print, name="d", daemon=True)
print(repr(d))
# expect: <Thread(d, initial daemon)>
m = threading.main_thread()
print(repr(m) == "<_MainThread(MainThread, started %d)>" % m.ident)
# expect: True


class Sub(threading.Thread):
    pass


print(repr(Sub(name="s")))
# expect: <Sub(s, initial)>
