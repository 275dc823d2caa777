# weft: benchmark results -> figures, Markdown summary, gnuplot SVG plots.
# results.json (raw runs) -> medians/min/max per cell -> summary.md + plots/*.svg
"""Turn the raw runs that bench/run records into figures, tables and plots.

Everything here is a pure function of results.json, so `bench/run --replot
DIR` and `bench/compare` rebuild the same figures from a saved folder.

How figures are computed (docs/bench.md repeats this):
 1. A cell is (suite, workload, configuration, thread count). Its figure is
    the median wall time of its successful runs, shown with min and max.
 2. Single-thread ratio = median(config) / median(reference); below 1 means
    faster than the reference interpreter. The geometric mean is taken over
    the workloads that both configurations ran.
 3. Scaling throughput = threads * size / (wall - base), in million
    iterations per second, where base is the fastest wall time of the same
    workload, configuration and thread count run with size 0 (interpreter
    start-up, imports, thread start and join, exit), measured interleaved
    with the real runs. Without it a GIL interpreter would show a false
    speedup, since the fixed cost is paid once for any thread count. The
    min/max come from the max/min wall times.
 4. Speedup at T threads = throughput(T) / throughput(1) of the same
    configuration (= T * median wall(1) / median wall(T)); the ideal is T.
 5. A cell whose runs failed shows the reason ("cannot run: ...") instead of
    a figure; it is never dropped silently.
"""
import json
import math
import os
import statistics
import subprocess

SCHEMA = 'weft-bench/1'


def load(folder_or_file):
    path = folder_or_file
    if os.path.isdir(path):
        path = os.path.join(path, 'results.json')
    with open(path) as f:
        data = json.load(f)
    if data.get('schema') != SCHEMA:
        raise ValueError('%s: not a %s file' % (path, SCHEMA))
    return data


def geomean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


class Cell:
    """All runs of one (suite, workload, config, threads)."""

    def __init__(self):
        self.walls = []
        self.outputs = []
        self.errors = []
        self.base_walls = []    # size-0 runs of the same cell (scaling only)
        self.cpus = []          # user+sys CPU seconds of the successful runs
        self.size = None

    @property
    def ok(self):
        return bool(self.walls)

    @property
    def median(self):
        return statistics.median(self.walls) if self.walls else None

    @property
    def base(self):
        """Fastest size-0 run: start-up, imports, thread start/join, exit.

        The minimum, not the median: the fixed cost is a floor that noise can
        only add to, and overestimating it would inflate throughput."""
        return min(self.base_walls) if self.base_walls else 0.0

    @property
    def parallelism(self):
        """Median of cpu/wall: how many cores the process kept busy."""
        ratios = [c / w for c, w in zip(self.cpus, self.walls) if c is not None and w > 0]
        return statistics.median(ratios) if ratios else None

    @property
    def cpu(self):
        cpus = [c for c in self.cpus if c is not None]
        return statistics.median(cpus) if cpus else None

    def net(self, wall):
        # Never let noise make the work time vanish or go negative.
        return max(wall - self.base, 0.05 * wall)

    def reason(self):
        """Why this cell has no figure, e.g. 'cannot run: ModuleNotFoundError: ...'."""
        if self.errors:
            status, text = self.errors[0]
            return '%s: %s' % (status, text) if text else status
        return 'not run'

    def throughput(self, threads):
        """Median, min, max throughput in million iterations per second."""
        if not self.walls or not self.size:
            return None
        work = threads * self.size / 1e6
        return (work / self.net(self.median), work / self.net(max(self.walls)),
                work / self.net(min(self.walls)))


def cells(data):
    table = {}
    for r in data['runs']:
        key = (r['suite'], r['workload'], r['config'], r['threads'])
        c = table.setdefault(key, Cell())
        if r.get('baseline'):
            if r['status'] == 'ok':
                c.base_walls.append(r['wall_s'])
            continue
        c.size = r.get('size')
        if r['status'] == 'ok':
            c.walls.append(r['wall_s'])
            c.cpus.append(r.get('cpu_s'))
            c.outputs.append(r['output'])
        else:
            c.errors.append((r['status'], r.get('error', '')))
    return table


def labels(data, suite=None):
    """Configuration labels, in order; only those of `suite` when given."""
    if suite and suite in data.get('suite_configs', {}):
        return list(data['suite_configs'][suite])
    return [c['label'] for c in data['configs']]


def output_mismatches(data, table):
    """(suite, workload, threads) -> {config: output} where outputs differ."""
    bad = {}
    for suite, names in data['workloads'].items():
        for w in names:
            for t in data['options']['threads'] if suite == 'scaling' else [1]:
                outs = {}
                for l in labels(data, suite):
                    c = table.get((suite, w, l, t))
                    if c and c.outputs:
                        outs[l] = c.outputs[0]
                        if len(set(c.outputs)) > 1:
                            bad[(suite, w, t)] = {l: ' / '.join(sorted(set(c.outputs)))}
                if len(set(outs.values())) > 1:
                    bad[(suite, w, t)] = outs
    return bad


def fmt_time(c):
    if not c.ok:
        return c.reason()
    return '%.3f [%.3f-%.3f]' % (c.median, min(c.walls), max(c.walls))


def single_ratios(data, table):
    """config -> {workload: ratio to reference}; only configs other than the reference."""
    ref = data.get('reference')
    out = {}
    for l in labels(data, 'single'):
        if l == ref:
            continue
        for w in data['workloads'].get('single', []):
            c, r = table.get(('single', w, l, 1)), table.get(('single', w, ref, 1))
            if c and r and c.ok and r.ok:
                out.setdefault(l, {})[w] = c.median / r.median
    return out


def speedups(data, table, label, workload):
    """threads -> speedup against the same configuration's 1-thread throughput."""
    threads = data['options']['threads']
    base = table.get(('scaling', workload, label, threads[0]))
    if not base or not base.ok:
        return {}
    # Per-thread throughput of the smallest thread count is the unit, so the
    # ideal at T threads is T even when the list does not start at 1.
    unit = base.throughput(threads[0])[0] / threads[0]
    res = {}
    for t in threads:
        c = table.get(('scaling', workload, label, t))
        if c and c.ok:
            res[t] = c.throughput(t)[0] / unit
    return res


def machine_lines(data):
    m = data['machine']
    return [
        '| machine | %s |' % m.get('cpu_model', '?'),
        '|---|---|',
        '| cores | %s |' % m.get('cores'),
        '| kernel | %s |' % m.get('kernel'),
        '| load average before / after | %s / %s |' % (
            ' '.join('%.2f' % x for x in m.get('loadavg_before', [])),
            ' '.join('%.2f' % x for x in m.get('loadavg_after', []))),
        '| git commit | %s |' % m.get('git_commit'),
        '| inherited PYTHON*/WEFT* variables | %s |' % (
            ' '.join('%s=%s' % kv for kv in sorted(m.get('environment', {}).items())) or 'none'),
        '| started (UTC) | %s |' % data.get('started'),
        '| duration | %.0f s |' % data.get('duration_s', 0),
        '| command | `%s` |' % ' '.join(data.get('command', [])),
    ]


def summary(data):
    table = cells(data)
    ref = data.get('reference')
    opts = data['options']
    L = labels(data)
    md = ['# weft benchmark results', '']
    if data.get('note'):
        md += [data['note'], '']
    if data.get('interrupted'):
        md += ['**Interrupted: only the runs done before Ctrl-C are counted.**', '']
    md += machine_lines(data) + ['']
    m = data['machine']
    busy = max(m.get('loadavg_before', [0])[:1] + m.get('loadavg_after', [0])[:1])
    if m.get('cores') and busy > 0.5 * m['cores']:
        md += ['**Warning: the machine was busy (1-minute load average %.1f on %d cores). '
               'Figures are noisy, and scaling figures are not trustworthy: the scheduler '
               'shares cores per thread, so a process with more threads gets a larger share '
               'and even a GIL interpreter shows a speedup. The "cores busy" column shows '
               'how much CPU each cell really got.**' % (busy, m['cores']), '']
    md += ['| configuration | interpreter | environment | version | GIL enabled | JIT enabled | start-up (s) |',
           '|---|---|---|---|---|---|---|']
    for c in data['configs']:
        env = ' '.join('%s=%s' % kv for kv in sorted(c['env'].items())) or '-'
        md.append('| %s%s | `%s` | %s | %s | %s | %s | %s |' % (
            c['label'], ' (reference)' if c['label'] == ref else '', c['exe'], env,
            c.get('version', '?'), c.get('gil_enabled', '?'), c.get('jit_enabled', '?'),
            '%.3f' % c['startup_s'] if c.get('startup_s') else '?'))
    md += ['', 'GIL/JIT enabled: what `sys._is_gil_enabled()` and `sys._jit.is_enabled()` '
           'answer under that configuration (? = the interpreter has no such call).']
    same = {}
    for c in data['configs']:
        if c['env']:
            same.setdefault((c['exe'], c.get('version'), c.get('gil_enabled'),
                             c.get('jit_enabled')), []).append(c['label'])
    for labels_ in same.values():
        if len(labels_) > 1:
            md += ['', '**Note: %s report the same GIL and JIT state: the environment '
                   'variables that tell them apart have no visible effect.**' % ', '.join(labels_)]
    md += ['', 'Each figure: median wall time in seconds of %d run(s) [min-max]; '
           'runs interleaved across configurations and thread counts.' % opts['runs'], '']
    bad = output_mismatches(data, table)

    single = data['workloads'].get('single', [])
    if single:
        ratios = single_ratios(data, table)
        L = labels(data, 'single')
        others = [l for l in L if l != ref]
        md += ['## Single-thread suite', '']
        head = ['workload'] + ['%s (s)' % l for l in L] + \
               ['%s / %s' % (l, ref) for l in others if ref] + ['output']
        md += ['| ' + ' | '.join(head) + ' |', '|' + '---|' * len(head)]
        for w in single:
            row = [w] + [fmt_time(table.get(('single', w, l, 1), Cell())) for l in L]
            if ref:
                row += ['%.2f' % ratios[l][w] if w in ratios.get(l, {}) else '-' for l in others]
            row.append('DIFFERENT' if ('single', w, 1) in bad else 'same')
            md.append('| ' + ' | '.join(row) + ' |')
        if ref:
            row = ['geometric mean'] + [''] * len(L)
            for l in others:
                g = geomean(ratios.get(l, {}).values())
                row.append('**%.3f** (%d)' % (g, len(ratios[l])) if g else '-')
            md.append('| ' + ' | '.join(row) + ' | |')
            md += ['', 'Ratios are time / %s time: below 1.00 is faster than the reference.' % ref]
            for l in others:
                cr = []
                for w in single:
                    c, r = table.get(('single', w, l, 1)), table.get(('single', w, ref, 1))
                    if c and r and c.cpu and r.cpu:
                        cr.append(c.cpu / r.cpu)
                g = geomean(cr)
                if g:
                    md.append('Geometric mean of CPU-time (user+sys) ratios %s / %s: %.3f '
                              '(less sensitive to a busy machine than wall time).' % (l, ref, g))
        md.append('')

    scaling = data['workloads'].get('scaling', [])
    if scaling:
        threads = opts['threads']
        L = labels(data, 'scaling')
        md += ['## Scaling suite: speedup over 1 thread', '',
               'Speedup at T threads = throughput(T) / throughput(1) of the same '
               'configuration; ideal is T (this machine has %s cores).' % data['machine'].get('cores'), '']
        head = ['workload'] + ['%s T=%d' % (l, t) for l in L for t in threads[1:]]
        md += ['| ' + ' | '.join(head) + ' |', '|' + '---|' * len(head)]
        notes = []      # the same reason repeats in many cells: number it once

        def note(reason):
            if reason not in notes:
                notes.append(reason)
            return '%s (%d)' % (reason.split(':')[0], notes.index(reason) + 1)
        for w in scaling:
            row = [w]
            for l in L:
                sp = speedups(data, table, l, w)
                for t in threads[1:]:
                    if t in sp:
                        row.append('%.2f' % sp[t])
                    else:
                        c = table.get(('scaling', w, l, t), Cell())
                        base = table.get(('scaling', w, l, threads[0]), Cell())
                        row.append(note(base.reason() if not base.ok else c.reason()))
            md.append('| ' + ' | '.join(row) + ' |')
        if notes:
            md += [''] + ['(%d) %s' % (i + 1, n) for i, n in enumerate(notes)]
        md += ['', '## Scaling suite: wall time and throughput', '',
               'wall = whole process; base = the same run with size 0 (start-up, imports, '
               'threads, exit), subtracted before computing throughput.', '',
               'cores busy = median of (user+sys CPU time) / wall time: about 1 under a GIL, '
               'up to min(threads, cores) when threads run in parallel.', '',
               '| workload | configuration | threads | size per thread | wall (s) | base (s) | '
               'throughput (M it/s) [min-max] | speedup | cores busy | output |',
               '|---|---|---|---|---|---|---|---|---|---|']
        for w in scaling:
            for l in L:
                sp = speedups(data, table, l, w)
                for t in threads:
                    c = table.get(('scaling', w, l, t), Cell())
                    if c.ok:
                        m, lo, hi = c.throughput(t)
                        thr = '%.2f [%.2f-%.2f]' % (m, lo, hi)
                    else:
                        thr = '-'
                    md.append('| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |' % (
                        w, l, t, c.size or '-', fmt_time(c),
                        '%.3f' % c.base if c.base_walls else '-', thr,
                        '%.2f' % sp[t] if t in sp else '-',
                        '%.2f' % c.parallelism if c.parallelism is not None else '-',
                        'DIFFERENT' if ('scaling', w, t) in bad else ('same' if c.ok else '-')))
        md.append('')

    if bad:
        md += ['## Output mismatches', '']
        for (suite, w, t), outs in sorted(bad.items()):
            for l, o in sorted(outs.items()):
                md.append('- %s %s T=%d under %s: `%s`' % (suite, w, t, l, o[:200]))
        md.append('')
    fails = {}
    for key, c in sorted(table.items()):
        if c.errors:
            fails.setdefault((key[0], key[1], key[2], c.reason()), []).append(key[3])
    if fails:
        md += ['## Failures', '']
        for (suite, w, l, why), ts in sorted(fails.items()):
            where = '' if suite == 'single' else ' (threads %s)' % ','.join(map(str, ts))
            md.append('- %s %s under %s%s: %s' % (suite, w, l, where, why))
        md.append('')
    if os.path.isdir(data.get('_folder', '')) and os.path.isdir(os.path.join(data['_folder'], 'plots')):
        svgs = sorted(f for f in os.listdir(os.path.join(data['_folder'], 'plots')) if f.endswith('.svg'))
        if svgs:
            md += ['## Plots', ''] + ['- [%s](plots/%s)' % (s, s) for s in svgs] + ['']
    return '\n'.join(md)


# ---------------------------------------------------------------- plots

GP_HEAD = '''set terminal svg size %d,%d dynamic font "sans,11" background rgb "white"
set output '%s'
set termoption noenhanced
set grid
'''


def _q(s):
    return "'" + s.replace("'", "''") + "'"


def _slug(s):
    return ''.join(ch if ch.isalnum() or ch in '-_.' else '_' for ch in s)


def _gnuplot(folder, name, script):
    gp = os.path.join(folder, name + '.gp')
    with open(gp, 'w') as f:
        f.write(script)
    p = subprocess.run(['gnuplot', name + '.gp'], cwd=folder, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError('gnuplot %s: %s' % (gp, p.stderr.strip()))
    return os.path.join(folder, name + '.svg')


def plots(data, folder):
    """Write plots/*.dat, *.gp and *.svg; return the SVG paths."""
    os.makedirs(folder, exist_ok=True)
    table = cells(data)
    ref = data.get('reference')
    L = labels(data)
    note = (' - ' + data['note']) if data.get('note') else ''
    cores = data['machine'].get('cores')
    made = []

    single = data['workloads'].get('single', [])
    ratios = single_ratios(data, table)
    others = [l for l in labels(data, 'single') if l in ratios]
    if single and ref and others:
        rows = [w for w in single if any(w in ratios[l] for l in others)]
        with open(os.path.join(folder, 'single-ratios.dat'), 'w') as f:
            f.write('# workload ' + ' '.join(_slug(l) for l in others) + '\n')
            for w in rows + ['geomean']:
                vals = []
                for l in others:
                    v = geomean(ratios[l].values()) if w == 'geomean' else ratios[l].get(w)
                    vals.append('%.4f' % v if v else '-')
                f.write('%s %s\n' % (w, ' '.join(vals)))
        cols = ', '.join("'single-ratios.dat' using %d%s title %s" % (
            i + 2, ':xtic(1)' if i == 0 else '', _q(l)) for i, l in enumerate(others))
        made.append(_gnuplot(folder, 'single-ratios', GP_HEAD % (
            max(640, 60 * len(rows) * max(1, len(others)) // 2 + 200), 440, 'single-ratios.svg') + '''
set title %s
set ylabel %s
set datafile missing '-'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set xtics rotate by -35 scale 0
set yrange [0:*]
set key top left
set arrow from graph 0, first 1 to graph 1, first 1 nohead dashtype 2 lc rgb "black"
plot %s
''' % (_q('Single-thread time relative to %s (lower is faster)%s' % (ref, note)),
       _q('time / %s time' % ref), cols)))

    scaling = data['workloads'].get('scaling', [])
    threads = data['options']['threads']
    xt = ', '.join(str(t) for t in threads)
    logx = 'set logscale x 2\n' if len(threads) > 1 and threads[0] >= 1 else ''
    L = labels(data, 'scaling')
    for w in scaling:
        have = [l for l in L if any(table.get(('scaling', w, l, t), Cell()).ok for t in threads)]
        if not have:
            continue
        dat = 'scaling-%s.dat' % _slug(w)
        with open(os.path.join(folder, dat), 'w') as f:
            for l in have:
                f.write('# %s: threads median min max ideal\n' % l)
                base = table.get(('scaling', w, l, threads[0]), Cell())
                b = base.throughput(threads[0])[0] / threads[0] if base.ok else None
                for t in threads:
                    c = table.get(('scaling', w, l, t), Cell())
                    if c.ok:
                        m, lo, hi = c.throughput(t)
                        f.write('%d %.6f %.6f %.6f %s\n' % (t, m, lo, hi, '%.6f' % (b * t) if b else '-'))
                f.write('\n\n')
        parts = []
        for i, l in enumerate(have):
            parts.append("%s index %d using 1:2:3:4 with yerrorlines lc %d pt 7 lw 2 title %s" % (
                _q(dat), i, i + 1, _q(l)))
            parts.append("%s index %d using 1:5 with lines lc %d dashtype 2 title %s" % (
                _q(dat), i, i + 1, _q(l + ' ideal')))
        made.append(_gnuplot(folder, 'scaling-' + _slug(w), GP_HEAD % (640, 420, 'scaling-%s.svg' % _slug(w)) + '''
set title %s
set xlabel 'threads'
set ylabel 'throughput (million iterations / s)'
%sset xtics (%s)
set xrange [%g:%g]
set yrange [0:*]
set datafile missing '-'
set key top left
plot %s
''' % (_q('%s: throughput vs threads (%s cores)%s' % (w, cores, note)), logx, xt,
       threads[0] / 1.2, threads[-1] * 1.2, ', \\\n     '.join(parts))))

    if scaling and len(threads) > 1:
        for l in L:
            sp = {w: speedups(data, table, l, w) for w in scaling}
            sp = {w: s for w, s in sp.items() if len(s) > 1}
            if not sp:
                continue
            dat = 'speedup-%s.dat' % _slug(l)
            with open(os.path.join(folder, dat), 'w') as f:
                for w, s in sp.items():
                    f.write('# %s: threads speedup\n' % w)
                    for t in threads:
                        if t in s:
                            f.write('%d %.4f\n' % (t, s[t]))
                    f.write('\n\n')
                f.write('# ideal: threads threads\n')
                for t in threads:
                    f.write('%d %d\n' % (t, t))
            parts = ["%s index %d using 1:2 with linespoints lc %d pt %d dashtype %d title %s" % (
                _q(dat), i, i % 8 + 1, i % 13 + 1, i // 8 + 1, _q(w)) for i, w in enumerate(sp)]
            parts.append("%s index %d using 1:2 with lines lc rgb 'black' dashtype 2 lw 2 title 'ideal'" % (
                _q(dat), len(sp)))
            made.append(_gnuplot(folder, 'speedup-' + _slug(l), GP_HEAD % (
                820, 480, 'speedup-%s.svg' % _slug(l)) + '''
set title %s
set xlabel 'threads'
set ylabel 'speedup over 1 thread'
%sset xtics (%s)
set xrange [%g:%g]
set yrange [0:*]
set key outside right top
plot %s
''' % (_q('%s: speedup per workload (%s cores)%s' % (l, cores, note)), logx, xt,
       threads[0] / 1.2, threads[-1] * 1.2, ', \\\n     '.join(parts))))
    return made
