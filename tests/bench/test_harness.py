#!/usr/bin/python3
# weft: self-test of the benchmark harness (bench/run, bench/compare).
# bench/run --quick on a tiny workload set -> checks that results.json, summary.md and plots/*.svg exist and parse.
"""Run the benchmark harness end to end on a tiny workload set and check its outputs.

  tests/bench/test_harness.py          # or bench/selftest; exit 0 when all checks pass
  tests/bench/test_harness.py --keep   # keep the results folder and print its path

Uses build/weft (when built) for the single-thread suite, /usr/bin/python3.11
for the scaling suite (weft has no threads yet), and a fake interpreter that
fails with ModuleNotFoundError to exercise the "cannot run" path. Takes about
15 seconds; it does not judge the figures, only that the harness produced
well-formed results.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, 'bench')
REFERENCE = '/usr/bin/python3.11'
SINGLE = ['loops']
SCALING = ['pymethod', 'locked_counter']

failures = []


def check(cond, what):
    print('%s %s' % ('ok  ' if cond else 'FAIL', what))
    if not cond:
        failures.append(what)
    return cond


def main():
    keep = '--keep' in sys.argv
    tmp = tempfile.mkdtemp(prefix='weft-bench-selftest-')
    fake = os.path.join(tmp, 'nothreads')
    with open(fake, 'w') as f:
        f.write("#!/bin/sh\necho \"ModuleNotFoundError: No module named 'threading'\" >&2\nexit 1\n")
    os.chmod(fake, 0o755)
    out = os.path.join(tmp, 'results')
    weft = os.path.join(ROOT, 'build', 'weft')
    configs = ['--config', 'weft'] if os.access(weft, os.X_OK) else ['--config', REFERENCE]
    cmd = [os.path.join(BENCH, 'run'), '--quick', '--runs', '2', '--no-discover',
           '--workloads', ','.join(SINGLE + SCALING), '--out', out, '--interp', REFERENCE,
           '--interp', fake, '--note', 'selftest'] + configs
    print('$ ' + ' '.join(cmd))
    t0 = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    print('bench/run took %.1f s' % (time.time() - t0))
    check(p.returncode == 0, 'bench/run exits 0 (got %d; stderr tail: %s)' % (
        p.returncode, p.stderr.strip().splitlines()[-1:] if p.stderr.strip() else ''))
    check(re.search(r'\[\d+/\d+\] .*left', p.stderr) is not None, 'a progress line on stderr')

    # results.json: raw runs, configuration, machine
    try:
        with open(os.path.join(out, 'results.json')) as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        check(False, 'results.json loads: %s' % e)
        return finish(tmp, keep)
    check(data.get('schema') == 'weft-bench/1', 'results.json schema')
    m = data.get('machine', {})
    for k in ('cores', 'cpu_model', 'kernel', 'loadavg_before', 'loadavg_after', 'git_commit'):
        check(k in m, 'machine records %s' % k)
    check(all('version' in c and 'startup_s' in c for c in data['configs']),
          'every configuration records its version and start-up time')
    runs = data.get('runs', [])
    check(all({'suite', 'workload', 'config', 'threads', 'wall_s', 'status', 'output'} <= set(r)
              for r in runs if r['status'] == 'ok'), 'every run records time, configuration, threads, output')
    ok_scaling = [r for r in runs if r['suite'] == 'scaling' and r['status'] == 'ok']
    check({r['threads'] for r in ok_scaling} == {1, 2}, '--quick runs 1 and 2 threads')
    check(all(r['output'].endswith(' ok') for r in ok_scaling), 'scaling workloads check themselves')
    check(any(r['status'] == 'cannot run' for r in runs), 'a failing interpreter is recorded as "cannot run"')

    # summary.md: one row per workload, the failure shown with its reason
    with open(os.path.join(out, 'summary.md')) as f:
        md = f.read()
    for w in SINGLE + SCALING:
        check(re.search(r'^\| %s \|' % w, md, re.M) is not None, 'summary.md has a row for %s' % w)
    check('geometric mean' in md, 'summary.md has the geometric mean')
    check("cannot run: ModuleNotFoundError: No module named 'threading'" in md,
          'summary.md says which workload cannot run and why')
    check(re.search(r'^\| cores \| \d+ \|', md, re.M) is not None, 'summary.md records the machine')

    # plots: well-formed SVG, the expected ones present
    plots = os.path.join(out, 'plots')
    svgs = sorted(f for f in os.listdir(plots) if f.endswith('.svg')) if os.path.isdir(plots) else []
    for want in ['single-ratios.svg', 'speedup-python3.11.svg'] + ['scaling-%s.svg' % w for w in SCALING]:
        check(want in svgs, 'plot %s exists' % want)
    for s in svgs:
        try:
            root = ET.parse(os.path.join(plots, s)).getroot()
            check(root.tag.endswith('svg'), '%s is well-formed SVG' % s)
        except ET.ParseError as e:
            check(False, '%s is well-formed SVG: %s' % (s, e))

    # --replot and bench/compare work from the saved folder alone
    p = subprocess.run([os.path.join(BENCH, 'run'), '--replot', out], capture_output=True, text=True)
    check(p.returncode == 0 and '| pymethod |' in p.stdout, 'bench/run --replot rebuilds the summary')
    p = subprocess.run([os.path.join(BENCH, 'compare'), out, out], capture_output=True, text=True)
    check(p.returncode == 0 and '**1.000**' in p.stdout, 'bench/compare of a folder with itself gives ratio 1.000')
    return finish(tmp, keep)


def finish(tmp, keep):
    if keep:
        print('results kept in %s' % tmp)
    else:
        subprocess.run(['rm', '-rf', tmp])
    print('%d check(s) failed' % len(failures) if failures else 'all checks passed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
