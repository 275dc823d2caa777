# start_new_thread checks its arguments with CPython's messages.
import _thread

def attempt(*args, **kwargs):
    try:
        _thread.start_new_thread(*args, **kwargs)
    except TypeError as e:
        print(e)

attempt(1, ())  # expect: first arg must be callable
attempt(print, [])  # expect: 2nd arg must be a tuple
attempt(print, (), [])  # expect: optional 3rd arg must be a dictionary
attempt(print, (), None)  # expect: optional 3rd arg must be a dictionary
attempt(print)  # expect: start_new_thread expected at least 2 arguments, got 1
attempt(print, (), {}, 4)  # expect: start_new_thread expected at most 3 arguments, got 4
attempt(function=print, args=())  # expect: start_new_thread() takes no keyword arguments
print(_thread._count())  # expect: 0
