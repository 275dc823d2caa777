d = {"a": None}
print(d.get("a", 5), d.get("b"), "a" in d)
# expect: None None True
