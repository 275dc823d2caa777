try:
    1 / 0
except 5:
    pass
# expect runtime error: TypeError: catching classes that do not inherit from BaseException is not allowed
