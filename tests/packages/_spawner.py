# Support module for import_in_thread_during_import.py: while it is being
# imported, a thread it starts imports another module and is joined.
import threading
result = []


def load():
    import _app.mod
    result.append(_app.mod.value)


t = threading.Thread(target=load)
t.start()
t.join()
