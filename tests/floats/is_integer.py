print((3.0).is_integer(), (3.5).is_integer(), (2.5).as_integer_ratio(), (0.75).as_integer_ratio())
# expect: True False (5, 2) (3, 4)
