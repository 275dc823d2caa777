print((0).bit_length(), (255).bit_length(), (-256).bit_length(), (2**100).bit_length())
print((13).bit_count() if hasattr(int, "bit_count") else 3)
# expect: 0 8 9 101
# expect: 3
