print("hello, world")
# expect: hello, world
