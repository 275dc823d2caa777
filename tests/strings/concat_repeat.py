s = "ab" + "cd"
print(s, s * 3, 2 * "xy", "z" * 0, "q" * -1 == "")
# expect: abcd abcdabcdabcd xyxy  True
