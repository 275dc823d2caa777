# 100000 nested unary minuses: a clean error, not a C stack overflow
src = '-' * 100000 + '1'
try:
    print(eval(src))
except (RecursionError, MemoryError, SyntaxError) as e:
    print('clean error')
# expect: clean error
