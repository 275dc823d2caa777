#!/usr/bin/env python3
# weft: the instruction generator.
# core/bytecodes.def -> opcodes.h (enum, names, metadata) + cases.h (tier-1 cases).
#
# The DSL (see docs/interpreter.md):
#
#   inst(NAME, (in1, in2, args[oparg] -- out1, out2), cache=N, flags=a|b) {
#       C body
#   }
#
# Stack items are listed bottom to top. An item `x[expr]` is an array of
# `expr` values (expr may use oparg); `unused` / `unused[expr]` names slots
# the body does not touch. An output with the same name, at the same position,
# as an input of a bottom-up common prefix is "preserved": it is not consumed.
#
# The generated case declares every input as a local read from the stack,
# declares the outputs, skips the N inline cache units, runs the body, then
# moves the stack pointer by (outputs - inputs) and stores the outputs. The
# body never moves the stack pointer itself; it leaves early only through the
# macros the generator expands (flags=pure: the instruction calls nothing
# that could read frame->instr, which it then does not store):
#
#   ERROR_IF(cond, label)   consumed inputs are dead: pop them, goto label
#   DECREF_INPUTS()         decref every consumed input
#   DISPATCH_INLINED(f)     pop all inputs, continue in the pushed frame f
#   POP_INPUTS()            pop all inputs (the body leaves the frame next)
#   DISPATCH_INLINED_KEEP1(f)  like DISPATCH_INLINED, but the bottom input
#                           slot stays on the caller's stack (it holds the
#                           call's result already: a class's new instance)
#   DISPATCH_POPPED()       the body dropped the inputs and produced nothing
#                           (a fused instruction pair): pop them, dispatch
import re
import sys

HEADER = '/* generated from core/bytecodes.def by core/gen_cases.py, do not edit */\n'


class Item:
    def __init__(self, text):
        text = text.strip()
        m = re.match(r'^(\w+)(?:\[(.*)\])?$', text)
        if not m:
            raise SystemExit('gen_cases: bad stack item %r' % text)
        self.name = m.group(1)
        self.size = m.group(2)  # None for a single value, else a C expression

    def is_array(self):
        return self.size is not None

    def size_expr(self):
        return '1' if self.size is None else '(%s)' % self.size


class Inst:
    def __init__(self, name, inputs, outputs, cache, flags, body, line):
        self.name, self.inputs, self.outputs = name, inputs, outputs
        self.cache, self.flags, self.body, self.line = cache, flags, body, line


def total(items):
    if not items:
        return '0'
    return ' + '.join(i.size_expr() for i in items)


def simplify(expr):
    """Fold a sum of '1' and '(x)' terms into a shorter C expression."""
    terms = [t.strip() for t in expr.split(' + ')] if expr != '0' else []
    ones = sum(1 for t in terms if t == '1')
    rest = [t for t in terms if t != '1']
    if ones or not rest:
        rest.append(str(ones))
    return ' + '.join(rest)


def parse(text):
    insts = []
    pos = 0
    pat = re.compile(r'^inst\(\s*(\w+)\s*,\s*\(', re.M)
    while True:
        m = pat.search(text, pos)
        if not m:
            break
        name = m.group(1)
        depth, i = 1, m.end()
        while depth:
            depth += {'(': 1, ')': -1}.get(text[i], 0)
            i += 1
        effect = text[m.end():i - 1]
        close = text.index('{', i)
        opts = text[i:close].strip()
        if not opts.endswith(')'):
            raise SystemExit('gen_cases: %s: bad header' % name)
        opts = opts[:-1]
        m_end = close + 1
        line = text.count('\n', 0, m.start()) + 1
        if '--' not in effect:
            raise SystemExit('gen_cases: %s: stack effect needs --' % name)
        ins, outs = effect.split('--')
        split = lambda s: [Item(x) for x in re.split(r',(?![^\[]*\])', s) if x.strip()]
        cache, flags = 0, []
        for opt in [o.strip() for o in opts.split(',')]:
            if not opt:
                continue
            k, _, v = opt.partition('=')
            if k == 'cache':
                cache = int(v)
            elif k == 'flags':
                flags = v.split('|')
            else:
                raise SystemExit('gen_cases: %s: unknown option %s' % (name, k))
        # The body runs to the matching brace.
        depth, i = 1, m_end
        while depth:
            c = text[i]
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
            i += 1
        body = text[m_end:i - 1]
        insts.append(Inst(name, split(ins), split(outs), cache, flags, body, line))
        pos = i
    return insts


def preserved_prefix(inst):
    n = 0
    for a, b in zip(inst.inputs, inst.outputs):
        if a.name != b.name or a.size != b.size:
            break
        n += 1
    return n


def expand_macro(body, name, fn):
    out, pos = [], 0
    pat = re.compile(r'\b%s\s*\(' % name)
    while True:
        m = pat.search(body, pos)
        if not m:
            out.append(body[pos:])
            return ''.join(out)
        depth, i = 1, m.end()
        while depth:
            if body[i] == '(':
                depth += 1
            elif body[i] == ')':
                depth -= 1
            i += 1
        args = body[m.end():i - 1]
        # split top-level commas
        parts, d, cur = [], 0, ''
        for ch in args:
            if ch in '([':
                d += 1
            elif ch in ')]':
                d -= 1
            if ch == ',' and d == 0:
                parts.append(cur.strip())
                cur = ''
            else:
                cur += ch
        if cur.strip():
            parts.append(cur.strip())
        out.append(body[pos:m.start()])
        out.append(fn(parts))
        pos = i


def gen_case(inst):
    # The frame's instruction pointer is kept current, so that C code called
    # from this instruction sees the right line (warnings, tracebacks).
    # `pure` instructions call no C code that could look at the frame's
    # position (no decref, no call): they skip storing frame->instr (their
    # error paths use next_instr).
    lines = ['TARGET(%s) {' % inst.name]
    if 'pure' not in inst.flags:
        lines.append('    frame->instr = next_instr;')
    nin = simplify(total(inst.inputs))
    keep = preserved_prefix(inst)
    consumed = inst.inputs[keep:]
    ncons = simplify(total(consumed))
    # Inputs: offsets from the top of the stack.
    above = []
    for item in reversed(inst.inputs):
        off = simplify(total(above + [item]))
        if not item.name.startswith('unused'):
            if item.is_array():
                lines.append('    Value *%s = &stack_pointer[-(%s)];' % (item.name, off))
            else:
                lines.append('    Value %s = stack_pointer[-(%s)];' % (item.name, off))
        above.append(item)
    in_names = {i.name for i in inst.inputs}
    # Output arrays point at their final place (bottom of inputs + offset).
    below = []
    for item in inst.outputs:
        if not item.name.startswith('unused') and item.name not in in_names:
            if item.is_array():
                base = simplify(total(below))
                lines.append('    Value *%s = &stack_pointer[-(%s) + %s];' % (item.name, nin, base))
            else:
                lines.append('    Value %s;' % item.name)
        below.append(item)
    if inst.cache:
        lines.append('    next_instr += %d;  /* inline cache */' % inst.cache)

    def error_if(args):
        cond, label = args
        pop = '' if ncons == '0' else 'stack_pointer -= %s; ' % paren(ncons)
        return 'if (%s) { %sgoto %s; }' % (cond, pop, label)

    def decref_inputs(args):
        out = []
        for item in consumed:
            if item.name.startswith('unused'):
                continue
            if item.is_array():
                out.append('for (int i_ = 0; i_ < %s; i_++) wf_decref(%s[i_]);' % (item.size, item.name))
            else:
                out.append('wf_decref(%s);' % item.name)
        return '{ ' + ' '.join(out) + ' }'

    def pop_inputs(args):
        return '(stack_pointer -= %s)' % paren(nin)

    def dispatch_inlined(args):
        return '{ stack_pointer -= %s; DO_DISPATCH_INLINED(%s); }' % (paren(nin), args[0])

    body = inst.body
    body = expand_macro(body, 'ERROR_IF', error_if)
    body = expand_macro(body, 'DECREF_INPUTS', decref_inputs)
    body = expand_macro(body, 'POP_INPUTS', pop_inputs)
    body = expand_macro(body, 'DISPATCH_INLINED_KEEP1', lambda args: '{ stack_pointer -= %s - 1; DO_DISPATCH_INLINED(%s); }' % (paren(nin), args[0]))
    body = expand_macro(body, 'DISPATCH_INLINED', dispatch_inlined)
    body = expand_macro(body, 'DISPATCH_POPPED', lambda args: '{ stack_pointer -= %s; DISPATCH(); }' % paren(nin))
    lines.append('    {')
    lines.append(body.rstrip())
    lines.append('    }')
    nout = simplify(total(inst.outputs))
    if nin != nout:
        lines.append('    stack_pointer += (%s) - (%s);' % (nout, nin))
    above = []
    for item in reversed(inst.outputs):
        off = simplify(total(above + [item]))
        idx = inst.outputs.index(item)
        same_place = idx < keep
        if not item.name.startswith('unused') and not item.is_array() and not same_place:
            lines.append('    stack_pointer[-(%s)] = %s;' % (off, item.name))
        above.append(item)
    lines.append('    DISPATCH();')
    lines.append('}')
    return '\n'.join(lines) + '\n'


def paren(e):
    return e if re.match(r'^\w+$', e) else '(%s)' % e


def effect_fn(insts, which):
    out = ['static inline int wf_op_%s(int op, int oparg)' % which, '{',
           '    (void)oparg;', '    switch (op) {']
    for inst in insts:
        items = inst.inputs if which == 'pops' else inst.outputs
        out.append('    case OP_%s: return %s;' % (inst.name, simplify(total(items))))
    out += ['    default: return -1;', '    }', '}']
    return '\n'.join(out) + '\n'


def main():
    src, opcodes_h, cases_h = sys.argv[1:4]
    insts = parse(open(src).read())
    if len(insts) > 255:
        raise SystemExit('gen_cases: too many instructions')
    names = [i.name for i in insts]
    if names[0] != 'CACHE':
        raise SystemExit('gen_cases: CACHE must be opcode 0 (zeroed caches decode as CACHE)')
    with open(opcodes_h, 'w') as f:
        f.write(HEADER)
        f.write('#ifndef WF_OPCODES_H\n#define WF_OPCODES_H\n\n#include <stdint.h>\n\n')
        f.write('enum Opcode {\n')
        for n, name in enumerate(names):
            f.write('    OP_%s = %d,\n' % (name, n))
        f.write('    OP_COUNT = %d\n};\n\n' % len(names))
        f.write('/* X(NAME) for every instruction, in opcode order. */\n#define WF_OPCODE_LIST(X) \\\n')
        f.write(' \\\n'.join('    X(%s)' % n for n in names) + '\n\n')
        f.write('static const char *const wf_opcode_names[256] = {\n')
        for name in names:
            f.write('    [OP_%s] = "%s",\n' % (name, name))
        f.write('};\n\n')
        f.write('/* Inline cache units that follow each instruction. */\n')
        f.write('static const uint8_t wf_op_cache[256] = {\n')
        for inst in insts:
            if inst.cache:
                f.write('    [OP_%s] = %d,\n' % (inst.name, inst.cache))
        f.write('};\n\n')
        f.write('/* Flags: WF_OPF_JUMP (oparg is a forward jump), WF_OPF_JUMP_BACK\n'
                ' * (backward jump), WF_OPF_CONST/NAME/LOCAL (oparg indexes co_consts,\n'
                ' * co_names, the locals). */\n')
        allflags = sorted({fl for i in insts for fl in i.flags})
        for n, fl in enumerate(allflags):
            f.write('#define WF_OPF_%s 0x%x\n' % (fl.upper(), 1 << n))
        f.write('static const uint16_t wf_op_flags[256] = {\n')
        for inst in insts:
            if inst.flags:
                f.write('    [OP_%s] = %s,\n' % (inst.name, ' | '.join('WF_OPF_' + x.upper() for x in inst.flags)))
        f.write('};\n\n')
        f.write('/* Stack effect metadata, used by the compiler for stack depth. */\n')
        f.write(effect_fn(insts, 'pops'))
        f.write(effect_fn(insts, 'pushes'))
        f.write('\n#ifdef WF_COMPUTED_GOTO\n/* Dispatch table for computed goto (core/ceval.c). */\n')
        f.write('#define WF_OPCODE_TARGETS { \\\n')
        ents = []
        for n in range(256):
            ents.append('&&TARGET_%s' % names[n] if n < len(names) else '&&unknown_opcode')
        f.write(', \\\n'.join('    ' + e for e in ents) + ' }\n#endif\n')
        f.write('\n#endif\n')
    with open(cases_h, 'w') as f:
        f.write(HEADER)
        f.write('/* Included inside the dispatch loop of core/ceval.c. */\n\n')
        for inst in insts:
            f.write(gen_case(inst))
            f.write('\n')


main()
