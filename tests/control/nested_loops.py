for i in range(3):
    for j in range(3):
        if j == i:
            continue
        print(i, j, end="; ")
print()
# expect: 0 1; 0 2; 1 0; 1 2; 2 0; 2 1; 
