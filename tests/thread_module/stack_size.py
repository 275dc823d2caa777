# stack_size() sets the stack of threads started afterwards; deep recursion
# fits the default stack.
import _thread, sys

def attempt(*args):
    try:
        print(_thread.stack_size(*args))
    except Exception as e:
        print(type(e).__name__, e)

attempt()  # expect: 0
attempt(1)  # expect: ValueError size not valid: 1 bytes
attempt(32767)  # expect: ValueError size not valid: 32767 bytes
attempt(-1)  # expect: ValueError size must be 0 or a positive value
attempt(1.5)  # expect: TypeError 'float' object cannot be interpreted as an integer
attempt(1, 2)  # expect: TypeError stack_size() takes at most 1 argument (2 given)
attempt(2**70)  # expect: OverflowError Python int too large to convert to C ssize_t
attempt(1 << 20)  # expect: 0
attempt(0)  # expect: 1048576
attempt()  # expect: 0

done = _thread.allocate_lock()
done.acquire()
result = []
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
def work():
    result.append(deep(900))
    try:
        deep(100000)
    except RecursionError:
        result.append("RecursionError")
    done.release()
_thread.start_new_thread(work, ())
done.acquire()
print(result)  # expect: [900, 'RecursionError']

_thread.stack_size(256 * 1024)
_thread.start_new_thread(work, ())
done.acquire()
print(result[2:])  # expect: [900, 'RecursionError']
_thread.stack_size(0)
