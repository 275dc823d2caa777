import random
random.seed(3)
queue = []
served = 0
waits = []
for tick in range(200):
    if random.random() < 0.6:
        queue.append(tick)
    if queue and random.random() < 0.55:
        waits.append(tick - queue.pop(0))
        served += 1
print(served, len(queue), max(waits), round(sum(waits) / len(waits), 3))
# expect: 103 24 47 28.883
