try:
    raise ValueError
except ValueError as err:
    pass
try:
    print(err)
except NameError as e:
    print("NameError:", e)
# expect: NameError: name 'err' is not defined
