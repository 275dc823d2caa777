open("/no/such/dir/file.txt")
# expect runtime error: FileNotFoundError: [Errno 2] No such file or directory: '/no/such/dir/file.txt'
