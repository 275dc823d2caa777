# interrupt_main() raises KeyboardInterrupt in the main thread; signals that
# Python does not handle are ignored; bad numbers are refused.
import _thread, time

def later():
    time.sleep(0.05)
    _thread.interrupt_main()

_thread.start_new_thread(later, ())
try:
    for _ in range(2000):
        time.sleep(0.01)
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt")  # expect: KeyboardInterrupt

print(_thread.interrupt_main(15))  # expect: None
for args in (("x",), (0,), (100000,), (1, 2)):
    try:
        _thread.interrupt_main(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: ValueError signal number out of range
# expect: ValueError signal number out of range
# expect: TypeError signum() takes at most 1 argument (2 given)
try:
    _thread.interrupt_main(signum=2)
except TypeError as e:
    print(e)  # expect: interrupt_main() takes no keyword arguments
