print(int.__name__, str.__name__, list.__mro__, bool.__bases__)
# expect: int str (<class 'list'>, <class 'object'>) (<class 'int'>,)
