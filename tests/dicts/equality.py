print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}, {1: 1} == {1.0: 1}, {} == {})
# expect: True True True True
