print("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "abc".replace("", "-"), "hello".replace("l", ""))
# expect: bbbb bbaa -a-b-c- heo
