# A tiny expression tokenizer/parser/evaluator exercising many features.
import math

class Token:
    __slots__ = ("kind", "text")
    def __init__(self, kind, text):
        self.kind, self.text = kind, text
    def __repr__(self):
        return f"Token({self.kind!r}, {self.text!r})"

def tokenize(src):
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == '.'):
                j += 1
            yield Token("num", src[i:j]); i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            yield Token("name", src[i:j]); i = j
        elif ch in "+-*/()^,":
            yield Token("op", ch); i += 1
        else:
            raise SyntaxError(f"bad char {ch!r} at {i}")

class Parser:
    PREC = {"+": (1, "L"), "-": (1, "L"), "*": (2, "L"), "/": (2, "L"), "^": (3, "R")}
    def __init__(self, tokens):
        self.toks = list(tokens)
        self.pos = 0
    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None
    def next(self):
        t = self.peek(); self.pos += 1; return t
    def expr(self, minp=0):
        lhs = self.atom()
        while (t := self.peek()) and t.kind == "op" and t.text in self.PREC:
            p, assoc = self.PREC[t.text]
            if p < minp:
                break
            self.next()
            rhs = self.expr(p + 1 if assoc == "L" else p)
            lhs = (t.text, lhs, rhs)
        return lhs
    def atom(self):
        t = self.next()
        if t is None:
            raise SyntaxError("unexpected end")
        if t.kind == "num":
            return float(t.text) if "." in t.text else int(t.text)
        if t.kind == "name":
            if (n := self.peek()) and n.text == "(":
                self.next()
                args = []
                while self.peek().text != ")":
                    args.append(self.expr())
                    if self.peek().text == ",":
                        self.next()
                self.next()
                return ("call", t.text, *args)
            return ("var", t.text)
        if t.text == "(":
            e = self.expr(); self.next(); return e
        if t.text == "-":
            return ("neg", self.atom())
        raise SyntaxError(f"unexpected {t}")

OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
       "/": lambda a, b: a / b, "^": lambda a, b: a ** b}

def evaluate(node, env):
    match_kind = type(node).__name__
    if match_kind in ("int", "float"):
        return node
    kind, *rest = node
    if kind == "var":
        try:
            return env[rest[0]]
        except KeyError:
            raise NameError(f"unknown variable {rest[0]}") from None
    if kind == "neg":
        return -evaluate(rest[0], env)
    if kind == "call":
        fn = getattr(math, rest[0])
        return fn(*(evaluate(a, env) for a in rest[1:]))
    return OPS[kind](*(evaluate(r, env) for r in rest))

env = {"x": 3, "pi": math.pi}
for src in ["1 + 2 * 3", "2 ^ 3 ^ 2", "(1 + 2) * -x", "sqrt(16) + floor(3.7)", "y + 1", "1 / 0", "2 $ 3", "hypot(3, 4) * 2.5"]:
    try:
        tree = Parser(tokenize(src)).expr()
        print(src, "=>", tree, "=", evaluate(tree, env))
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(src, "!!", type(e).__name__, e, e.__cause__, e.__suppress_context__)

# generators pipeline + sorting with keys + dict/set ops
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
def windows(seq, n):
    it = iter(seq)
    win = [next(it) for _ in range(n)]
    yield tuple(win)
    for x in it:
        win = win[1:] + [x]
        yield tuple(win)
print(list(windows(range(6), 3)))
print({len(w) for w in words}, sorted({w[0] for w in words} - {'t'}))
class Matrix:
    def __init__(self, rows): self.rows = [list(r) for r in rows]
    def __matmul__(self, o):
        cols = list(zip(*o.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __eq__(self, o): return self.rows == o.rows
    def __repr__(self): return "Matrix(%r)" % (self.rows,)
m = Matrix([[1, 2], [3, 4]])
print(m @ m, m @ Matrix([[1, 0], [0, 1]]) == m)
m2 = m
m2 @= m
print(m2)
# expect: 1 + 2 * 3 => ('+', 1, ('*', 2, 3)) = 7
# expect: 2 ^ 3 ^ 2 => ('^', 2, ('^', 3, 2)) = 512
# expect: (1 + 2) * -x => ('*', ('+', 1, 2), ('neg', ('var', 'x'))) = -9
# expect: sqrt(16) + floor(3.7) => ('+', ('call', 'sqrt', 16), ('call', 'floor', 3.7)) = 7.0
# expect: y + 1 !! NameError unknown variable y None True
# expect: 1 / 0 !! ZeroDivisionError division by zero None False
# expect: 2 $ 3 !! SyntaxError bad char '$' at 2 None False
# expect: hypot(3, 4) * 2.5 => ('*', ('call', 'hypot', 3, 4), 2.5) = 12.5
# expect: [('the', 3), ('brown', 1), ('dog', 1)]
# expect: [(0, 1, 2), (1, 2, 3), (2, 3, 4), (3, 4, 5)]
# expect: {3, 4, 5} ['b', 'd', 'e', 'f', 'j', 'l', 'o', 'q']
# expect: Matrix([[7, 10], [15, 22]]) True
# expect: Matrix([[7, 10], [15, 22]])
