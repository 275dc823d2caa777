# traceback.print_exc() holds sys.stderr while writing to it, though write()
# rebinds sys.stderr and drops the last other reference to the file.
import sys, traceback
out = []
class W:
    def write(self, s):
        sys.stderr = sys.__stderr__
        del self
        out.append(s)
        return len(s)
    def flush(self):
        pass
    def __del__(self):
        out.append("del")
sys.stderr = W()
try:
    1 / 0
except ZeroDivisionError:
    traceback.print_exc()
print(out[-1] == "del", len(out) > 1)
# expect: True True
