if True:
	x = 1
        y = 2
# expect error: TabError
# expect error line: 3
