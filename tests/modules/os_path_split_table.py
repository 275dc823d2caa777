# os.path split/splitext/basename/dirname/normpath/isabs over awkward paths
import os.path as P
paths = ['', '/', '//', '///', 'a', 'a/', '/a/b/', 'a//b', 'a/./b', 'a/../b', '../..', '/..', '/../a',
         './', '.', '..', '~', '~/x', 'a/b.c.d', '.bashrc', 'a/.bashrc', 'file.', 'a.b/c', '/a/b/c.tar.gz',
         'é/日本.txt', '//a//b//', 'a/b/../../..', '.a.b', 'a/..b', '...']
for p in paths:
    print(repr(p), P.split(p), P.splitext(p), repr(P.basename(p)), repr(P.dirname(p)), P.normpath(p), P.isabs(p))
print(P.join('a', 'b'), P.join('a', '/b'), P.join('a/', 'b'), P.join('', 'b'), repr(P.join('a', '')), P.join('/'),
      P.join('a', 'b', '/c', 'd'), repr(P.join('', '')))
print(P.relpath('/a/b/c', '/a/x'), P.relpath('/a', '/a'), P.relpath('a/b', 'a'), P.relpath('/', '/a/b'))
# expect: '' ('', '') ('', '') '' '' . False
# expect: '/' ('/', '') ('/', '') '' '/' / True
# expect: '//' ('//', '') ('//', '') '' '//' // True
# expect: '///' ('///', '') ('///', '') '' '///' / True
# expect: 'a' ('', 'a') ('a', '') 'a' '' a False
# expect: 'a/' ('a', '') ('a/', '') '' 'a' a False
# expect: '/a/b/' ('/a/b', '') ('/a/b/', '') '' '/a/b' /a/b True
# expect: 'a//b' ('a', 'b') ('a//b', '') 'b' 'a' a/b False
# expect: 'a/./b' ('a/.', 'b') ('a/./b', '') 'b' 'a/.' a/b False
# expect: 'a/../b' ('a/..', 'b') ('a/../b', '') 'b' 'a/..' b False
# expect: '../..' ('..', '..') ('../..', '') '..' '..' ../.. False
# expect: '/..' ('/', '..') ('/..', '') '..' '/' / True
# expect: '/../a' ('/..', 'a') ('/../a', '') 'a' '/..' /a True
# expect: './' ('.', '') ('./', '') '' '.' . False
# expect: '.' ('', '.') ('.', '') '.' '' . False
# expect: '..' ('', '..') ('..', '') '..' '' .. False
# expect: '~' ('', '~') ('~', '') '~' '' ~ False
# expect: '~/x' ('~', 'x') ('~/x', '') 'x' '~' ~/x False
# expect: 'a/b.c.d' ('a', 'b.c.d') ('a/b.c', '.d') 'b.c.d' 'a' a/b.c.d False
# expect: '.bashrc' ('', '.bashrc') ('.bashrc', '') '.bashrc' '' .bashrc False
# expect: 'a/.bashrc' ('a', '.bashrc') ('a/.bashrc', '') '.bashrc' 'a' a/.bashrc False
# expect: 'file.' ('', 'file.') ('file', '.') 'file.' '' file. False
# expect: 'a.b/c' ('a.b', 'c') ('a.b/c', '') 'c' 'a.b' a.b/c False
# expect: '/a/b/c.tar.gz' ('/a/b', 'c.tar.gz') ('/a/b/c.tar', '.gz') 'c.tar.gz' '/a/b' /a/b/c.tar.gz True
# expect: 'é/日本.txt' ('é', '日本.txt') ('é/日本', '.txt') '日本.txt' 'é' é/日本.txt False
# expect: '//a//b//' ('//a//b', '') ('//a//b//', '') '' '//a//b' //a/b True
# expect: 'a/b/../../..' ('a/b/../..', '..') ('a/b/../../..', '') '..' 'a/b/../..' .. False
# expect: '.a.b' ('', '.a.b') ('.a', '.b') '.a.b' '' .a.b False
# expect: 'a/..b' ('a', '..b') ('a/..b', '') '..b' 'a' a/..b False
# expect: '...' ('', '...') ('...', '') '...' '' ... False
# expect: a/b /b a/b b 'a/' / /c/d ''
# expect: ../b/c . b ../..
