# operator: functions, getters and methodcaller (lib/operator.py).
import operator
from operator import attrgetter, itemgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul('ab', 2), operator.truediv(1, 4))
# expect: 5 -1 abab 0.25
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.contains([1, 2], 2))
# expect: True False True True
print(operator.__add__(1, 1), operator.__not__(1), operator.index(7), operator.neg(3))
# expect: 2 False 7 -3
d = {}
operator.setitem(d, 'k', 1)
print(operator.getitem(d, 'k'), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
# expect: 1 2 2
operator.delitem(d, 'k')
print(d, operator.length_hint(iter([1, 2, 3])), operator.length_hint(5, 9))
# expect: {} 3 9
lst = [1]
print(operator.iadd(lst, [2]) is lst, lst, operator.iadd(1, 2))
# expect: True [1, 2] 3


class P:
    def __init__(self, x, child=None):
        self.x = x
        self.child = child

    def scaled(self, k, plus=0):
        return self.x * k + plus


p = P(2, P(5))
print(attrgetter('x')(p), attrgetter('x', 'child.x')(p))
# expect: 2 (2, 5)
print(itemgetter(1)('abc'), itemgetter(0, 2)('abc'), itemgetter('a')({'a': 9}))
# expect: b ('a', 'c') 9
print(methodcaller('scaled', 3)(p), methodcaller('scaled', 3, plus=1)(p))
# expect: 6 7
print(methodcaller('bit_length')(255), sorted([(2, 'b'), (1, 'c')], key=itemgetter(1)))
# expect: 8 [(2, 'b'), (1, 'c')]
print(repr(methodcaller('scaled', 3, plus=1)), repr(itemgetter(1, 2)), repr(attrgetter('x')))
# expect: operator.methodcaller('scaled', 3, plus=1) operator.itemgetter(1, 2) operator.attrgetter('x')
try:
    attrgetter('nope')(p)
except AttributeError as e:
    print('AttributeError')
# expect: AttributeError
try:
    operator.indexOf([1], 5)
except ValueError as e:
    print(e)
# expect: sequence.index(x): x not in sequence
methodcaller(3)
# expect runtime error: TypeError: method name must be a string
