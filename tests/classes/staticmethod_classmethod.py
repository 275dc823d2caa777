class K:
    count = 0
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def make(cls):
        cls.count += 1
        return cls()
class Sub(K): pass
print(K.add(1, 2), K().add(3, 4), type(Sub.make()).__name__, Sub.count, K.count)
# expect: 3 7 Sub 1 0
