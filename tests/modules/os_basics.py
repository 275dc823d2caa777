import os
print(os.getpid() > 0, os.cpu_count() >= 1, isinstance(os.environ, dict) or hasattr(os.environ, "get"), "PATH" in os.environ)
print(os.path.join("a", "b", "c.txt"), os.path.exists("/"), os.path.exists("/definitely/not/here"), os.path.basename("/x/y.py"), os.path.dirname("/x/y.py"))
print(os.path.splitext("file.tar.gz"), os.sep)
# expect: True True True True
# expect: a/b/c.txt True False y.py /x
# expect: ('file.tar', '.gz') /
