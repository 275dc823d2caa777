print(..., Ellipsis is ..., type(...).__name__)
# expect: Ellipsis True ellipsis
