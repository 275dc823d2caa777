print(format(42), format(42, "05d"), format(3.5, "8.2f"), format("s", ">3"), format(255, "#x"), format(0.25, ".0%"), format(True))
# expect: 42 00042     3.50   s 0xff 25% True
