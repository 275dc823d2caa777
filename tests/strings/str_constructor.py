print(str(), str(42), str(3.5), str([1, "a"]), str(None), str(True), str("s"))
# expect:  42 3.5 [1, 'a'] None True s
