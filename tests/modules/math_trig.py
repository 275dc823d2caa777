import math
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.asin(1), math.acos(1), math.atan(1))
# expect: 0.0 1.0 0.0 1.0 0.7853981633974483 180.0 3.141592653589793
# expect: 5.0 1.5707963267948966 0.0 0.7853981633974483
