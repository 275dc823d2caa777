try:
    int("x")
except ValueError as e:
    raise RuntimeError("bad config") from e
# expect stderr: The above exception was the direct cause of the following exception:
# expect runtime error: RuntimeError: bad config
