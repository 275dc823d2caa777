for v in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), {}, {0: 0}, set(), None, range(0), range(1)]:
    print(repr(v), bool(v), "yes" if v else "no")
# expect: 0 False no
# expect: 1 True yes
# expect: -1 True yes
# expect: 0.0 False no
# expect: 0.5 True yes
# expect: '' False no
# expect: 'a' True yes
# expect: [] False no
# expect: [0] True yes
# expect: () False no
# expect: {} False no
# expect: {0: 0} True yes
# expect: set() False no
# expect: None False no
# expect: range(0, 0) False no
# expect: range(0, 1) True yes
