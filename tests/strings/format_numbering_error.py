"{} {0}".format(1, 2)
# expect runtime error: ValueError: cannot switch from automatic field numbering to manual field specification
