s = {1, 2}
s.update([3, 4], (5,))
print(s)
s.intersection_update({1, 2, 3, 9})
print(s)
s.difference_update({1})
print(s)
s.symmetric_difference_update({3, 7})
print(s)
s |= {8}
s &= {2, 7, 8}
s -= {2}
print(s)
# expect: {1, 2, 3, 4, 5}
# expect: {1, 2, 3}
# expect: {2, 3}
# expect: {2, 7}
# expect: {8, 7}
