print("" in "abc", "bc" in "abc", "cb" in "abc", "日本" in "日本語")
# expect: True True False True
