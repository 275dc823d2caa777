s = "filename.py"
print(s.startswith("file"), s.endswith(".py"), s.endswith((".c", ".py")), s.startswith("name", 4), s.endswith("file", 0, 4))
# expect: True True True True True
