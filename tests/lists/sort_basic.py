a = [5, 2, 8, 1, 9, 3]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
print(sorted(["banana", "Apple", "cherry"]), sorted(["banana", "Apple", "cherry"], key=str.lower))
# expect: [1, 2, 3, 5, 8, 9]
# expect: [9, 8, 5, 3, 2, 1]
# expect: ['Apple', 'banana', 'cherry'] ['Apple', 'banana', 'cherry']
