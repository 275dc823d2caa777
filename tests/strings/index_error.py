"abc"[5]
# expect runtime error: IndexError: string index out of range
