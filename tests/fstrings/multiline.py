a, b = 1, 2
s = f"""a={a}
b={b}"""
print(s)
print(f"{a}" f"{b}" "plain" f"{a + b}")
# expect: a=1
# expect: b=2
# expect: 12plain3
