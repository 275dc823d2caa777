import math as m
from math import sqrt as root, pi
import os.path
print(m.sqrt(9), root(16), pi > 3, os.path.join("x", "y"))
# expect: 3.0 4.0 True x/y
