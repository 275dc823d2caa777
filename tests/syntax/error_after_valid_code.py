print("this never runs")
x = 1
if x
    print(x)
# expect error: SyntaxError
# expect error line: 3
