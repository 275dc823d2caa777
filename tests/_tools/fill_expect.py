#!/usr/bin/env python3
# weft: fill a new test's expectations from the reference interpreter.
# test files without "# expect" lines -> CPython's output appended as "# expect:" comments.
"""Usage: tests/_tools/fill_expect.py FILE...

For each file that has no expectation yet, runs /usr/bin/python3.11 on it and
appends its stdout as '# expect: ' lines, and for an uncaught exception the
'# expect runtime error: ' line. Review the result: the reference is the
specification, but a test must still check what its name says.
"""
import os
import re
import subprocess
import sys

for path in sys.argv[1:]:
    text = open(path, encoding='utf-8').read()
    if re.search(r'#\s*expect', text):
        continue
    env = dict(os.environ, PYTHONHASHSEED='0')
    p = subprocess.run(['/usr/bin/python3.11', os.path.basename(path)], capture_output=True,
                       cwd=os.path.dirname(os.path.abspath(path)), env=env, timeout=60)
    out = p.stdout.decode()
    err = p.stderr.decode().rstrip('\n').splitlines()
    lines = ['# expect: ' + l for l in out.splitlines()]
    if p.returncode == 1 and err:
        if err[-1].startswith(('SyntaxError', 'IndentationError', 'TabError')):
            lines.append('# expect error: ' + err[-1].split(':')[0])
            m = [re.search(r'line (\d+)', l) for l in err if l.lstrip().startswith('File ')]
            if m and m[-1]:
                lines.append('# expect error line: ' + m[-1].group(1))
        else:
            lines.append('# expect runtime error: ' + err[-1])
    elif p.returncode != 0:
        lines.append('# expect exit: %d' % p.returncode)
    if not text.endswith('\n'):
        text += '\n'
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text + '\n'.join(lines) + ('\n' if lines else ''))
    print('%s: %d expectation line(s)' % (path, len(lines)))
