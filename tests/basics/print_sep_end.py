print(1, 2, 3, sep="-", end="!\n")
print("a", "b", sep="")
print()
print("x", end="")
print("y")
# expect: 1-2-3!
# expect: ab
# expect: 
# expect: xy
