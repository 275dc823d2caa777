# os.fspath() calls __fspath__ (os.PathLike) and checks its result
import os
class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
print(os.fspath(P('a/b')), os.fspath('x'))
for v in [P(5), P(None), 3, None]:
    try:
        print(os.fspath(v))
    except TypeError as e:
        print('TypeError:', e)
class Bad:
    def __fspath__(self): raise KeyError('inner')
try:
    os.fspath(Bad())
except KeyError as e:
    print('KeyError', e)
# expect: a/b x
# expect: TypeError: expected P.__fspath__() to return str or bytes, not int
# expect: TypeError: expected P.__fspath__() to return str or bytes, not NoneType
# expect: TypeError: expected str, bytes or os.PathLike object, not int
# expect: TypeError: expected str, bytes or os.PathLike object, not NoneType
# expect: KeyError 'inner'
