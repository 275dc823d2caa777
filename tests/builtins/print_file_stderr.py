import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
# expect: to stdout
# expect: written
# expect stderr: to stderr
