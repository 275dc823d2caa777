class MyError(Exception):
    pass
raise MyError("custom")
# expect runtime error: MyError: custom
