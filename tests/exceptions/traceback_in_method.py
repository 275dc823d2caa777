class Account:
    def withdraw(self, amount):
        if amount > 10:
            raise ValueError(f"insufficient funds for {amount}")
Account().withdraw(50)
# expect stderr:   File "traceback_in_method.py", line 4, in withdraw
# expect runtime error: ValueError: insufficient funds for 50
