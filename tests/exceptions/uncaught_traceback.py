def inner():
    raise ValueError("deep problem")
def outer():
    inner()
outer()
# expect stderr: Traceback (most recent call last):
# expect stderr:   File "uncaught_traceback.py", line 5, in <module>
# expect stderr:     outer()
# expect stderr:   File "uncaught_traceback.py", line 4, in outer
# expect stderr:     inner()
# expect stderr:   File "uncaught_traceback.py", line 2, in inner
# expect stderr:     raise ValueError("deep problem")
# expect runtime error: ValueError: deep problem
