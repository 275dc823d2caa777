try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", type(e).__name__, e)
print("continues")
# expect: caught ZeroDivisionError division by zero
# expect: continues
