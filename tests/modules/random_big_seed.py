import random
random.seed(2**70 + 12345)
print(random.random(), random.getrandbits(100), random.randrange(10**20))
random.seed(-7)
print(random.random())
# expect: 0.9602803546023011 880838146347154761082980498356 72641711302615803746
# expect: 0.32383276483316237
