# dict/set algebra, views, fromkeys/update/pop errors, mixed-type keys and frozenset hashes: CPython's results and order
a = {'x': 1, 'y': 2}; b = {'y': 3, 'z': 4}
for e in ["a | b", "b | a", "a.copy().__ior__(b)", "a | [('q', 1)]", "a | None", "dict(a, **b)", "{**a, **b}", "a.keys() | b.keys()", "a.keys() & b", "a.keys() - b.keys()", "a.keys() ^ b.keys()", "a.keys() | ['m']", "a.items() | b.items()", "a.items() & {('x', 1)}", "a.items() - {('x', 1)}",
          "a.keys() <= {'x', 'y', 'z'}", "a.keys() == {'x', 'y'}", "a.keys() < a.keys()", "a.keys().isdisjoint(b)", "a.items().isdisjoint([('y', 2)])", "a.values() == a.values()", "list(reversed(a))", "list(reversed(a.items()))", "reversed(a.values()).__class__.__name__",
          "dict.fromkeys('abc', [])", "dict.fromkeys([], 1)", "dict([('a', 1), ('b', 2)])", "dict([('a', 1, 2)])", "dict(['ab', 'cd'])", "dict([1])", "dict(a=1)['a']", "{}.pop('x')", "{}.pop('x', 5)", "{}.popitem()", "a.get('q', 'd')", "a.setdefault('q')", "a", "a == {'x': 1, 'y': 2, 'q': None}", "a != b",
          "{1: 2} < {1: 2}", "sorted({3: 1, 1: 2})", "max({'a': 1, 'b': 0})", "{1: 'a', True: 'b', 1.0: 'c'}", "{0: 1, False: 2, 0.0: 3, -0.0: 4}", "{float('nan'): 1, float('nan'): 2}.__len__()", "len({(1, 2): 1, (1, 2): 2})", "{[]: 1}", "{(1, []): 1}", "{{}: 1}",
          "set('abc') | frozenset('cd')", "type(frozenset('ab') | set('c')).__name__", "type(set('ab') & frozenset('a')).__name__", "set() == frozenset()", "{1, 2} < {1, 2, 3}", "{1, 2} <= {1, 2}", "{1, 2} > {1}", "{1} < [1, 2]", "{1}.issubset([1, 2])", "{1, 2}.issuperset(range(3))", "set.union()", "set().union([1], (2,), {3: 4}, 'ab')",
          "set('ab').intersection()", "set('ab').intersection('bc', 'b')", "set('abc').difference('a', 'b')", "set('ab').symmetric_difference('bc')", "{1, 2}.pop() in (1, 2)", "set().pop()", "{1}.remove(2)", "{1}.discard(2)", "frozenset([1, 2]) == {1, 2}", "hash(frozenset()) ", "hash(frozenset([1, 2, 3]))", "hash(frozenset(['a', 'b']))",
          "{frozenset([1]): 'f'}[frozenset({1})]", "{1} in {frozenset({1})}", "set([1]) in {frozenset({1})}", "frozenset({1}) in {frozenset({1})}", "set({1}) in [frozenset({1})]", "{1, 2} ^ {2, 3} ^ {3, 4}", "{i % 5 for i in range(100)}", "sorted({-1, -2, 3, 2**64, 2**61 - 1})", "set(range(10)) - set(range(0, 10, 2))",
          "repr(set())", "repr(frozenset())", "repr(frozenset({1}))", "repr({}.keys())", "repr({'a': 1}.items())", "repr({'a': [1]}.values())", "str({1: {2: {3: {}}}})", "{1, 2}.__len__()", "len(set('hello world'))", "set.__name__", "set().__class__ is set", "bool(set())", "bool({0})", "bool({}.keys())",
          "a.update([('k', 1)], m=2) or a", "a.update(1)", "a.update([1])", "{}.update({'a': 1}, b=2)", "s = set(); s |= {1}; s", "frozenset([1, 2]).copy() is not None", "a.clear() or a", "dict.fromkeys(range(3)).keys() & range(2)", "{1: 2}.items() | {3}", "{}.keys() | {}.values()"]:
    try:
        r = repr(eval(e)) if not e.startswith('s =') else repr(exec(e) or 0)
    except Exception as ex:
        r = '%s: %s' % (type(ex).__name__, ex)
    print(e, r)
# expect: a | b {'x': 1, 'y': 3, 'z': 4}
# expect: b | a {'y': 2, 'z': 4, 'x': 1}
# expect: a.copy().__ior__(b) {'x': 1, 'y': 3, 'z': 4}
# expect: a | [('q', 1)] TypeError: unsupported operand type(s) for |: 'dict' and 'list'
# expect: a | None TypeError: unsupported operand type(s) for |: 'dict' and 'NoneType'
# expect: dict(a, **b) {'x': 1, 'y': 3, 'z': 4}
# expect: {**a, **b} {'x': 1, 'y': 3, 'z': 4}
# expect: a.keys() | b.keys() {'y', 'x', 'z'}
# expect: a.keys() & b {'y'}
# expect: a.keys() - b.keys() {'x'}
# expect: a.keys() ^ b.keys() {'x', 'z'}
# expect: a.keys() | ['m'] {'y', 'm', 'x'}
# expect: a.items() | b.items() {('x', 1), ('y', 3), ('y', 2), ('z', 4)}
# expect: a.items() & {('x', 1)} {('x', 1)}
# expect: a.items() - {('x', 1)} {('y', 2)}
# expect: a.keys() <= {'x', 'y', 'z'} True
# expect: a.keys() == {'x', 'y'} True
# expect: a.keys() < a.keys() False
# expect: a.keys().isdisjoint(b) False
# expect: a.items().isdisjoint([('y', 2)]) False
# expect: a.values() == a.values() False
# expect: list(reversed(a)) ['y', 'x']
# expect: list(reversed(a.items())) [('y', 2), ('x', 1)]
# expect: reversed(a.values()).__class__.__name__ 'dict_reversevalueiterator'
# expect: dict.fromkeys('abc', []) {'a': [], 'b': [], 'c': []}
# expect: dict.fromkeys([], 1) {}
# expect: dict([('a', 1), ('b', 2)]) {'a': 1, 'b': 2}
# expect: dict([('a', 1, 2)]) ValueError: dictionary update sequence element #0 has length 3; 2 is required
# expect: dict(['ab', 'cd']) {'a': 'b', 'c': 'd'}
# expect: dict([1]) TypeError: cannot convert dictionary update sequence element #0 to a sequence
# expect: dict(a=1)['a'] 1
# expect: {}.pop('x') KeyError: 'x'
# expect: {}.pop('x', 5) 5
# expect: {}.popitem() KeyError: 'popitem(): dictionary is empty'
# expect: a.get('q', 'd') 'd'
# expect: a.setdefault('q') None
# expect: a {'x': 1, 'y': 2, 'q': None}
# expect: a == {'x': 1, 'y': 2, 'q': None} True
# expect: a != b True
# expect: {1: 2} < {1: 2} TypeError: '<' not supported between instances of 'dict' and 'dict'
# expect: sorted({3: 1, 1: 2}) [1, 3]
# expect: max({'a': 1, 'b': 0}) 'b'
# expect: {1: 'a', True: 'b', 1.0: 'c'} {1: 'c'}
# expect: {0: 1, False: 2, 0.0: 3, -0.0: 4} {0: 4}
# expect: {float('nan'): 1, float('nan'): 2}.__len__() 2
# expect: len({(1, 2): 1, (1, 2): 2}) 1
# expect: {[]: 1} TypeError: unhashable type: 'list'
# expect: {(1, []): 1} TypeError: unhashable type: 'list'
# expect: {{}: 1} TypeError: unhashable type: 'dict'
# expect: set('abc') | frozenset('cd') {'d', 'c', 'a', 'b'}
# expect: type(frozenset('ab') | set('c')).__name__ 'frozenset'
# expect: type(set('ab') & frozenset('a')).__name__ 'set'
# expect: set() == frozenset() True
# expect: {1, 2} < {1, 2, 3} True
# expect: {1, 2} <= {1, 2} True
# expect: {1, 2} > {1} True
# expect: {1} < [1, 2] TypeError: '<' not supported between instances of 'set' and 'list'
# expect: {1}.issubset([1, 2]) True
# expect: {1, 2}.issuperset(range(3)) False
# expect: set.union() TypeError: unbound method set.union() needs an argument
# expect: set().union([1], (2,), {3: 4}, 'ab') {1, 2, 3, 'b', 'a'}
# expect: set('ab').intersection() {'a', 'b'}
# expect: set('ab').intersection('bc', 'b') {'b'}
# expect: set('abc').difference('a', 'b') {'c'}
# expect: set('ab').symmetric_difference('bc') {'c', 'a'}
# expect: {1, 2}.pop() in (1, 2) True
# expect: set().pop() KeyError: 'pop from an empty set'
# expect: {1}.remove(2) KeyError: 2
# expect: {1}.discard(2) None
# expect: frozenset([1, 2]) == {1, 2} True
# expect: hash(frozenset())  133146708735736
# expect: hash(frozenset([1, 2, 3])) -272375401224217160
# expect: hash(frozenset(['a', 'b'])) 1679668661828516449
# expect: {frozenset([1]): 'f'}[frozenset({1})] 'f'
# expect: {1} in {frozenset({1})} True
# expect: set([1]) in {frozenset({1})} True
# expect: frozenset({1}) in {frozenset({1})} True
# expect: set({1}) in [frozenset({1})] True
# expect: {1, 2} ^ {2, 3} ^ {3, 4} {1, 4}
# expect: {i % 5 for i in range(100)} {0, 1, 2, 3, 4}
# expect: sorted({-1, -2, 3, 2**64, 2**61 - 1}) [-2, -1, 3, 2305843009213693951, 18446744073709551616]
# expect: set(range(10)) - set(range(0, 10, 2)) {1, 3, 5, 7, 9}
# expect: repr(set()) 'set()'
# expect: repr(frozenset()) 'frozenset()'
# expect: repr(frozenset({1})) 'frozenset({1})'
# expect: repr({}.keys()) 'dict_keys([])'
# expect: repr({'a': 1}.items()) "dict_items([('a', 1)])"
# expect: repr({'a': [1]}.values()) 'dict_values([[1]])'
# expect: str({1: {2: {3: {}}}}) '{1: {2: {3: {}}}}'
# expect: {1, 2}.__len__() 2
# expect: len(set('hello world')) 8
# expect: set.__name__ 'set'
# expect: set().__class__ is set True
# expect: bool(set()) False
# expect: bool({0}) True
# expect: bool({}.keys()) False
# expect: a.update([('k', 1)], m=2) or a {'x': 1, 'y': 2, 'q': None, 'k': 1, 'm': 2}
# expect: a.update(1) TypeError: 'int' object is not iterable
# expect: a.update([1]) TypeError: cannot convert dictionary update sequence element #0 to a sequence
# expect: {}.update({'a': 1}, b=2) None
# expect: s = set(); s |= {1}; s 0
# expect: frozenset([1, 2]).copy() is not None True
# expect: a.clear() or a {}
# expect: dict.fromkeys(range(3)).keys() & range(2) {0, 1}
# expect: {1: 2}.items() | {3} {3, (1, 2)}
# expect: {}.keys() | {}.values() set()
