import sys
sys.exit("fatal problem")
# expect runtime error: fatal problem
