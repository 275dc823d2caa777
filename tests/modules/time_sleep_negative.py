import time
time.sleep(-1)
# expect runtime error: ValueError: sleep length must be non-negative
