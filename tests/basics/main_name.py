print(__name__)
if __name__ == "__main__":
    print("running as main")
# expect: __main__
# expect: running as main
