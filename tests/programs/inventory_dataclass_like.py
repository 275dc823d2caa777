class Item:
    __slots__ = ("name", "qty", "price")
    def __init__(self, name, qty, price):
        self.name, self.qty, self.price = name, qty, price
    def __repr__(self):
        return f"Item({self.name!r}, {self.qty}, {self.price:.2f})"
    def __eq__(self, other):
        return (self.name, self.qty, self.price) == (other.name, other.qty, other.price)
    def total(self):
        return self.qty * self.price
items = [Item("bolt", 100, 0.05), Item("nut", 250, 0.03), Item("gear", 3, 12.5)]
print(sorted(items, key=Item.total))
print(f"{sum(i.total() for i in items):.2f}", Item("a", 1, 1.0) == Item("a", 1, 1.0))
# expect: [Item('bolt', 100, 0.05), Item('nut', 250, 0.03), Item('gear', 3, 12.50)]
# expect: 50.00 True
