print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'tab\there', 'back\\slash')
print(r'raw\n', R"raw\t")
print('adjacent' ' ' "concatenation")
print('\x41\u00e9\U0001F600', '\101')
# expect: single double triple single triple double
# expect: it's say "hi" tab	here back\slash
# expect: raw\n raw\t
# expect: adjacent concatenation
# expect: Aé😀 A
