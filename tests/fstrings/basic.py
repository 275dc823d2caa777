name = "weft"
n = 3
print(f"hello {name}, {n + 1} items", f"{name!r}", f"{'nested'}", f"{n:>4}|", f"{{braces}}")
# expect: hello weft, 4 items 'weft' nested    3| {braces}
