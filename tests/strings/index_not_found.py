"hello".index("z")
# expect runtime error: ValueError: substring not found
