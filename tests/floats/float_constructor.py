print(float(), float(3), float("2.5"), float("  -1_000.25 "), float(True), float(2**70))
# expect: 0.0 3.0 2.5 -1000.25 1.0 1.1805916207174113e+21
