print(chr(65), chr(0x263A), ord("A"), ord("é"), ord("😀"), [chr(c) for c in range(97, 100)])
# expect: A ☺ 65 233 128512 ['a', 'b', 'c']
