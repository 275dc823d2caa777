# env: WEFT_TEST_VAR=hello
import os
print(os.environ.get("WEFT_TEST_VAR"), os.getenv("WEFT_TEST_VAR"), os.getenv("WEFT_NOT_SET", "fallback"))
# expect: hello hello fallback
