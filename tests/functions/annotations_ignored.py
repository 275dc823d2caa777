def f(x: int, y: "str" = "a") -> list[int]:
    z: float = 1.5
    return [x, y, z]
count: int = 3
name: str
print(f(1), count)
# expect: [1, 'a', 1.5] 3
