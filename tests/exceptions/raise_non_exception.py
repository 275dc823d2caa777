raise 42
# expect runtime error: TypeError: exceptions must derive from BaseException
