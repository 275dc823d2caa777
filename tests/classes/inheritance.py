class Animal:
    sound = "..."
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __init__(self, name):
        self.name = name
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
print(Animal("x").speak(), Dog("rex").speak(), Puppy("bit").speak())
print(issubclass(Puppy, Animal), isinstance(Puppy("p"), Dog), Puppy.__mro__)
# expect: x says ... rex says woof bit says woof!
# expect: True True (<class '__main__.Puppy'>, <class '__main__.Dog'>, <class '__main__.Animal'>, <class 'object'>)
