z = -0.0
print(z, 0.0 == -0.0, repr(-0.0 * 1), abs(-0.0))
# expect: -0.0 True -0.0 0.0
