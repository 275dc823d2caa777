# threading.excepthook receives ExceptHookArgs; __excepthook__ is the default.
import threading
seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                 args.exc_traceback is not None))


print(threading.excepthook is threading.__excepthook__)
# expect: True
threading.excepthook = hook


def fail():
    raise KeyError("k")


t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
print(seen)
# expect: [('KeyError', "'k'", 'failing', True)]
threading.excepthook = threading.__excepthook__
