# hash() of a str is never -1, and equal strings hash equally however they were built
import random
r = random.Random(5)
bad = 0
for i in range(20000):
    s = ''.join(chr(r.randrange(32, 0x2000)) for _ in range(r.randrange(6)))
    if hash(s) == -1 or hash(s) != hash(s.encode('utf-8').decode('utf-8') if False else s[:] + ''):
        bad += 1
print(bad)
class S(str):
    pass
print(hash(S('hello')) == hash('hello'), hash(S('日本')) == hash('日本'))
# expect: 0
# expect: True True
