# args: alpha beta
import sys
print(sys.argv[1:])
print(len(sys.argv))
# expect: ['alpha', 'beta']
# expect: 3
