data = [1, 5, 9, 2]
if (n := len(data)) > 3:
    print("long", n)
total = 0
while (item := data.pop()) != 5:
    total += item
print(total, data)
print([y for x in range(5) if (y := x * x) > 4])
# expect: long 4
# expect: 11 [1]
# expect: [9, 16]
