class InsufficientFunds(Exception):
    pass
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner} has only {self._balance}")
        self._balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance})"
acct = Account("ann", 100)
acct.deposit(50)
acct.withdraw(30)
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print("refused:", e)
try:
    acct.deposit(-1)
except ValueError as e:
    print("refused:", e)
print(acct, acct.balance, acct.history, round(acct.balance * Account.interest, 2))
# expect: refused: ann has only 120
# expect: refused: deposit must be positive
# expect: Account('ann', 120) 120 [('deposit', 50), ('withdraw', 30)] 2.4
