# a 100000-term expression must not overflow the C stack while compiling: CPython raises RecursionError
src = ' + '.join(["'ab'"] * 100000)
try:
    print(len(eval(src)))
except RecursionError as e:
    print('RecursionError:', e)
# expect: RecursionError: maximum recursion depth exceeded during compilation
