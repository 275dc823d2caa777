d = {"a": 1}
d["missing"]
# expect runtime error: KeyError: 'missing'
