# Set operations on keys and items views.
d = {i: i % 3 for i in range(10)}
e = {i: i % 3 for i in range(5, 15)}
print(d.keys() & e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(d.items() & e.items())
print(d.items() ^ e.items())
print([1, 2, 99] - d.keys(), {(1, 1)} | d.items() == set(d.items()))
print(d.keys() == set(range(10)), d.keys() < set(range(11)), d.items() >= {(0, 0)})
print(d.keys().isdisjoint([20, 30]), d.items().isdisjoint({(1, 2)}))
print(list(reversed(d.keys()))[:3], list(reversed(d.items()))[:2], list(reversed(d.values()))[:4])
print(d.keys().mapping == d)
# expect: {5, 6, 7, 8, 9} {0, 1, 2, 3, 4} {0, 1, 2, 3, 4, 10, 11, 12, 13, 14}
# expect: {(9, 0), (7, 1), (6, 0), (8, 2), (5, 2)}
# expect: {(13, 1), (0, 0), (12, 0), (1, 1), (10, 1), (3, 0), (11, 2), (2, 2), (14, 2), (4, 1)}
# expect: {99} True
# expect: True True True
# expect: True True
# expect: [9, 8, 7] [(9, 0), (8, 2)] [0, 2, 1, 0]
# expect: True
