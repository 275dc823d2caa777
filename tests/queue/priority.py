# PriorityQueue returns the smallest item first.
import queue
import random
q = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "A")]:
    q.put(item)
print([q.get() for _ in range(4)])
# expect: [(1, 'A'), (1, 'a'), (2, 'b'), (3, 'c')]
rng = random.Random(5)
nums = [rng.randrange(1000) for _ in range(300)]
for n in nums:
    q.put(n)
print([q.get() for _ in range(300)] == sorted(nums))
# expect: True
