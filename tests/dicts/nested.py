d = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(d["outer"]["inner"][2]["deep"], d)
d["outer"]["new"] = {}
print(d)
# expect: True {'outer': {'inner': [1, 2, {'deep': True}]}}
# expect: {'outer': {'inner': [1, 2, {'deep': True}], 'new': {}}}
