import random
random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 100) for _ in range(5)])
# expect: [0.6394267984578837, 0.025010755222666936, 0.27502931836911926]
# expect: [29, 18, 95, 14, 87]
