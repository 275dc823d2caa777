def f():
    out = []
    for i in range(4):
        try:
            if i % 2: raise ValueError(i)
            out.append(i)
        except ValueError as e:
            if i == 3: break
            out.append(('caught', str(e)))
            continue
        finally:
            out.append('fin%d' % i)
    return out
print(f())
def g():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            break
    return i
print(g())
def h():
    while True:
        try:
            return 'x'
        finally:
            print('h finally')
print(h())
def k():
    try:
        try:
            return 1
        finally:
            raise ValueError('in finally')
    except ValueError as e:
        return 'got ' + str(e)
print(k())
def m():
    x = 0
    for i in range(3):
        with open('/dev/null'):
            try:
                x += 1
                if i == 1:
                    break
            finally:
                x += 10
    return x
print(m())
import sys
def n():
    try:
        raise TypeError('a')
    except TypeError:
        for i in range(2):
            try:
                raise KeyError('b')
            except KeyError:
                pass
        return sys.exc_info()[0].__name__
print(n(), sys.exc_info())
def gen_ret_in_with():
    with open('/dev/null') as fh:
        yield 1
        return
    yield 2
print(list(gen_ret_in_with()))
def exc_in_exit():
    class E:
        def __enter__(self): return self
        def __exit__(self, *a): raise RuntimeError('exit failed')
    try:
        with E():
            raise ValueError('body')
    except RuntimeError as e:
        print(e, repr(e.__context__))
exc_in_exit()
# expect: [0, 'fin0', ('caught', '1'), 'fin1', 2, 'fin2', 'fin3']
# expect: 2
# expect: h finally
# expect: x
# expect: got in finally
# expect: 22
# expect: TypeError (None, None, None)
# expect: [1]
# expect: exit failed ValueError('body')
