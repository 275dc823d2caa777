# f-strings: conversions, nested format specs, self-documenting fields, quotes.
x, w, p = 3.14159, 10, 3
name = "weft"
print(f"{x:.2f}|{x:>{w}.{p}}|{name!r}|{name!s:^8}|{name=}|{x = :.1f}")
print(f"{'a' if x else 'b'}{{literal}}{{{name}}}")
print(f'{name["x" == "y"] if False else name.upper()}')
d = {"k": 1}
print(f"{d['k']}" f" and {len(d)}" " plain")
print(f"""{
    x * 2
:.3f}""")
print(f"{3!r:>4}", f"{[1, 2]}", f"{(lambda: 5)()}", f"{x,}")
print(rf"\n{name}\t", f"\N{BULLET} {name}")
# expect: 3.14|      3.14|'weft'|  weft  |name='weft'|x = 3.1
# expect: a{literal}{weft}
# expect: WEFT
# expect: 1 and 1 plain
# expect: 6.283
# expect:    3 [1, 2] 5 (3.14159,)
# expect: \nweft\t • weft
