import random
random.seed(12345)
items = list(range(10))
random.shuffle(items)
print(items)
print(random.choice("abcdef"), random.randrange(0, 100, 5), random.uniform(1, 2), random.getrandbits(40))
# expect: [8, 7, 3, 5, 1, 2, 9, 4, 0, 6]
# expect: b 55 1.1242668842835302 285327288651
