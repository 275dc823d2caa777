# hash(str) is CPython's SipHash-1-3 value (the runner sets PYTHONHASHSEED=0)
for s in ['', 'a', 'hello', 'hello world, this is longer than sixteen bytes', 'é', 'café',
          'ÿ' * 9, '日本', '日本語テキスト', '😀', 'a😀b', '\x00', '\x00\x00', 'Ω' * 8, 'x' * 1000]:
    print(repr(s[:12]), hash(s))
print(hash('a') == hash('ab'[:1]), hash(''.join(['h', 'ello'])) == hash('hello'))
# expect: '' 0
# expect: 'a' 4644417185603328019
# expect: 'hello' -2096571579003691106
# expect: 'hello world,' -1688205437304812346
# expect: 'é' 6047309291227476195
# expect: 'café' 137524001917817222
# expect: 'ÿÿÿÿÿÿÿÿÿ' -2129700217430894956
# expect: '日本' 6243316497235261705
# expect: '日本語テキスト' 5570022306295089571
# expect: '😀' -3536540696076613844
# expect: 'a😀b' -7541021549821082252
# expect: '\x00' 7541581120933061747
# expect: '\x00\x00' 6165216591721696495
# expect: 'ΩΩΩΩΩΩΩΩ' 8112041156129728384
# expect: 'xxxxxxxxxxxx' 1965751746081988357
# expect: True True
