# A hook that raises: sys.excepthook reports the hook's exception.
import threading


def hook(args):
    raise RuntimeError("hook failed")


threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0)
t.start()
t.join()
print("done")
# expect: done
# expect stderr: RuntimeError: hook failed
