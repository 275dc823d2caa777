s = "hello"
print(s[0], s[-1], s[1:3], s[::-1], s[::2], s[10:], s[-3:], s[:-1])
# expect: h o el olleh hlo  llo hell
