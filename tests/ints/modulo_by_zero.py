try:
    5 % 0
except ZeroDivisionError as e:
    print(e)
try:
    5 / 0
except ZeroDivisionError as e:
    print(e)
# expect: integer modulo by zero
# expect: division by zero
