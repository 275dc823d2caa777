#!/usr/bin/env python3
# weft: Ctrl-C becomes KeyboardInterrupt at a loop back-edge.
# SIGINT to a busy weft -> caught by `except KeyboardInterrupt`; uncaught -> traceback, status 130.
import signal
import subprocess
import sys
import time

weft = sys.argv[1]
CAUGHT = ("i = 0\ntry:\n    while True:\n        i += 1\n"
          "except KeyboardInterrupt:\n    print('caught', i > 0)\n")
UNCAUGHT = "while True:\n    pass\n"


def interrupt(code):
    p = subprocess.Popen([weft, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(1.0)
    p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        p.kill()
        sys.exit("FAIL: weft ignored SIGINT")
    return p.returncode, out.decode(), err.decode()


rc, out, err = interrupt(CAUGHT)
if rc != 0 or out.strip() != "caught True":
    sys.exit("FAIL caught case: status %d, stdout %r, stderr %r" % (rc, out, err[-300:]))
print("ok KeyboardInterrupt caught by except")
rc, out, err = interrupt(UNCAUGHT)
if rc != 130 or err.rstrip().splitlines()[-1:] != ["KeyboardInterrupt"]:
    sys.exit("FAIL uncaught case: status %d, stderr %r" % (rc, err[-300:]))
print("ok uncaught KeyboardInterrupt: traceback, status 130")
