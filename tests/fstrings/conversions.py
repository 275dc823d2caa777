class P:
    def __repr__(self): return "P()"
    def __str__(self): return "p-str"
print(f"{P()} {P()!r} {P()!s} {'é'!a}")
# expect: p-str P() p-str '\xe9'
