try:
    input()
except EOFError:
    print("EOF")
# expect: EOF
