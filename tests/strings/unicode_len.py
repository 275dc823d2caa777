s = "héllo 日本 😀"
print(len(s), s[1], s[6], s[-1], s[::-1], s.upper())
print([ord(c) for c in "aé日"], chr(233), chr(0x1F600))
# expect: 10 é 日 😀 😀 本日 olléh HÉLLO 日本 😀
# expect: [97, 233, 26085] é 😀
