# os.path.splitdrive/normcase/commonprefix/islink/lexists, constants, join's type error
import os, os.path as P
print(P.splitdrive('/a/b'), P.splitdrive(''), P.normcase('AbC/dEf'))
print(repr(P.commonprefix(['abc', 'abd', 'ab'])), repr(P.commonprefix([])), repr(P.commonprefix(('/usr/lib', '/usr/local'))))
print(P.commonprefix(['é日本x', 'é日本y', 'é日']), P.commonprefix(('aé', 'aè')), P.commonprefix(['x']))
print(P.islink('/'), P.lexists('/'), P.lexists(''), P.islink('/nonexistent/zz'), P.lexists('a\x00b'))
print(os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.altsep, repr(os.linesep), os.devnull)
print(P.sep, P.altsep, P.devnull, P.extsep)
for f in [lambda: P.join('a', 1), lambda: P.join(1), lambda: P.commonprefix(['a', 1]), lambda: P.splitdrive(3),
          lambda: P.islink(None)]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError:', e)
# expect: ('', '/a/b') ('', '') AbC/dEf
# expect: 'ab' '' '/usr/l'
# expect: é日 a x
# expect: False True False False False
# expect: / : . .. . None '\n' /dev/null
# expect: / None /dev/null .
# expect: TypeError: join() argument must be str, bytes, or os.PathLike object, not 'int'
# expect: TypeError: expected str, bytes or os.PathLike object, not int
# expect: TypeError: expected str, bytes or os.PathLike object, not int
# expect: TypeError: expected str, bytes or os.PathLike object, not int
# expect: TypeError: lstat: path should be string, bytes or os.PathLike, not NoneType
