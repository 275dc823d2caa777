s = "hello World of PYTHON"
print(s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold())
# expect: HELLO WORLD OF PYTHON hello world of python Hello world of python Hello World Of Python HELLO wORLD OF python hello world of python
