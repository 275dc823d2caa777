print("they're bill's friends".title(), "hello-world foo_bar".title(), "ŉx".upper() == "ʼNX")
# expect: They'Re Bill'S Friends Hello-World Foo_Bar True
