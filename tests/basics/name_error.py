print(undefined_name)
# expect runtime error: NameError: name 'undefined_name' is not defined
