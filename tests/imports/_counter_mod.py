# Support module: prints once when first imported.
print("counter module executing")
value = 7
