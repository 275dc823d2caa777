scores = {"bob": 3, "amy": 5, "cat": 1}
for name, s in sorted(scores.items(), key=lambda kv: -kv[1]):
    print(name, s)
# expect: amy 5
# expect: bob 3
# expect: cat 1
