class Stack(list):
    def push(self, v): self.append(v)
    def peek(self): return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s, s.peek(), len(s), isinstance(s, list), s + [3])
# expect: [1, 2] 2 2 True [1, 2, 3]
