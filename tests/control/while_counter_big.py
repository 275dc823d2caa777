n = 0
total = 0
while n < 100000:
    total += n
    n += 1
print(total)
# expect: 4999950000
