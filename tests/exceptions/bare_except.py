try:
    [][1]
except:
    print("bare except caught")
# expect: bare except caught
