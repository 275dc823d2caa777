try:
    open("/nonexistent/file.txt")
except FileNotFoundError as e:
    print(e, e.errno, isinstance(e, OSError))
# expect: [Errno 2] No such file or directory: '/nonexistent/file.txt' 2 True
