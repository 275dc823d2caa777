/* weft: code objects. */
/* Compiler output -> immortal CodeObject (bytecode, tables, introspection). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "weft.h"
#include "code.h"
#include "frame.h"
#include "opcodes.h"
#include "specialize.h"

Value wf_code_new(const CodeSpec *s)
{
    CodeObject *co = (CodeObject *)wf_object_alloc(&wf_type_code, sizeof(CodeObject));
    co->code = s->code;
    co->ncode = s->ncode;
    co->lines = s->lines;
    co->nlines = s->nlines;
    co->exctable = s->exctable;
    co->nexc = s->nexc;
    co->argcount = s->argcount;
    co->posonlyargcount = s->posonlyargcount;
    co->kwonlyargcount = s->kwonlyargcount;
    co->flags = s->flags;
    co->stacksize = s->stacksize;
    co->firstlineno = s->firstlineno;
    co->consts = s->consts;
    co->names = s->names;
    co->varnames = s->varnames;
    co->cellvars = s->cellvars;
    co->freevars = s->freevars;
    co->name = s->name;
    co->qualname = s->qualname;
    co->filename = s->filename;
    co->nlocals = (int)wf_tuple_size(s->varnames);
    co->ncells = (int)wf_tuple_size(s->cellvars);
    co->nfree = (int)wf_tuple_size(s->freevars);
    co->nlocalsplus = co->nlocals + co->ncells + co->nfree;
    co->framesize = sizeof(Frame) + sizeof(Value) * (size_t)(co->nlocalsplus + co->stacksize);
    bool simple = co->kwonlyargcount == 0 && co->ncells == 0 && co->nfree == 0 &&
                  !(co->flags & (WF_CO_VARARGS | WF_CO_VARKEYWORDS | WF_CO_GENERATOR));
    co->simple_nargs = simple ? co->argcount : -1;
    /* A cell that is also a parameter starts out holding the argument. */
    co->cell2arg = NULL;
    if (co->ncells) {
        co->cell2arg = wf_mem_alloc(sizeof(int16_t) * (size_t)co->ncells);
        int nargs = co->argcount + co->kwonlyargcount + !!(co->flags & WF_CO_VARARGS) +
                    !!(co->flags & WF_CO_VARKEYWORDS);
        for (int i = 0; i < co->ncells; i++) {
            co->cell2arg[i] = -1;
            for (int j = 0; j < nargs; j++)
                if (wf_str_eq(wf_tuple_get(co->cellvars, i), wf_tuple_get(co->varnames, j)))
                    co->cell2arg[i] = (int16_t)j;
        }
    }
    for (uint32_t i = 0; i < co->ncode; i++) {
        int op = WF_OP(co->code[i]);
        co->ncaches += wf_op_cache[op];
        i += wf_op_cache[op];
    }
    wf_make_immortal(wf_val(co));
    return wf_val(co);
}

/* ---- per-thread bytecode (code.h) ---- */

/* Serializes the writers of every code object's copies array: a thread
 * filling its slot and a thread growing the array (copying the slots into a
 * new one) must not interleave. Taken once per code object per thread. */
static pthread_mutex_t code_copies_lock = PTHREAD_MUTEX_INITIALIZER;

/* Put `copy` in slot i of co's array, growing it if needed (under the lock).
 * Returns the array that was replaced, to free after a grace period. */
static WfCodeCopies *code_copies_install(CodeObject *co, uint32_t i, CodeUnit *copy)
{
    WfCodeCopies *old = wf_atomic_load_relaxed_ptr(&co->copies);   /* writers hold the lock */
    if (old && i < old->n) {
        WF_ASSERT(old->copy[i] == NULL);   /* only index i's owner fills slot i */
        old->copy[i] = copy;
        return NULL;
    }
    uint32_t n = old ? old->n * 2 : 4;
    while (n <= i)
        n *= 2;
    WfCodeCopies *c = wf_mem_alloc(sizeof(WfCodeCopies) + sizeof(CodeUnit *) * n);
    c->n = n;
    memset(c->copy, 0, sizeof(CodeUnit *) * n);
    if (old)
        memcpy(c->copy, old->copy, sizeof(CodeUnit *) * old->n);
    c->copy[i] = copy;
    /* release: pairs with the acquire in wf_code_bytecode(); the slots and
     * the copies they point to are complete before a reader sees c */
    wf_atomic_store_release_ptr(&co->copies, c);
    return old;
}

CodeUnit *wf_code_bytecode_slow(CodeObject *co, ThreadState *ts)
{
    size_t bytes = sizeof(CodeUnit) * (co->ncode ? co->ncode : 1);
    CodeUnit *copy = wf_mem_alloc(bytes);
    memcpy(copy, co->code, sizeof(CodeUnit) * co->ncode);
    wf_specialize_init_copy(co, copy);
    pthread_mutex_lock(&code_copies_lock);
    WfCodeCopies *old = code_copies_install(co, ts->tlbc_index, copy);
    pthread_mutex_unlock(&code_copies_lock);
    /* Another thread may still be reading the old array (it loaded it just
     * before the store above): free it after a grace period. */
    wf_defer_free(old);
    return copy;
}

int wf_code_line(CodeObject *co, uint32_t offset)
{
    if (co->nlines == 0)
        return co->firstlineno;
    /* Last entry whose start <= offset (binary search). */
    uint32_t lo = 0, hi = co->nlines;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (co->lines[mid].start <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return co->lines[lo].line;
}

const ExcEntry *wf_code_handler(CodeObject *co, uint32_t offset)
{
    /* Entries are sorted by start and do not overlap. */
    uint32_t lo = 0, hi = co->nexc;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        const ExcEntry *e = &co->exctable[mid];
        if (offset < e->start)
            hi = mid;
        else if (offset >= e->end)
            lo = mid + 1;
        else
            return e;
    }
    return NULL;
}

static void code_dis_arg(CodeObject *co, int op, int arg)
{
    uint16_t fl = wf_op_flags[op];
    Value v = 0;
    if ((fl & WF_OPF_CONST) && arg < (int)wf_tuple_size(co->consts))
        v = wf_tuple_get(co->consts, arg);
    else if ((fl & WF_OPF_NAME) && arg < (int)wf_tuple_size(co->names))
        v = wf_tuple_get(co->names, arg);
    else if ((fl & WF_OPF_LOCAL) && arg < co->nlocals)
        v = wf_tuple_get(co->varnames, arg);
    if (!v)
        return;
    Value r = wf_repr(v);
    if (r) {
        fprintf(stderr, " (%s)", wf_str_cstr(r));
        wf_decref(r);
    } else {
        wf_err_clear();
    }
}

void wf_code_dis(Value code)
{
    CodeObject *co = wf_as_code(code);
    fprintf(stderr, "Disassembly of %s (%s), stack %d:\n", wf_str_cstr(co->qualname),
            wf_str_cstr(co->filename), co->stacksize);
    int arg = 0;
    for (uint32_t i = 0; i < co->ncode; i++) {
        int op = WF_OP(co->code[i]);
        arg = (arg << 8) | WF_ARG(co->code[i]);
        fprintf(stderr, "%5d %4u %-28s %d", wf_code_line(co, i), i,
                op < OP_COUNT ? wf_opcode_names[op] : "?", arg);
        code_dis_arg(co, op, arg);
        fprintf(stderr, "\n");
        if (op != OP_EXTENDED_ARG)
            arg = 0;
        i += wf_op_cache[op];
    }
    for (uint32_t i = 0; i < co->nexc; i++)
        fprintf(stderr, "  handler %u to %u -> %u [%u]\n", co->exctable[i].start,
                co->exctable[i].end, co->exctable[i].target, co->exctable[i].depth);
    for (size_t i = 0; i < wf_tuple_size(co->consts); i++)
        if (wf_is_type_exact(wf_tuple_get(co->consts, i), &wf_type_code))
            wf_code_dis(wf_tuple_get(co->consts, i));
}

/* ---- the Python-visible code type ---- */

static Value code_repr(Value v)
{
    CodeObject *co = wf_as_code(v);
    return wf_str_printf("<code object %s at %p, file \"%s\", line %d>", wf_str_cstr(co->name),
                         (void *)co, wf_str_cstr(co->filename), co->firstlineno);
}

#define CODE_GET_VALUE(field) \
    static Value code_get_##field(Value v) { return wf_incref(wf_as_code(v)->field); }
#define CODE_GET_INT(field) \
    static Value code_get_##field(Value v) { return wf_small(wf_as_code(v)->field); }
CODE_GET_VALUE(name)
CODE_GET_VALUE(qualname)
CODE_GET_VALUE(filename)
CODE_GET_VALUE(consts)
CODE_GET_VALUE(names)
CODE_GET_VALUE(varnames)
CODE_GET_VALUE(cellvars)
CODE_GET_VALUE(freevars)
CODE_GET_INT(firstlineno)
CODE_GET_INT(argcount)
CODE_GET_INT(posonlyargcount)
CODE_GET_INT(kwonlyargcount)
CODE_GET_INT(flags)
CODE_GET_INT(stacksize)
CODE_GET_INT(nlocals)

static const GetSetDef code_getset[] = {
    {"co_name", code_get_name, NULL},
    {"co_qualname", code_get_qualname, NULL},
    {"co_filename", code_get_filename, NULL},
    {"co_consts", code_get_consts, NULL},
    {"co_names", code_get_names, NULL},
    {"co_varnames", code_get_varnames, NULL},
    {"co_cellvars", code_get_cellvars, NULL},
    {"co_freevars", code_get_freevars, NULL},
    {"co_firstlineno", code_get_firstlineno, NULL},
    {"co_argcount", code_get_argcount, NULL},
    {"co_posonlyargcount", code_get_posonlyargcount, NULL},
    {"co_kwonlyargcount", code_get_kwonlyargcount, NULL},
    {"co_flags", code_get_flags, NULL},
    {"co_stacksize", code_get_stacksize, NULL},
    {"co_nlocals", code_get_nlocals, NULL},
    {NULL, NULL, NULL},
};

TypeObject wf_type_code = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "code",
    .tp_basicsize = sizeof(CodeObject),
    .tp_repr = code_repr,
    .tp_getattr = wf_object_generic_getattr,
    .tp_getset = code_getset,
};
