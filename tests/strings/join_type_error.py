"-".join(["a", 1])
# expect runtime error: TypeError: sequence item 1: expected str instance, int found
