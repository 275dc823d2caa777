# weft-only: relies on the GIL's forced switching (PYTHON_GIL=1)
# env: PYTHON_GIL=1
# A thread spinning without ever blocking must still let the other run: the
# GIL is handed over after the switch interval.
import sys
import threading

sys.setswitchinterval(0.001)
flag = [False]
spins = [0]

def spinner():
    while not flag[0]:
        spins[0] += 1

def setter():
    flag[0] = True

s = threading.Thread(target=spinner)
s.start()
t = threading.Thread(target=setter)
t.start()
t.join()
s.join()
print(flag[0], spins[0] >= 0)  # expect: True True
