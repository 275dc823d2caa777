s = "hello world"
print(s.find("o"), s.rfind("o"), s.find("z"), s.index("w"), s.find("o", 5), s.count("o"), s.count("l", 3))
print(s.rindex("l"), "aaa".count("aa"), "abc".find(""), s.find("o", 5, 7))
# expect: 4 7 -1 6 7 2 2
# expect: 9 1 0 -1
