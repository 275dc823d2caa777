# 100000 nested parentheses: SyntaxError (too many nested parentheses), not a crash
try:
    compile('(' * 100000 + ')' * 100000, 'x', 'eval')
except (SyntaxError, RecursionError, MemoryError) as e:
    print('clean error')
# expect: clean error
