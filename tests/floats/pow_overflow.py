print(10.0 ** 400)
# expect runtime error: OverflowError: (34, 'Numerical result out of range')
