def area(width, height=1, *, unit="m"):
    return f"{width * height}{unit}"
print(area(3), area(3, 4), area(height=2, width=5), area(2, 2, unit="cm"))
# expect: 3m 12m 10m 4cm
