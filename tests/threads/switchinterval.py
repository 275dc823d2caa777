# sys.setswitchinterval / getswitchinterval: the value round-trips; bad values are refused.
import sys

print(sys.getswitchinterval())  # expect: 0.005
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())  # expect: 0.001
sys.setswitchinterval(2)
print(sys.getswitchinterval())  # expect: 2.0
for bad in (0, -1, 0.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError:", e)
# expect: ValueError: switch interval must be strictly positive
# expect: ValueError: switch interval must be strictly positive
# expect: ValueError: switch interval must be strictly positive
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError:", e)  # expect: TypeError: must be real number, not str
print(sys.getswitchinterval())  # expect: 2.0
