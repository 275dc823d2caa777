# random with a fixed seed: every function gives CPython's values; bad arguments give its errors
import random
r = random.Random(12345)
print(r.random(), r.randint(1, 10**30), r.randrange(0, 100, 7), r.getrandbits(70), r.uniform(-5, 5))
print(r.choice('abcdef'), r.choices(range(10), k=5), r.choices('abc', weights=[1, 0, 5], k=6),
      r.choices('abc', cum_weights=[1, 1, 6], k=4))
x = list(range(20)); r.shuffle(x); print(x)
print(r.sample(range(1000), 10), r.sample(['a', 'b', 'c', 'd'], 4))
print(r.gauss(0, 1), r.normalvariate(10, 2), r.expovariate(1.5), r.triangular(0, 10, 3), r.betavariate(2, 3),
      r.gammavariate(2, 1), r.lognormvariate(0, 1), r.vonmisesvariate(1, 2), r.paretovariate(3), r.weibullvariate(1, 2))
for seed in [0, 1, -1, 2**64, -2**100, 3.5, 'abc', 'é日', True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randrange(1000))
random.seed(99)
s = random.getstate(); a = random.random(); random.setstate(s); print(a == random.random())
for e in ['r.randrange(10, 0)', 'r.randrange(0, 10, -1)', 'r.randrange(10, 0, -3)', 'r.randint(1, 1)', 'r.choice([])',
          'r.sample(range(3), 4)', 'r.sample({1, 2}, 1)', 'r.choices([], k=2)', 'r.choices([1, 2], weights=[0, 0])',
          'r.choices([1, 2], weights=[1])', 'r.getrandbits(0)', 'r.getrandbits(-1)', 'r.randrange(-5, 5)',
          'r.randrange(2**100, 2**100 + 10)', 'r.uniform(1, 1)', 'r.sample(range(10**20), 3)', 'r.randrange(0)',
          'r.randrange(5, 5)', 'r.expovariate(0)', 'r.shuffle((1, 2))', 'r.choices(range(5), k=0)']:
    try:
        print(e, repr(eval(e)))
    except Exception as ex:
        print(e, type(ex).__name__, ex)
# expect: 0.41661987254534116 520212762101752452637539945045 14 1016863243432596937913 -0.6706373199008411
# expect: e [6, 6, 1, 7, 7] ['c', 'c', 'c', 'a', 'c', 'a'] ['c', 'c', 'c', 'a']
# expect: [11, 18, 19, 7, 8, 3, 15, 14, 10, 6, 1, 4, 2, 9, 12, 5, 17, 0, 13, 16]
# expect: [122, 894, 511, 221, 754, 821, 774, 568, 685, 190] ['c', 'd', 'b', 'a']
# expect: 0.5785386443592951 8.443436525664836 0.5164381510968428 2.1701209435889064 0.19464871808526732 1.4627196071314263 2.37074739968898 0.9319969462427657 1.368815340651817 0.7390240711278291
# expect: 0 0.8444218515250481 776
# expect: 1 0.13436424411240122 867
# expect: -1 0.13436424411240122 867
# expect: 18446744073709551616 0.9776462743838505 380
# expect: -1267650600228229401496703205376 0.7586581712996778 231
# expect: 3.5 0.3039190124834461 235
# expect: 'abc' 0.7720246314157545 571
# expect: 'é日' 0.05432878562888421 562
# expect: True 0.13436424411240122 867
# expect: True
# expect: r.randrange(10, 0) ValueError empty range for randrange() (10, 0, -10)
# expect: r.randrange(0, 10, -1) ValueError empty range for randrange()
# expect: r.randrange(10, 0, -3) 7
# expect: r.randint(1, 1) 1
# expect: r.choice([]) IndexError Cannot choose from an empty sequence
# expect: r.sample(range(3), 4) ValueError Sample larger than population or is negative
# expect: r.sample({1, 2}, 1) TypeError Population must be a sequence.  For dicts or sets, use sorted(d).
# expect: r.choices([], k=2) IndexError list index out of range
# expect: r.choices([1, 2], weights=[0, 0]) ValueError Total of weights must be greater than zero
# expect: r.choices([1, 2], weights=[1]) ValueError The number of weights does not match the population
# expect: r.getrandbits(0) 0
# expect: r.getrandbits(-1) ValueError number of bits must be non-negative
# expect: r.randrange(-5, 5) -4
# expect: r.randrange(2**100, 2**100 + 10) 1267650600228229401496703205384
# expect: r.uniform(1, 1) 1.0
# expect: r.sample(range(10**20), 3) OverflowError Python int too large to convert to C ssize_t
# expect: r.randrange(0) ValueError empty range for randrange()
# expect: r.randrange(5, 5) ValueError empty range for randrange() (5, 5, 0)
# expect: r.expovariate(0) ZeroDivisionError float division by zero
# expect: r.shuffle((1, 2)) TypeError 'tuple' object does not support item assignment
# expect: r.choices(range(5), k=0) []
