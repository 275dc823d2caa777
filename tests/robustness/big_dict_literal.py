# a 100000-entry dict display compiles in linear time (CPython: well under a second)
# timeout: 10
src = 'x = {' + ', '.join('%d: %d' % (i, i) for i in range(100000)) + '}'
ns = {}
exec(src, ns)
print(len(ns['x']), ns['x'][99999])
# expect: 100000 99999
