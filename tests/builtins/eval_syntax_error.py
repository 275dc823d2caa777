try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError caught")
# expect: SyntaxError caught
