# A note's __str__ that empties __notes__ while the traceback prints them.
import traceback

e = ValueError("x")

class Note:
    def __str__(self):
        e.__notes__.clear()
        return "first"

e.__notes__ = [Note(), "second", "third"]
print(traceback.format_exception_only(ValueError, e))
# expect: ['ValueError: x\n', 'first\n']
