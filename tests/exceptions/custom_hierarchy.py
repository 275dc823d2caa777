class AppError(Exception): pass
class DbError(AppError): pass
try:
    raise DbError("db down")
except AppError as e:
    print(type(e).__name__, e, isinstance(e, Exception), DbError.__mro__[1].__name__)
# expect: DbError db down True AppError
