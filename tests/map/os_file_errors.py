# OSError subclasses from os functions carry errno, strerror and filename.
import os
try:
    os.listdir("/nonexistent_weft_dir")
except FileNotFoundError as e:
    print(e, e.errno, e.strerror, e.filename)
try:
    os.remove("/nonexistent_weft_file")
except OSError as e:
    print(type(e).__name__, e)
try:
    os.rename("/nonexistent_weft_a", "/nonexistent_weft_b")
except OSError as e:
    print(type(e).__name__, e)
print(os.path.exists("/nonexistent_weft_dir"), os.path.isdir("/"), os.path.isfile("/"))
os.remove("/nonexistent_weft_file")
# expect: [Errno 2] No such file or directory: '/nonexistent_weft_dir' 2 No such file or directory /nonexistent_weft_dir
# expect: FileNotFoundError [Errno 2] No such file or directory: '/nonexistent_weft_file'
# expect: FileNotFoundError [Errno 2] No such file or directory: '/nonexistent_weft_a' -> '/nonexistent_weft_b'
# expect: False True False
# expect runtime error: FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent_weft_file'
