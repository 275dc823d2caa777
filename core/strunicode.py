#!/usr/bin/env python3.11
# weft: generator of the Unicode property tables used by str.
# CPython 3.11's unicodedata -> core/strunicode_tables.inc (run by hand: /usr/bin/python3.11 core/strunicode.py core/strunicode_tables.inc).
import sys

MAXCP = 0x110000
FLAGS = [
    ('ALPHA', str.isalpha), ('DECIMAL', str.isdecimal), ('DIGIT', str.isdigit),
    ('NUMERIC', str.isnumeric), ('SPACE', str.isspace), ('LOWER', str.islower),
    ('UPPER', str.isupper), ('TITLE', lambda c: __import__('unicodedata').category(c) == 'Lt'),
    ('PRINTABLE', str.isprintable), ('XID_START', str.isidentifier),
    ('XID_CONTINUE', lambda c: ('a' + c).isidentifier()),
    ('CASED', lambda c: c.lower() != c.upper() or c.islower() or c.isupper()
        or __import__('unicodedata').category(c) == 'Lt'),
    ('CASE_IGNORABLE', lambda c: __import__('unicodedata').category(c) in ('Mn', 'Me', 'Cf', 'Lm', 'Sk')
        or c in "'.:^`\u00b7\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a"),
]

def flags_of(cp):
    c = chr(cp)
    f = 0
    for i, (_, fn) in enumerate(FLAGS):
        if fn(c):
            f |= 1 << i
    return f

def runs_of(values):
    """[(start, value)] where value holds from start to the next start."""
    out, prev = [], None
    for cp, v in enumerate(values):
        if v != prev:
            out.append((cp, v))
            prev = v
    return out

def case_runs(fn):
    """Single-code-point mappings as (start, count, stride, delta); multi ones apart."""
    single, multi = {}, []
    for cp in range(MAXCP):
        m = fn(chr(cp))
        if m == chr(cp):
            continue
        if len(m) == 1:
            single[cp] = ord(m) - cp
        else:
            multi.append((cp, [ord(x) for x in m]))
    runs, cps = [], sorted(single)
    i = 0
    while i < len(cps):
        start, delta = cps[i], single[cps[i]]
        best = (1, 1)
        for stride in (1, 2):
            n = 1
            while (start + n * stride) in single and single[start + n * stride] == delta and \
                    all((start + n * stride - k) not in single for k in range(1, stride)):
                n += 1
            if n > best[0]:
                best = (n, stride)
        n, stride = best
        runs.append((start, n, stride, delta))
        i += 1
        while i < len(cps) and cps[i] <= start + (n - 1) * stride:
            i += 1
    return runs, multi

def main(path):
    out = []
    w = out.append
    w('/* weft: Unicode property tables for str (generated from CPython 3.11 unicodedata %s by core/strunicode.py, do not edit). */' % __import__('unicodedata').unidata_version)
    w('/* Code point -> property flags, case mappings, decimal digit runs. */')
    for i, (name, _) in enumerate(FLAGS):
        w('#define WF_UC_%s 0x%x' % (name, 1 << i))
    flags = [flags_of(cp) for cp in range(MAXCP)]
    runs = runs_of(flags)
    w('static const uint32_t uc_flag_starts[%d] = {' % len(runs))
    for i in range(0, len(runs), 10):
        w('    ' + ', '.join('0x%x' % s for s, _ in runs[i:i + 10]) + ',')
    w('};')
    w('static const uint16_t uc_flag_values[%d] = {' % len(runs))
    for i in range(0, len(runs), 12):
        w('    ' + ', '.join('0x%x' % v for _, v in runs[i:i + 12]) + ',')
    w('};')
    w('static const uint16_t uc_latin1_flags[256] = {')
    for i in range(0, 256, 12):
        w('    ' + ', '.join('0x%x' % f for f in flags[i:min(i + 12, 256)]) + ',')
    w('};')
    w('typedef struct UcCaseRun { uint32_t start; uint16_t count; uint8_t stride; int32_t delta; } UcCaseRun;')
    w('typedef struct UcCaseMulti { uint32_t cp; uint32_t out[3]; } UcCaseMulti;')
    for name, fn in (('lower', str.lower), ('upper', str.upper), ('title', str.title), ('fold', str.casefold)):
        runs, multi = case_runs(fn)
        w('static const UcCaseRun uc_%s_runs[%d] = {' % (name, len(runs)))
        for r in runs:
            w('    {0x%x, %d, %d, %d},' % r)
        w('};')
        w('static const UcCaseMulti uc_%s_multi[%d] = {' % (name, max(1, len(multi))))
        for cp, m in multi:
            assert len(m) <= 3
            w('    {0x%x, {%s}},' % (cp, ', '.join('0x%x' % x for x in m + [0] * (3 - len(m)))))
        if not multi:
            w('    {0x110000, {0, 0, 0}},')
        w('};')
    dec = [cp for cp in range(MAXCP) if chr(cp).isdecimal() and __import__('unicodedata').decimal(chr(cp)) == 0]
    for z in dec:
        assert all(__import__('unicodedata').decimal(chr(z + k), -1) == k for k in range(10))
    w('static const uint32_t uc_decimal_zeros[%d] = {' % len(dec))
    for i in range(0, len(dec), 10):
        w('    ' + ', '.join('0x%x' % s for s in dec[i:i + 10]) + ',')
    w('};')
    with open(path, 'w') as f:
        f.write('\n'.join(out) + '\n')

main(sys.argv[1])
