try:
    1 / 0
except ZeroDivisionError:
    raise KeyError("missing")
# expect stderr: During handling of the above exception, another exception occurred:
# expect stderr: ZeroDivisionError: division by zero
# expect runtime error: KeyError: 'missing'
