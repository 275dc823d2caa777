# os.path string functions (posixpath).
import os.path as p
print(p.join("a", "/b", "c"), p.join("a/", "", "c"), p.join("", "x"))
print(p.split("/a/b//c"), p.split("//x"), p.split("x"))
print(p.dirname("/usr/lib/"), p.basename("/usr/lib/x.py"))
print(p.splitext("/a/b.tar.gz"), p.splitext("/a/.bashrc"), p.splitext("a.b/c"), p.splitext("..x"))
print(p.normpath("//a/./b/../../../c/"), p.normpath("../a/../../b"), p.normpath("///a"), p.normpath(""))
print(p.relpath("/a/d", "/a/b/c"), p.relpath("/a", "/a"), p.relpath("/ab", "/a"), p.isabs("/x"), p.isabs("x"))
# expect: /b/c a/c x
# expect: ('/a/b', 'c') ('//', 'x') ('', 'x')
# expect: /usr/lib x.py
# expect: ('/a/b.tar', '.gz') ('/a/.bashrc', '') ('a.b/c', '') ('..x', '')
# expect: //c ../../b /a .
# expect: ../../d . ../ab True False
