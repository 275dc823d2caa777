#!/usr/bin/env python3
# weft: the instruction generator.
# core/bytecodes.def + core/spec/*.def -> opcodes.h (enums, metadata), cases.h
# (tier-1 cases), uop_cases.h (tier-2 uop interpreter cases), uops.json.
#
# The DSL (docs/interpreter.md, docs/specialization.md):
#
#   inst(NAME, (in1, in2, args[oparg] -- out1, out2), cache=N, flags=a|b) {
#       C body
#   }
#   op(_NAME, (operand/K, in1 -- out1), flags=a|b) { C body }
#   macro(NAME) = unused/1 + _OP1 + _OP2;
#   family(HEAD) = { NAME, NAME2 };
#
# Stack items are listed bottom to top. An item `x[expr]` is an array of
# `expr` values (expr may use oparg); `unused` / `unused[expr]` names slots
# the body does not touch. An output with the same name, at the same position,
# as an input of a bottom-up common prefix is "preserved": it is not consumed.
# An op's first input may be a cache operand `name/K` (K code units: 1, 2 or
# 4); in tier 1 it is read from the inline cache, in tier 2 it is the uop's
# operand. An operand of more than 4 units (a table: several type versions)
# is a `const CodeUnit *` to its first unit, and the uop is tier-1 only.
#
# A generated block (an inst's case, or one uop of a macro) declares every
# input as a local read from the stack, declares the outputs, runs the body,
# then moves the stack pointer by (outputs - inputs) and stores the outputs.
# The body never moves the stack pointer itself; it leaves early only through
# the macros expanded here (flags=pure: the instruction calls nothing that
# could read frame->instr, which it then does not store):
#
#   ERROR_IF(cond, label)   consumed inputs are dead: pop them, goto label
#   DEOPT_IF(cond)          an assumption failed: tier 1 runs the family
#                           head, tier 2 leaves the trace (stack untouched)
#   DECREF_INPUTS()         decref every consumed input
#   SPECIALIZE(call)        (family heads, tier 1) count down the adaptive
#                           counter; at zero run call and dispatch again
#                           (nothing when specialization is off)
#   DISPATCH_INLINED(f)     pop all inputs, continue in the pushed frame f
#   POP_INPUTS()            pop all inputs (the body leaves the frame next)
#   DISPATCH_INLINED_KEEP1(f)  like DISPATCH_INLINED, but the bottom input
#                           slot stays on the caller's stack (it holds the
#                           call's result already: a class's new instance)
#   DISPATCH_POPPED()       the body dropped the inputs and produced nothing
#                           (a fused instruction pair): pop them, dispatch
import json
import re
import sys

HEADER = '/* generated from core/bytecodes.def and core/spec/FAMILY.def by core/gen_cases.py, do not edit */\n'

# Bodies that mention these only make sense in tier 1 (they read the
# bytecode, jump, or switch frames); such uops get no tier-2 case.
TIER1_ONLY = re.compile(r'\b(next_instr|this_instr|JUMPBY|DISPATCH\w*|SPECIALIZE|goto|frame_result|opcode)\b')
# C functions a body may call without running arbitrary Python code. Any
# other call marks the uop `escapes` (tier 2 must assume the world changed).
NON_ESCAPING = {
    'wf_is_small', 'wf_small', 'wf_small_val', 'wf_incref', 'wf_type', 'wf_obj', 'wf_val',
    'wf_is_obj', 'wf_bool', 'wf_is_type_exact', 'wf_is_float_exact', 'wf_float_val',
    'wf_is_str_exact', 'wf_is_tuple_exact', 'wf_is_list_exact', 'wf_is_dict_exact',
    'wf_is_function', 'wf_as_func', 'wf_as_code', 'wf_as_tuple', 'wf_as_dict', 'wf_as_list',
    'wf_tuple_size', 'wf_list_size', 'wf_type_version', 'wf_dict_keys_version_now',
    'wf_dict_value_at_hint', 'wf_attrslot_load', 'wf_cell_get', 'wf_list_fast_get',
    'GETLOCAL', 'CONST', 'NAME', 'DEOPT_IF', 'ERROR_IF', 'sizeof', 'if', 'while', 'for',
    'switch', 'return', 'WF_LIKELY', 'WF_UNLIKELY', 'WF_ASSERT', 'ceval_unbound_local',
    'wf_err_set_str', 'wf_err_format', 'wf_float_new', 'ceval_float_unique', 'ceval_unbound_deref',
    'EXIT_TRACE', 'JUMP_TO_TOP',
    # core/spec_attr.h: lock-free reads of instance and module dicts
    'wf_spec_instance_dict', 'wf_spec_instance_dict_ptr', 'wf_spec_dict_get', 'wf_spec_dict_lacks',
    'wf_spec_module_dict', 'wf_spec_property_fget', 'wf_spec_version_in', 'wf_spec_method_in',
}


class Item:
    def __init__(self, text):
        text = text.strip()
        m = re.match(r'^(\w+)(?:\[(.*)\])?(?:/(\d+))?$', text)
        if not m:
            raise SystemExit('gen_cases: bad stack item %r' % text)
        self.name = m.group(1)
        self.size = m.group(2)  # None for a single value, else a C expression
        self.cache = int(m.group(3)) if m.group(3) else 0  # a cache operand: code units

    def is_array(self):
        return self.size is not None

    def size_expr(self):
        return '1' if self.size is None else '(%s)' % self.size


class Uop:
    """One unit of semantics: an inst (also a tier-1 instruction) or an op."""

    def __init__(self, name, inputs, outputs, cache, flags, body, line, kind):
        self.name, self.inputs, self.outputs = name, inputs, outputs
        self.cache, self.flags, self.body, self.line, self.kind = cache, flags, body, line, kind
        self.operand = None
        if inputs and inputs[0].cache:
            self.operand = inputs.pop(0)
        if any(i.cache for i in inputs + outputs):
            raise SystemExit('gen_cases: %s: a cache operand must be the first input' % name)
        if self.operand and self.operand.cache == 3:
            raise SystemExit('gen_cases: %s: cache operands are 1, 2, 4 or more than 4 units' % name)

    def tier2(self):
        if 'tier2' in self.flags:
            return True
        if self.name in ('CACHE', 'EXTENDED_ARG'):
            return False
        if self.kind == 'inst' and (self.cache or {'jump', 'jump_back'} & set(self.flags)):
            return False
        if self.operand and self.operand.cache > 4:
            return False   # a table in the inline cache: tier 2 has one operand word
        return not TIER1_ONLY.search(self.body)

    def uflags(self):
        f = set(self.flags)
        if re.search(r'\bDEOPT_IF\b', self.body):
            f.add('deopt')
        if re.search(r'\bERROR_IF\b', self.body):
            f.add('error')
        calls = set(re.findall(r'\b([A-Za-z_]\w*)\s*\(', self.body))
        if calls - NON_ESCAPING or re.search(r'\bwf_decref\b|DECREF_INPUTS', self.body):
            f.add('escapes')
        if not self.tier2():
            f.add('tier1_only')
        return sorted(f)


class Macro:
    def __init__(self, name, parts, line):
        self.name, self.parts, self.line = name, parts, line  # parts: Uop or int (skipped units)


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


def match_close(text, i, open_, close):
    depth = 1
    while depth:
        c = text[i]
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
        i += 1
    return i


def split_items(s):
    return [Item(x) for x in re.split(r',(?![^\[]*\])', s) if x.strip()]


def parse(text, uops, macros, families, order):
    """Fill uops (name -> Uop), macros (name -> Macro), families (head ->
    [members]) and order (tier-1 instruction names in definition order)."""
    text = re.sub(r'//[^\n]*', lambda m: ' ' * len(m.group(0)), text)
    pat = re.compile(r'^(inst|op|macro|family)\(\s*(\w+)\s*\)?', re.M)
    pos = 0
    while True:
        m = pat.search(text, pos)
        if not m:
            return
        kind, name = m.group(1), m.group(2)
        line = text.count('\n', 0, m.start()) + 1
        if kind in ('macro', 'family'):
            end = text.index(';', m.end())
            rhs = text[m.end():end].split('=', 1)[1].strip()
            if kind == 'macro':
                parts = []
                for p in rhs.split('+'):
                    p = p.strip()
                    mm = re.match(r'^unused/(\d+)$', p)
                    if mm:
                        parts.append(int(mm.group(1)))
                    elif p in uops:
                        parts.append(uops[p])
                    else:
                        raise SystemExit('gen_cases: macro %s: unknown op %s (line %d)' % (name, p, line))
                if name in macros or name in uops:
                    raise SystemExit('gen_cases: %s defined twice' % name)
                macros[name] = Macro(name, parts, line)
                order.append(name)
            else:
                members = [x.strip() for x in rhs.strip('{} \n').split(',') if x.strip()]
                families.setdefault(name, []).extend(members)
            pos = end + 1
            continue
        # inst / op: NAME, (effect), options) { body }
        i = text.index('(', m.start() + len(kind) + 1)  # the effect's '('
        j = match_close(text, i + 1, '(', ')')
        effect = text[i + 1:j - 1]
        close = text.index('{', j)
        opts = text[j:close].strip()
        if not opts.endswith(')'):
            raise SystemExit('gen_cases: %s: bad header' % name)
        opts = opts[:-1]
        if '--' not in effect:
            raise SystemExit('gen_cases: %s: stack effect needs --' % name)
        ins, outs = effect.split('--')
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
        end = match_close(text, close + 1, '{', '}')
        body = text[close + 1:end - 1]
        if name in uops or name in macros:
            raise SystemExit('gen_cases: %s defined twice' % name)
        u = Uop(name, split_items(ins), split_items(outs), cache, flags, body, line, kind)
        if kind == 'op' and cache:
            raise SystemExit('gen_cases: op %s: cache= belongs to instructions' % name)
        uops[name] = u
        if kind == 'inst':
            order.append(name)
        pos = end


def preserved_prefix(u):
    n = 0
    for a, b in zip(u.inputs, u.outputs):
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
        i = match_close(body, m.end(), '(', ')')
        args = body[m.end():i - 1]
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


def paren(e):
    return e if re.match(r'^\w+$', e) else '(%s)' % e


CTYPES = {1: 'uint16_t', 2: 'uint32_t', 4: 'uint64_t'}


def gen_block(u, tier, indent, operand_at=None, deopt=None, opname=None):
    """The code of one uop: read inputs, run the body, write outputs.
    tier 1: operand_at is the cache unit offset of the operand; deopt is
    the C statement that runs the family head. tier 2: the operand is
    uop->operand, DEOPT_IF leaves the trace."""
    sp = ' ' * indent
    lines = []
    nin = simplify(total(u.inputs))
    keep = preserved_prefix(u)
    consumed = u.inputs[keep:]
    ncons = simplify(total(consumed))
    above = []
    for item in reversed(u.inputs):
        off = simplify(total(above + [item]))
        if not item.name.startswith('unused'):
            if item.is_array():
                lines.append('Value *%s = &stack_pointer[-(%s)];' % (item.name, off))
            else:
                lines.append('Value %s = stack_pointer[-(%s)];' % (item.name, off))
        above.append(item)
    if u.operand and u.operand.cache > 4:
        lines.append('const CodeUnit *%s = this_instr + 1 + %d;' % (u.operand.name, operand_at))
        lines.append('(void)%s;' % u.operand.name)
    elif u.operand:
        ct = CTYPES[u.operand.cache]
        if tier == 1:
            rd = {1: 'wf_cache_read16', 2: 'wf_cache_read32', 4: 'wf_cache_read64'}[u.operand.cache]
            lines.append('%s %s = %s(this_instr + 1 + %d);' % (ct, u.operand.name, rd, operand_at))
        else:
            lines.append('%s %s = (%s)uop->operand;' % (ct, u.operand.name, ct))
        lines.append('(void)%s;' % u.operand.name)
    in_names = {i.name for i in u.inputs}
    below = []
    for item in u.outputs:
        if not item.name.startswith('unused') and item.name not in in_names:
            if item.is_array():
                base = simplify(total(below))
                lines.append('Value *%s = &stack_pointer[-(%s) + %s];' % (item.name, nin, base))
            else:
                lines.append('Value %s;' % item.name)
        below.append(item)
    if tier == 1 and u.kind == 'inst' and u.cache:
        lines.append('next_instr += %d;  /* inline cache */' % u.cache)

    def error_if(args):
        cond, label = args
        pop = '' if ncons == '0' else 'stack_pointer -= %s; ' % paren(ncons)
        if tier == 2:
            label = 'uop_error' if label == 'error' else 'uop_' + label
        return 'if (%s) { %sgoto %s; }' % (cond, pop, label)

    def deopt_if(args):
        if tier == 2:
            return 'if (WF_UNLIKELY(%s)) { goto uop_deopt; }' % args[0]
        return 'if (WF_UNLIKELY(%s)) { %s }' % (args[0], deopt)

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

    def specialize(args):
        if tier != 1:
            raise SystemExit('gen_cases: %s: SPECIALIZE is tier 1 only' % u.name)
        # With specialization off (PYTHON_SPECIALIZE=0, fixed at start-up)
        # the counter is neither read nor written: one test of the switch.
        return ('if (WF_LIKELY(wf_specialization_enabled)) { '
                'if (wf_counter_triggers(this_instr[1])) { next_instr = this_instr + 1; %s; '
                'opcode = WF_OP(*this_instr); DISPATCH_SAME_OPARG(); } '
                'this_instr[1] = wf_counter_tick(this_instr[1]); }' % args[0])

    body = u.body
    body = expand_macro(body, 'SPECIALIZE', specialize)
    body = expand_macro(body, 'ERROR_IF', error_if)
    body = expand_macro(body, 'DEOPT_IF', deopt_if)
    body = expand_macro(body, 'EXIT_IF', deopt_if)
    body = expand_macro(body, 'DECREF_INPUTS', decref_inputs)
    body = expand_macro(body, 'POP_INPUTS', lambda a: '(stack_pointer -= %s)' % paren(nin))
    body = expand_macro(body, 'DISPATCH_INLINED_KEEP1',
                        lambda a: '{ stack_pointer -= %s - 1; DO_DISPATCH_INLINED(%s); }' % (paren(nin), a[0]))
    body = expand_macro(body, 'DISPATCH_INLINED',
                        lambda a: '{ stack_pointer -= %s; DO_DISPATCH_INLINED(%s); }' % (paren(nin), a[0]))
    body = expand_macro(body, 'DISPATCH_POPPED', lambda a: '{ stack_pointer -= %s; DISPATCH(); }' % paren(nin))
    lines.append('{')
    lines.append(body.strip('\n').rstrip())
    lines.append('}')
    nout = simplify(total(u.outputs))
    if nin != nout:
        lines.append('stack_pointer += (%s) - (%s);' % (nout, nin))
    above = []
    for idx in range(len(u.outputs) - 1, -1, -1):
        item = u.outputs[idx]
        off = simplify(total(above + [item]))
        if not item.name.startswith('unused') and not item.is_array() and idx >= keep:
            lines.append('stack_pointer[-(%s)] = %s;' % (off, item.name))
        above.append(item)
    return '\n'.join(sp + l if not l.startswith('    ') and l else sp + l for l in lines)


def gen_tier1_inst(u, head):
    # The frame's instruction pointer is kept current, so that C code called
    # from this instruction sees the right line (warnings, tracebacks).
    lines = ['TARGET(%s) {' % u.name]
    if head == u.name:
        lines.append('    PREDICTED(%s);' % u.name)
    lines.append('    CodeUnit *this_instr = next_instr - 1; (void)this_instr;')
    if 'pure' not in u.flags:
        lines.append('    frame->instr = next_instr;')
    lines.append(gen_block(u, 1, 4))
    lines.append('    DISPATCH();')
    lines.append('}')
    return '\n'.join(lines) + '\n'


def macro_layout(mac):
    """(uop, cache offset of its operand) for each uop part; total units."""
    off, out = 0, []
    for p in mac.parts:
        if isinstance(p, int):
            off += p
        else:
            out.append((p, off))
            if p.operand:
                off += p.operand.cache
    return out, off


def gen_tier1_macro(mac, head, uops):
    layout, ncache = macro_layout(mac)
    lines = ['TARGET(%s) {' % mac.name]
    lines.append('    CodeUnit *this_instr = next_instr - 1; (void)this_instr;')
    if not all('pure' in u.flags for u, _ in layout):
        lines.append('    frame->instr = next_instr;')
    lines.append('    next_instr += %d;  /* inline cache */' % ncache)
    deopt = ('WF_SPEC_STAT(OP_%s, WF_SPEC_STAT_DEOPT); next_instr = this_instr + 1; goto PREDICTED_%s;'
             % (mac.name, head)) if head else 'WF_UNREACHABLE();'
    seen_effect = False
    for u, off in layout:
        if seen_effect and 'deopt' in u.uflags():
            raise SystemExit('gen_cases: macro %s: %s may deopt after a uop that changed the stack' % (mac.name, u.name))
        if preserved_prefix(u) != len(u.inputs) or len(u.outputs) != len(u.inputs):
            seen_effect = True
        lines.append('    /* %s */' % u.name)
        lines.append('    {')
        lines.append(gen_block(u, 1, 8, operand_at=off, deopt=deopt))
        lines.append('    }')
    lines.append('    DISPATCH();')
    lines.append('}')
    return '\n'.join(lines) + '\n'


def gen_tier2_case(u):
    lines = ['case UOP_%s: {' % u.name]
    if 'pure' not in u.flags:
        lines.append('    frame->instr = UOP_INSTR_PTR(uop) + 1;')
    lines.append(gen_block(u, 2, 4))
    lines.append('    break;')
    lines.append('}')
    return '\n'.join(lines) + '\n'


def effect_fn(name, entries, which):
    out = ['static inline int wf_%s_%s(int op, int oparg)' % (name, which), '{',
           '    (void)oparg;', '    switch (op) {']
    for enum, u in entries:
        items = u.inputs if which == 'pops' else u.outputs
        out.append('    case %s: return %s;' % (enum, simplify(total(items))))
    out += ['    default: return -1;', '    }', '}']
    return '\n'.join(out) + '\n'


def main():
    outdir, srcs = sys.argv[1], sys.argv[2:]
    uops, macros, families, order = {}, {}, {}, []
    for src in srcs:
        parse(open(src).read(), uops, macros, families, order)
    if order[0] != 'CACHE':
        raise SystemExit('gen_cases: CACHE must be opcode 0 (zeroed caches decode as CACHE)')
    if len(order) > 255:
        raise SystemExit('gen_cases: too many instructions')
    # Families: members share the head's cache size; a member's DEOPT runs the head.
    head_of = {}
    for head, members in families.items():
        if head not in uops or uops[head].kind != 'inst':
            raise SystemExit('gen_cases: family %s: the head must be an inst' % head)
        for mname in members:
            if mname not in macros and mname not in uops:
                raise SystemExit('gen_cases: family %s: unknown member %s' % (head, mname))
            head_of[mname] = head

    def cache_of(name):
        return macro_layout(macros[name])[1] if name in macros else uops[name].cache

    for mname, head in head_of.items():
        if cache_of(mname) != uops[head].cache:
            raise SystemExit('gen_cases: %s has %d cache units, its head %s has %d'
                             % (mname, cache_of(mname), head, uops[head].cache))
    for name, mac in macros.items():
        if name not in head_of:
            raise SystemExit('gen_cases: macro %s belongs to no family' % name)
        if uops[head_of[name]].cache and not (isinstance(mac.parts[0], int) and mac.parts[0] >= 1):
            raise SystemExit('gen_cases: macro %s must start with unused/1 (the adaptive counter)' % name)
    tier2 = [u for u in uops.values() if u.tier2()]
    op_flags = sorted({fl for n in order for fl in (uops[n].flags if n in uops else [])})
    uop_flags = sorted({fl for u in tier2 for fl in u.uflags()} | {'deopt', 'error', 'escapes', 'pure'})
    meta = {'instructions': [], 'uops': []}

    with open(outdir + '/opcodes.h', 'w') as f:
        f.write(HEADER)
        f.write('#ifndef WF_OPCODES_H\n#define WF_OPCODES_H\n\n#include <stdint.h>\n\n')
        f.write('/* ---- tier 1: instructions ---- */\n\nenum Opcode {\n')
        for n, name in enumerate(order):
            f.write('    OP_%s = %d,\n' % (name, n))
        f.write('    OP_COUNT = %d\n};\n\n' % len(order))
        f.write('/* X(NAME) for every instruction, in opcode order. */\n#define WF_OPCODE_LIST(X) \\\n')
        f.write(' \\\n'.join('    X(%s)' % n for n in order) + '\n\n')
        f.write('static const char *const wf_opcode_names[256] = {\n')
        for name in order:
            f.write('    [OP_%s] = "%s",\n' % (name, name))
        f.write('};\n\n')
        f.write('/* Inline cache units that follow each instruction. */\n')
        f.write('static const uint8_t wf_op_cache[256] = {\n')
        for name in order:
            if cache_of(name):
                f.write('    [OP_%s] = %d,\n' % (name, cache_of(name)))
        f.write('};\n\n')
        f.write('/* The family head of each instruction (itself for heads and loners):\n'
                ' * what a specialized form deoptimizes to. */\n')
        f.write('static const uint8_t wf_op_family[256] = {\n')
        for name in order:
            f.write('    [OP_%s] = OP_%s,\n' % (name, head_of.get(name, name)))
        f.write('};\n\n')
        f.write('/* Flags: WF_OPF_JUMP (oparg is a forward jump), WF_OPF_JUMP_BACK\n'
                ' * (backward jump), WF_OPF_CONST/NAME/LOCAL (oparg indexes co_consts,\n'
                ' * co_names, the locals), WF_OPF_PURE (calls nothing). A specialized\n'
                ' * form has its head\'s flags. */\n')
        for n, fl in enumerate(op_flags):
            f.write('#define WF_OPF_%s 0x%x\n' % (fl.upper(), 1 << n))
        f.write('static const uint16_t wf_op_flags[256] = {\n')
        for name in order:
            fl = uops[head_of.get(name, name)].flags
            if fl:
                f.write('    [OP_%s] = %s,\n' % (name, ' | '.join('WF_OPF_' + x.upper() for x in fl)))
        f.write('};\n\n')
        f.write('/* Stack effect metadata, used by the compiler for stack depth. */\n')
        f.write(effect_fn('op', [('OP_' + n, uops[head_of.get(n, n)]) for n in order], 'pops'))
        f.write(effect_fn('op', [('OP_' + n, uops[head_of.get(n, n)]) for n in order], 'pushes'))
        f.write('\n/* ---- tier 2: micro-ops ---- */\n\nenum UOp {\n')
        f.write('    UOP_NONE = 0,\n')
        for n, u in enumerate(tier2):
            f.write('    UOP_%s = %d,\n' % (u.name, n + 1))
        f.write('    UOP_COUNT = %d\n};\n\n' % (len(tier2) + 1))
        f.write('static const char *const wf_uop_names[UOP_COUNT] = {\n    [UOP_NONE] = "<none>",\n')
        for u in tier2:
            f.write('    [UOP_%s] = "%s",\n' % (u.name, u.name))
        f.write('};\n\n')
        f.write('/* WF_UOPF_DEOPT: has a guard that leaves the trace; ERROR: can raise;\n'
                ' * ESCAPES: may run arbitrary Python code (calls, decrefs);\n'
                ' * PURE: touches nothing but the stack and frame; TIER2: trace-only. */\n')
        for n, fl in enumerate(uop_flags):
            f.write('#define WF_UOPF_%s 0x%x\n' % (fl.upper(), 1 << n))
        f.write('static const uint16_t wf_uop_flags[UOP_COUNT] = {\n')
        for u in tier2:
            fl = [x for x in u.uflags() if x != 'tier1_only']
            if fl:
                f.write('    [UOP_%s] = %s,\n' % (u.name, ' | '.join('WF_UOPF_' + x.upper() for x in fl)))
        f.write('};\n\n')
        f.write('/* Code units of each uop\'s operand (0: none). */\n')
        f.write('static const uint8_t wf_uop_operand_units[UOP_COUNT] = {\n')
        for u in tier2:
            if u.operand:
                f.write('    [UOP_%s] = %d,\n' % (u.name, u.operand.cache))
        f.write('};\n\n')
        f.write(effect_fn('uop', [('UOP_' + u.name, u) for u in tier2], 'pops'))
        f.write(effect_fn('uop', [('UOP_' + u.name, u) for u in tier2], 'pushes'))
        # Expansion of each tier-1 instruction into uops (for the recorder).
        f.write('\n/* How each tier-1 instruction runs as uops: n parts, each a uop with\n'
                ' * the cache offset and units of its operand. n == 0: no tier-2 form. */\n')
        f.write('typedef struct WfUopPart { uint16_t uop; uint8_t cache_offset, cache_units; } WfUopPart;\n')
        f.write('typedef struct WfOpExpansion { uint8_t n; WfUopPart parts[6]; } WfOpExpansion;\n')
        f.write('static const WfOpExpansion wf_op_expansion[256] = {\n')
        for name in order:
            parts = []
            if name in macros:
                layout, _ = macro_layout(macros[name])
                if all(u.tier2() for u, _ in layout):
                    parts = [(u, off) for u, off in layout]
            elif uops[name].tier2():
                parts = [(uops[name], 0)]
            if len(parts) > 6:
                raise SystemExit('gen_cases: %s: more than 6 uops' % name)
            if parts:
                f.write('    [OP_%s] = { %d, { %s } },\n' % (name, len(parts), ', '.join(
                    '{ UOP_%s, %d, %d }' % (u.name, off, u.operand.cache if u.operand else 0) for u, off in parts)))
            meta['instructions'].append({
                'name': name, 'opcode': order.index(name), 'cache': cache_of(name),
                'family': head_of.get(name, name), 'flags': uops[head_of.get(name, name)].flags,
                'uops': [{'uop': u.name, 'cache_offset': off} for u, off in parts]})
        f.write('};\n')
        f.write('\n#ifdef WF_COMPUTED_GOTO\n/* Dispatch table for computed goto (core/ceval.c). */\n')
        f.write('#define WF_OPCODE_TARGETS { \\\n')
        ents = ['&&TARGET_%s' % order[n] if n < len(order) else '&&unknown_opcode' for n in range(256)]
        f.write(', \\\n'.join('    ' + e for e in ents) + ' }\n#endif\n')
        f.write('\n#endif\n')
    for u in tier2:
        meta['uops'].append({
            'name': u.name, 'id': tier2.index(u) + 1, 'flags': [x for x in u.uflags() if x != 'tier1_only'],
            'operand': {'name': u.operand.name, 'units': u.operand.cache} if u.operand else None,
            'inputs': [i.name + ('[%s]' % i.size if i.size else '') for i in u.inputs],
            'outputs': [i.name + ('[%s]' % i.size if i.size else '') for i in u.outputs]})
    with open(outdir + '/cases.h', 'w') as f:
        f.write(HEADER)
        f.write('/* Included inside the dispatch loop of core/ceval.c. */\n\n')
        for name in order:
            if name in macros:
                f.write(gen_tier1_macro(macros[name], head_of.get(name), uops))
            else:
                u = uops[name]
                f.write(gen_tier1_inst(u, name if name in families or 'SPECIALIZE' in u.body else None))
            f.write('\n')
    with open(outdir + '/uop_cases.h', 'w') as f:
        f.write(HEADER)
        f.write('/* Included inside the uop interpreter of core/ceval.c (wf_uop_run). */\n\n')
        for u in tier2:
            f.write(gen_tier2_case(u))
            f.write('\n')
    with open(outdir + '/uops.json', 'w') as f:
        json.dump(meta, f, indent=1)
        f.write('\n')


main()
