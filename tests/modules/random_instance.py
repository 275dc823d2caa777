import random
r = random.Random(7)
a = [r.random() for _ in range(2)]
random.seed(7)
b = [random.random() for _ in range(2)]
print(a == b, a)
# expect: True [0.32383276483316237, 0.15084917392450192]
