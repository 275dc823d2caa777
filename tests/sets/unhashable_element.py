{[1, 2]}
# expect runtime error: TypeError: unhashable type: 'list'
