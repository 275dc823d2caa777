width, prec = 10, 3
x = 3.14159
print(f"[{x:{width}.{prec}f}]", f"[{'s':>{width}}]", f"{x:.{prec}}")
# expect: [     3.142] [         s] 3.14
