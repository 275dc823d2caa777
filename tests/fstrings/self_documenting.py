x = 10
y = "s"
print(f"{x=}", f"{x + 1 = }", f"{y=!r}", f"{x=:5}")
# expect: x=10 x + 1 = 11 y='s' x=   10
