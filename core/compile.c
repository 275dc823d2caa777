/* weft: the bytecode compiler. */
/* AST -> symbol tables -> instruction lists with labels -> assembled code objects. */
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include "weft.h"
#include "parse.h"
#include "compile.h"
#include "ceval.h"
#include "opcodes.h"
#include "specialize.h"

/*
 * Three passes, CPython's:
 *  1. symbol table: one Scope per module, class, function, lambda and
 *     comprehension, recording how each name is used (st_*);
 *  2. analysis: every name resolved to local, cell, free, explicit or
 *     implicit global (analyze_scope);
 *  3. code generation into a flat list of instructions whose jumps name
 *     labels, with pseudo-instructions SETUP_FINALLY/CLEANUP/WITH and
 *     POP_BLOCK marking protected regions; the assembler walks the control
 *     flow to get stack depths and each instruction's handler, resolves
 *     jumps (EXTENDED_ARG sizes to a fixed point) and emits code units,
 *     the line table and the exception table.
 * Syntax errors longjmp back to wf_compile_mod (the compiler's memory then
 * leaks: LEAK: only on the error path).
 */

/* ---- symbol tables ---- */

enum { SC_MODULE, SC_FUNCTION, SC_CLASS };
#define DEF_LOCAL 1
#define DEF_PARAM 2
#define DEF_GLOBAL 4
#define DEF_NONLOCAL 8
#define USE 16
#define DEF_IMPORT 32
#define DEF_COMP_ITER 64      /* a comprehension's iteration variable */
enum { R_UNKNOWN, R_LOCAL, R_GLOBAL_EXPLICIT, R_GLOBAL_IMPLICIT, R_FREE, R_CELL };

typedef struct Sym {
    Value name;
    int flags;
    int scope;
    int lineno, col;          /* of a global/nonlocal declaration */
} Sym;

typedef struct NameSet {
    Value *v;
    int n, cap;
} NameSet;

typedef struct Scope {
    int kind;
    int comprehension;        /* a comprehension's implicit function */
    int generator;
    int lineno;
    const void *node;
    Value name;
    struct Scope *parent;
    Sym *syms;
    int nsyms, capsyms;
    struct Scope **children;
    int nchildren, capchildren;
    NameSet params;           /* in binding order */
    NameSet classfree;        /* class: free names passed through to methods */
    int needs_class_cell;
    Value private;            /* the enclosing class name, for __name mangling */
} Scope;

/* ---- instructions ---- */

enum {
    P_SETUP_FINALLY = 256,    /* handler: stack depth at setup, exception pushed */
    P_SETUP_CLEANUP,
    P_SETUP_WITH,             /* like SETUP_FINALLY but drops one more value (the __enter__ result) */
    P_POP_BLOCK,
    P_JUMP,                   /* JUMP_FORWARD or JUMP_BACKWARD */
    P_JUMP_NO_INTERRUPT,
};

typedef struct Instr {
    int op;
    int arg;
    int target;               /* label for jumps and SETUP_*, else -1 */
    int lineno;
} Instr;

enum FBlockType { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
                  FB_HANDLER_CLEANUP, FB_EXCEPTION_HANDLER, FB_POP_VALUE };

typedef struct FBlock {
    int type;
    int start, exit;          /* labels (loops) */
    Value name;               /* FB_HANDLER_CLEANUP: the `as` name or 0 */
    StmtSeq *finalbody;       /* FB_FINALLY_TRY */
} FBlock;

typedef struct Unit {
    struct Unit *parent;
    Scope *scope;
    Instr *ins;
    int n, cap;
    int *labels;
    int nlabels, caplabels;
    Value consts, names, varnames, cellvars, freevars;   /* lists */
    Value constidx;           /* dict: small int or str constant -> index in consts (or 0) */
    FBlock fb[100];
    int nfb;
    int lineno, firstlineno;
    Value name, qualname;
    int argcount, posonly, kwonly, flags;
} Unit;

typedef struct Compiler {
    const char *filename;
    const char *src;
    size_t srclen;
    Value filename_v;
    Scope **scopes;
    int nscopes, capscopes;
    Scope *st;                /* symtable pass: current scope */
    Unit *u;
    int interactive;
    int future_annotations;   /* from __future__ import annotations: not evaluated */
    int in_comp_target;       /* symtable: visiting a comprehension's `for` target */
    int depth;                /* expression nesting (symtable and code generation) */
    int fold_skip;            /* c_expr: the node's constant folding was tried already */
    jmp_buf jb;
} Compiler;

/* ---- errors ---- */

static void c_source_line(Compiler *c, int lineno, char *buf, size_t size)
{
    buf[0] = 0;
    if (!c->src || lineno < 1)
        return;
    const char *p = c->src, *end = c->src + c->srclen;
    for (int l = 1; l < lineno && p < end; p++)
        if (*p == '\n')
            l++;
    const char *e = p;
    while (e < end && *e != '\n')
        e++;
    size_t n = (size_t)(e - p) < size - 1 ? (size_t)(e - p) : size - 1;
    memcpy(buf, p, n);
    buf[n] = 0;
}

static _Noreturn void c_error(Compiler *c, int lineno, int col, const char *fmt, ...)
{
    char msg[512], line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c_source_line(c, lineno, line, sizeof line);
    wf_err_syntax(wf_exc_SyntaxError, c->filename, lineno, col + 1, line[0] ? line : NULL, msg);
    longjmp(c->jb, 1);
}

static _Noreturn void c_fail(Compiler *c)
{
    if (!wf_err_occurred())
        wf_err_set_str(wf_exc_SystemError, "compiler failure");
    longjmp(c->jb, 1);
}

/* Deeply nested expressions (a 100000-term sum) would overflow the C stack
 * in these recursive passes: CPython's limit (3 x the recursion limit). */
#define C_MAX_DEPTH 3000

static void c_enter(Compiler *c)
{
    if (++c->depth > C_MAX_DEPTH) {
        wf_err_set_str(wf_exc_RecursionError, "maximum recursion depth exceeded during compilation");
        c_fail(c);
    }
}

static const char *c_name(Value v) { return wf_str_cstr(v); }

/* Private names: __x inside class A becomes _A__x (CPython's _Py_Mangle). */
static Value c_mangle(Value private, Value name)
{
    if (!private || !name)
        return name;
    const char *n = c_name(name);
    size_t len = strlen(n);
    if (len < 3 || n[0] != '_' || n[1] != '_' || (n[len - 1] == '_' && n[len - 2] == '_') || strchr(n, '.'))
        return name;
    const char *p = c_name(private);
    while (*p == '_')
        p++;
    if (!*p)
        return name;
    return wf_str_intern(wf_str_printf("_%s%s", p, n));
}

/* ---- name sets ---- */

static bool ns_has(const NameSet *s, Value name)
{
    for (int i = 0; i < s->n; i++)
        if (s->v[i] == name || wf_str_eq(s->v[i], name))
            return true;
    return false;
}

static void ns_add(NameSet *s, Value name)
{
    if (ns_has(s, name))
        return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->v = wf_mem_realloc(s->v, sizeof(Value) * (size_t)s->cap);
    }
    s->v[s->n++] = name;
}

static void ns_free(NameSet *s)
{
    wf_mem_free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

/* ---- pass 1: symbol tables ---- */

static Sym *st_find(Scope *s, Value name)
{
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].name == name || wf_str_eq(s->syms[i].name, name))
            return &s->syms[i];
    return NULL;
}

static Sym *st_sym(Scope *s, Value name)
{
    Sym *y = st_find(s, name);
    if (y)
        return y;
    if (s->nsyms == s->capsyms) {
        s->capsyms = s->capsyms ? s->capsyms * 2 : 16;
        s->syms = wf_mem_realloc(s->syms, sizeof(Sym) * (size_t)s->capsyms);
    }
    y = &s->syms[s->nsyms++];
    y->name = name;
    y->flags = 0;
    y->scope = R_UNKNOWN;
    y->lineno = y->col = 0;
    return y;
}

static void st_add(Compiler *c, Value name, int flag)
{
    st_sym(c->st, c_mangle(c->st->private, name))->flags |= flag;
}

static Scope *st_enter(Compiler *c, int kind, const void *node, Value name, int lineno)
{
    Scope *s = wf_mem_calloc(1, sizeof(Scope));
    s->kind = kind;
    s->node = node;
    s->name = name;
    s->lineno = lineno;
    s->parent = c->st;
    s->private = kind == SC_CLASS ? name : c->st ? c->st->private : 0;
    if (c->st) {
        Scope *p = c->st;
        if (p->nchildren == p->capchildren) {
            p->capchildren = p->capchildren ? p->capchildren * 2 : 4;
            p->children = wf_mem_realloc(p->children, sizeof(Scope *) * (size_t)p->capchildren);
        }
        p->children[p->nchildren++] = s;
    }
    if (c->nscopes == c->capscopes) {
        c->capscopes = c->capscopes ? c->capscopes * 2 : 16;
        c->scopes = wf_mem_realloc(c->scopes, sizeof(Scope *) * (size_t)c->capscopes);
    }
    c->scopes[c->nscopes++] = s;
    c->st = s;
    return s;
}

static void st_leave(Compiler *c) { c->st = c->st->parent; }

static Scope *c_scope_of(Compiler *c, const void *node)
{
    for (int i = 0; i < c->nscopes; i++)
        if (c->scopes[i]->node == node)
            return c->scopes[i];
    wf_err_set_str(wf_exc_SystemError, "compiler: scope not found");
    c_fail(c);
}

static void st_expr(Compiler *c, Expr *e);
static void st_stmts(Compiler *c, StmtSeq *seq);

static void st_exprs(Compiler *c, ExprSeq *seq)
{
    for (size_t i = 0; i < seq->count; i++)
        if (seq->items[i])
            st_expr(c, seq->items[i]);
}

static void st_param(Compiler *c, Arg *a)
{
    Value name = c_mangle(c->st->private, a->arg);
    if (st_find(c->st, name) && (st_find(c->st, name)->flags & DEF_PARAM))
        c_error(c, a->lineno, a->col_offset, "duplicate argument '%s' in function definition", c_name(a->arg));
    st_add(c, a->arg, DEF_PARAM);
    ns_add(&c->st->params, name);
}

/* Defaults are evaluated outside; parameters are bound inside. */
static void st_params(Compiler *c, Arguments *a)
{
    for (size_t i = 0; i < a->posonlyargs.count; i++)
        st_param(c, a->posonlyargs.items[i]);
    for (size_t i = 0; i < a->args.count; i++)
        st_param(c, a->args.items[i]);
    for (size_t i = 0; i < a->kwonlyargs.count; i++)
        st_param(c, a->kwonlyargs.items[i]);
    if (a->vararg)
        st_param(c, a->vararg);
    if (a->kwarg)
        st_param(c, a->kwarg);
}

static void st_comprehension(Compiler *c, Expr *e, ComprehensionSeq *gens, Expr *elt, Expr *val, const char *name)
{
    st_expr(c, gens->items[0]->iter);
    Scope *s = st_enter(c, SC_FUNCTION, e, wf_str_intern_c(name), e->lineno);
    s->comprehension = 1;
    s->generator = e->kind == WF_EXPR_GeneratorExp;
    Value dot0 = wf_str_intern_c(".0");
    st_add(c, dot0, DEF_PARAM);
    ns_add(&s->params, dot0);
    for (size_t i = 0; i < gens->count; i++) {
        Comprehension *g = gens->items[i];
        if (i > 0)
            st_expr(c, g->iter);
        c->in_comp_target = 1;
        st_expr(c, g->target);
        c->in_comp_target = 0;
        st_exprs(c, &g->ifs);
    }
    if (elt)
        st_expr(c, elt);
    if (val)
        st_expr(c, val);
    st_leave(c);
}

static void st_named_target(Compiler *c, Expr *t)
{
    Value name = t->v.Name.id;
    Scope *s = c->st;
    if (!s->comprehension) {
        st_add(c, name, DEF_LOCAL);
        return;
    }
    Scope *target = s;
    while (target->comprehension) {
        Sym *y = st_find(target, c_mangle(target->private, name));
        if (y && (y->flags & DEF_COMP_ITER))
            c_error(c, t->lineno, t->col_offset,
                    "assignment expression cannot rebind comprehension iteration variable '%s'", c_name(name));
        target = target->parent;
    }
    if (target->kind == SC_CLASS)
        c_error(c, t->lineno, t->col_offset,
                "assignment expression within a comprehension cannot be used in a class body");
    st_sym(target, name)->flags |= DEF_LOCAL;
    for (Scope *x = s; x != target; x = x->parent)
        st_sym(x, name)->flags |= target->kind == SC_FUNCTION ? DEF_NONLOCAL : DEF_GLOBAL;
}

static void st_expr_inner(Compiler *c, Expr *e);

static void st_expr(Compiler *c, Expr *e)
{
    c_enter(c);
    st_expr_inner(c, e);
    c->depth--;
}

static void st_expr_inner(Compiler *c, Expr *e)
{
    switch (e->kind) {
    case WF_EXPR_BoolOp: st_exprs(c, &e->v.BoolOp.values); break;
    case WF_EXPR_NamedExpr:
        st_expr(c, e->v.NamedExpr.value);
        st_named_target(c, e->v.NamedExpr.target);
        break;
    case WF_EXPR_BinOp: st_expr(c, e->v.BinOp.left); st_expr(c, e->v.BinOp.right); break;
    case WF_EXPR_UnaryOp: st_expr(c, e->v.UnaryOp.operand); break;
    case WF_EXPR_Lambda: {
        Arguments *a = e->v.Lambda.args;
        st_exprs(c, &a->defaults);
        st_exprs(c, &a->kw_defaults);
        st_enter(c, SC_FUNCTION, e, wf_str_intern_c("<lambda>"), e->lineno);
        st_params(c, a);
        st_expr(c, e->v.Lambda.body);
        st_leave(c);
        break;
    }
    case WF_EXPR_IfExp:
        st_expr(c, e->v.IfExp.test);
        st_expr(c, e->v.IfExp.body);
        st_expr(c, e->v.IfExp.orelse);
        break;
    case WF_EXPR_Dict: st_exprs(c, &e->v.Dict.keys); st_exprs(c, &e->v.Dict.values); break;
    case WF_EXPR_Set: st_exprs(c, &e->v.Set.elts); break;
    case WF_EXPR_ListComp:
        st_comprehension(c, e, &e->v.ListComp.generators, e->v.ListComp.elt, NULL, "<listcomp>");
        break;
    case WF_EXPR_SetComp:
        st_comprehension(c, e, &e->v.SetComp.generators, e->v.SetComp.elt, NULL, "<setcomp>");
        break;
    case WF_EXPR_DictComp:
        st_comprehension(c, e, &e->v.DictComp.generators, e->v.DictComp.key, e->v.DictComp.value, "<dictcomp>");
        break;
    case WF_EXPR_GeneratorExp:
        st_comprehension(c, e, &e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL, "<genexpr>");
        break;
    case WF_EXPR_Yield:
    case WF_EXPR_YieldFrom: {
        Scope *s = c->st;
        if (s->kind != SC_FUNCTION)
            c_error(c, e->lineno, e->col_offset, "'yield' outside function");
        if (s->comprehension) {
            const char *n = c_name(s->name);
            c_error(c, e->lineno, e->col_offset, "'yield' inside %s",
                    !strcmp(n, "<listcomp>") ? "list comprehension" : !strcmp(n, "<setcomp>") ? "set comprehension"
                    : !strcmp(n, "<dictcomp>") ? "dict comprehension" : "generator expression");
        }
        s->generator = 1;
        Expr *v = e->kind == WF_EXPR_Yield ? e->v.Yield.value : e->v.YieldFrom.value;
        if (v)
            st_expr(c, v);
        break;
    }
    case WF_EXPR_Compare: st_expr(c, e->v.Compare.left); st_exprs(c, &e->v.Compare.comparators); break;
    case WF_EXPR_Call:
        st_expr(c, e->v.Call.func);
        st_exprs(c, &e->v.Call.args);
        for (size_t i = 0; i < e->v.Call.keywords.count; i++)
            st_expr(c, e->v.Call.keywords.items[i]->value);
        break;
    case WF_EXPR_FormattedValue:
        st_expr(c, e->v.FormattedValue.value);
        if (e->v.FormattedValue.format_spec)
            st_expr(c, e->v.FormattedValue.format_spec);
        break;
    case WF_EXPR_JoinedStr: st_exprs(c, &e->v.JoinedStr.values); break;
    case WF_EXPR_Constant: break;
    case WF_EXPR_Attribute: st_expr(c, e->v.Attribute.value); break;
    case WF_EXPR_Subscript: st_expr(c, e->v.Subscript.value); st_expr(c, e->v.Subscript.slice); break;
    case WF_EXPR_Starred: st_expr(c, e->v.Starred.value); break;
    case WF_EXPR_Name:
        if (e->v.Name.ctx == WF_CTX_Load) {
            st_add(c, e->v.Name.id, USE);
            if (c->st->kind == SC_FUNCTION && wf_str_eq_c(e->v.Name.id, "super"))
                st_add(c, wf_str_intern_c("__class__"), USE);
        } else {
            st_add(c, e->v.Name.id, DEF_LOCAL | (c->in_comp_target ? DEF_COMP_ITER : 0));
        }
        break;
    case WF_EXPR_List: st_exprs(c, &e->v.List.elts); break;
    case WF_EXPR_Tuple: st_exprs(c, &e->v.Tuple.elts); break;
    case WF_EXPR_Slice:
        if (e->v.Slice.lower)
            st_expr(c, e->v.Slice.lower);
        if (e->v.Slice.upper)
            st_expr(c, e->v.Slice.upper);
        if (e->v.Slice.step)
            st_expr(c, e->v.Slice.step);
        break;
    default:
        break;
    }
}

static void st_declare(Compiler *c, Stmt *s, IdentSeq *names, int flag)
{
    const char *what = flag == DEF_GLOBAL ? "global" : "nonlocal";
    for (size_t i = 0; i < names->count; i++) {
        Value name = c_mangle(c->st->private, names->items[i]);
        Sym *y = st_find(c->st, name);
        int fl = y ? y->flags : 0;
        if (fl & DEF_PARAM)
            c_error(c, s->lineno, s->col_offset, "name '%s' is parameter and %s", c_name(name), what);
        if ((fl & (DEF_GLOBAL | DEF_NONLOCAL)) && !(fl & flag))
            c_error(c, s->lineno, s->col_offset, "name '%s' is nonlocal and global", c_name(name));
        if (fl & USE)
            c_error(c, s->lineno, s->col_offset, "name '%s' is used prior to %s declaration", c_name(name), what);
        if (fl & (DEF_LOCAL | DEF_IMPORT))
            c_error(c, s->lineno, s->col_offset, "name '%s' is assigned to before %s declaration", c_name(name), what);
        Sym *d = st_sym(c->st, name);
        d->flags |= flag;
        d->lineno = s->lineno;
        d->col = s->col_offset;
    }
}

static void st_arg_annotation(Compiler *c, Arg *a)
{
    if (a && a->annotation)
        st_expr(c, a->annotation);
}

static void st_annotations(Compiler *c, Arguments *a, Expr *returns)
{
    for (size_t i = 0; i < a->posonlyargs.count; i++)
        st_arg_annotation(c, a->posonlyargs.items[i]);
    for (size_t i = 0; i < a->args.count; i++)
        st_arg_annotation(c, a->args.items[i]);
    st_arg_annotation(c, a->vararg);
    for (size_t i = 0; i < a->kwonlyargs.count; i++)
        st_arg_annotation(c, a->kwonlyargs.items[i]);
    st_arg_annotation(c, a->kwarg);
    if (returns)
        st_expr(c, returns);
}

static Value c_import_store_name(Alias *a)
{
    if (a->asname)
        return a->asname;
    const char *n = c_name(a->name);
    const char *dot = strchr(n, '.');
    if (!dot)
        return a->name;
    Value s = wf_str_new(n, (size_t)(dot - n));
    return wf_str_intern(s);
}

static void st_stmt(Compiler *c, Stmt *s)
{
    switch (s->kind) {
    case WF_STMT_FunctionDef: {
        Arguments *a = s->v.FunctionDef.args;
        st_add(c, s->v.FunctionDef.name, DEF_LOCAL);
        st_exprs(c, &s->v.FunctionDef.decorator_list);
        st_exprs(c, &a->defaults);
        st_exprs(c, &a->kw_defaults);
        st_annotations(c, a, s->v.FunctionDef.returns);
        st_enter(c, SC_FUNCTION, s, s->v.FunctionDef.name, s->lineno);
        st_params(c, a);
        st_stmts(c, &s->v.FunctionDef.body);
        st_leave(c);
        break;
    }
    case WF_STMT_ClassDef:
        st_add(c, s->v.ClassDef.name, DEF_LOCAL);
        st_exprs(c, &s->v.ClassDef.decorator_list);
        st_exprs(c, &s->v.ClassDef.bases);
        for (size_t i = 0; i < s->v.ClassDef.keywords.count; i++)
            st_expr(c, s->v.ClassDef.keywords.items[i]->value);
        st_enter(c, SC_CLASS, s, s->v.ClassDef.name, s->lineno);
        st_stmts(c, &s->v.ClassDef.body);
        st_leave(c);
        break;
    case WF_STMT_Return:
        if (s->v.Return.value)
            st_expr(c, s->v.Return.value);
        break;
    case WF_STMT_Delete: st_exprs(c, &s->v.Delete.targets); break;
    case WF_STMT_Assign: st_expr(c, s->v.Assign.value); st_exprs(c, &s->v.Assign.targets); break;
    case WF_STMT_AugAssign:
        st_expr(c, s->v.AugAssign.value);
        st_expr(c, s->v.AugAssign.target);
        if (s->v.AugAssign.target->kind == WF_EXPR_Name)
            st_add(c, s->v.AugAssign.target->v.Name.id, USE);
        break;
    case WF_STMT_AnnAssign:
        if (s->v.AnnAssign.value)
            st_expr(c, s->v.AnnAssign.value);
        if (s->v.AnnAssign.target->kind == WF_EXPR_Name)
            st_add(c, s->v.AnnAssign.target->v.Name.id, DEF_LOCAL);
        else
            st_expr(c, s->v.AnnAssign.target);
        if (c->st->kind != SC_FUNCTION && s->v.AnnAssign.simple)
            st_expr(c, s->v.AnnAssign.annotation);
        break;
    case WF_STMT_For:
        st_expr(c, s->v.For.iter);
        st_expr(c, s->v.For.target);
        st_stmts(c, &s->v.For.body);
        st_stmts(c, &s->v.For.orelse);
        break;
    case WF_STMT_While:
        st_expr(c, s->v.While.test);
        st_stmts(c, &s->v.While.body);
        st_stmts(c, &s->v.While.orelse);
        break;
    case WF_STMT_If:
        st_expr(c, s->v.If.test);
        st_stmts(c, &s->v.If.body);
        st_stmts(c, &s->v.If.orelse);
        break;
    case WF_STMT_With:
        for (size_t i = 0; i < s->v.With.items.count; i++) {
            st_expr(c, s->v.With.items.items[i]->context_expr);
            if (s->v.With.items.items[i]->optional_vars)
                st_expr(c, s->v.With.items.items[i]->optional_vars);
        }
        st_stmts(c, &s->v.With.body);
        break;
    case WF_STMT_Raise:
        if (s->v.Raise.exc)
            st_expr(c, s->v.Raise.exc);
        if (s->v.Raise.cause)
            st_expr(c, s->v.Raise.cause);
        break;
    case WF_STMT_Try:
        st_stmts(c, &s->v.Try.body);
        for (size_t i = 0; i < s->v.Try.handlers.count; i++) {
            ExceptHandler *h = s->v.Try.handlers.items[i];
            if (h->type)
                st_expr(c, h->type);
            if (h->name)
                st_add(c, h->name, DEF_LOCAL);
            st_stmts(c, &h->body);
        }
        st_stmts(c, &s->v.Try.orelse);
        st_stmts(c, &s->v.Try.finalbody);
        break;
    case WF_STMT_Assert:
        st_expr(c, s->v.Assert.test);
        if (s->v.Assert.msg)
            st_expr(c, s->v.Assert.msg);
        break;
    case WF_STMT_Import:
        for (size_t i = 0; i < s->v.Import.names.count; i++)
            st_add(c, c_import_store_name(s->v.Import.names.items[i]), DEF_IMPORT);
        break;
    case WF_STMT_ImportFrom:
        for (size_t i = 0; i < s->v.ImportFrom.names.count; i++) {
            Alias *a = s->v.ImportFrom.names.items[i];
            if (wf_str_eq_c(a->name, "*")) {
                if (c->st->kind != SC_MODULE)
                    c_error(c, s->lineno, s->col_offset, "import * only allowed at module level");
                continue;
            }
            st_add(c, a->asname ? a->asname : a->name, DEF_IMPORT);
        }
        break;
    case WF_STMT_Global: st_declare(c, s, &s->v.Global.names, DEF_GLOBAL); break;
    case WF_STMT_Nonlocal:
        if (c->st->kind == SC_MODULE)
            c_error(c, s->lineno, s->col_offset, "nonlocal declaration not allowed at module level");
        st_declare(c, s, &s->v.Nonlocal.names, DEF_NONLOCAL);
        break;
    case WF_STMT_Expr: st_expr(c, s->v.Expr.value); break;
    default:
        break;
    }
}

static void st_stmts(Compiler *c, StmtSeq *seq)
{
    for (size_t i = 0; i < seq->count; i++)
        st_stmt(c, seq->items[i]);
}

/* ---- pass 2: resolving names ---- */

static void analyze_scope(Compiler *c, Scope *s, NameSet *enclosing, NameSet *free_out)
{
    for (int i = 0; i < s->nsyms; i++) {
        Sym *y = &s->syms[i];
        if (y->flags & DEF_GLOBAL) {
            y->scope = R_GLOBAL_EXPLICIT;
        } else if (y->flags & DEF_NONLOCAL) {
            if (!ns_has(enclosing, y->name))
                c_error(c, y->lineno ? y->lineno : s->lineno, y->col, "no binding for nonlocal '%s' found",
                        c_name(y->name));
            y->scope = R_FREE;
        } else if (y->flags & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)) {
            y->scope = R_LOCAL;
        } else if (s->kind != SC_MODULE && ns_has(enclosing, y->name)) {
            y->scope = R_FREE;
        } else {
            y->scope = R_GLOBAL_IMPLICIT;
        }
    }
    NameSet bound = {0};
    if (s->kind != SC_MODULE) {
        for (int i = 0; i < enclosing->n; i++) {
            Sym *y = st_find(s, enclosing->v[i]);
            if (!y || y->scope != R_GLOBAL_EXPLICIT)
                ns_add(&bound, enclosing->v[i]);
        }
    }
    if (s->kind == SC_FUNCTION)
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i].scope == R_LOCAL)
                ns_add(&bound, s->syms[i].name);
    if (s->kind == SC_CLASS)
        ns_add(&bound, wf_str_intern_c("__class__"));
    NameSet child_free = {0};
    for (int i = 0; i < s->nchildren; i++)
        analyze_scope(c, s->children[i], &bound, &child_free);
    for (int i = 0; i < child_free.n; i++) {
        Value name = child_free.v[i];
        Sym *y = st_find(s, name);
        if (s->kind == SC_CLASS && wf_str_eq_c(name, "__class__")) {
            s->needs_class_cell = 1;
            continue;
        }
        if (s->kind == SC_FUNCTION && y && (y->scope == R_LOCAL || y->scope == R_CELL)) {
            y->scope = R_CELL;
            continue;
        }
        if (y && y->scope == R_FREE)
            continue;
        if (s->kind == SC_CLASS) {
            if (y && y->scope == R_GLOBAL_IMPLICIT)
                y->scope = R_FREE;
            else if (!y || y->scope != R_FREE)
                ns_add(&s->classfree, name);
            continue;
        }
        if (s->kind == SC_MODULE)
            continue;
        if (!y)
            y = st_sym(s, name);
        y->scope = R_FREE;
    }
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].scope == R_FREE)
            ns_add(free_out, s->syms[i].name);
    for (int i = 0; i < s->classfree.n; i++)
        ns_add(free_out, s->classfree.v[i]);
    ns_free(&bound);
    ns_free(&child_free);
}

/* ---- pass 3: code generation ---- */

static int c_new_label(Compiler *c)
{
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        u->caplabels = u->caplabels ? u->caplabels * 2 : 32;
        u->labels = wf_mem_realloc(u->labels, sizeof(int) * (size_t)u->caplabels);
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void c_use_label(Compiler *c, int label) { c->u->labels[label] = c->u->n; }

static void c_emit_full(Compiler *c, int op, int arg, int target)
{
    Unit *u = c->u;
    if (u->n == u->cap) {
        u->cap = u->cap ? u->cap * 2 : 64;
        u->ins = wf_mem_realloc(u->ins, sizeof(Instr) * (size_t)u->cap);
    }
    u->ins[u->n++] = (Instr){op, arg, target, u->lineno};
}

static void c_emit(Compiler *c, int op, int arg) { c_emit_full(c, op, arg, -1); }
static void c_emit0(Compiler *c, int op) { c_emit_full(c, op, 0, -1); }
static void c_jump(Compiler *c, int op, int label) { c_emit_full(c, op, 0, label); }

static bool c_same_const(Value a, Value b)
{
    if (a == b)
        return true;
    if (wf_type(a) != wf_type(b))
        return false;
    if (wf_is_str_exact(a))
        return wf_str_eq(a, b);
    if (wf_is_float_exact(a)) {
        double x = wf_float_val(a), y = wf_float_val(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (wf_type(a) == &wf_type_int && wf_is_obj(a)) {
        int eq = wf_equal(a, b);
        wf_err_clear();
        return eq == 1;
    }
    return false;
}

static int c_add_const(Compiler *c, Value v)
{
    Value list = c->u->consts;
    size_t n = wf_list_size(list);
    if (wf_is_small(v) || wf_is_str_exact(v)) {
        /* the common constants through an index (a 100000-entry display
         * compiles in linear time): dict equality of tagged ints and exact
         * strs is c_same_const's */
        Unit *u = c->u;
        if (!u->constidx)
            u->constidx = wf_dict_new();
        Value ix = wf_dict_get(u->constidx, v);
        if (ix)
            return (int)wf_small_val(ix);
        wf_list_append(list, v);
        if (wf_dict_set(u->constidx, v, wf_small((intptr_t)n)) < 0)
            c_fail(c);
        return (int)n;
    }
    for (size_t i = 0; i < n; i++)
        if (c_same_const(wf_list_get(list, i), v))
            return (int)i;
    wf_list_append(list, v);
    return (int)n;
}

/* Every constant a code object loads is immortal: LOAD_CONST then touches
 * no reference count, and threads running the same code share no written
 * cache line (a float or a str constant would otherwise be counted
 * atomically by every thread but its owner). Tuples and frozensets of
 * constants are walked: their items are constants too.
 * LEAK: constants live as long as the process, as their code objects do. */
static void c_immortalize_consts(Value consts)
{
    TupleObject *t = wf_as_tuple(consts);
    for (size_t i = 0; i < t->size; i++) {
        Value v = t->items[i];
        if (!wf_is_obj(v))
            continue;
        if (wf_is_tuple_exact(v))
            c_immortalize_consts(v);   /* an immortal tuple may hold mortal items */
        wf_make_immortal(v);
    }
}

static int c_list_index(Value list, Value name, bool add)
{
    size_t n = wf_list_size(list);
    for (size_t i = 0; i < n; i++)
        if (wf_list_get(list, i) == name || wf_str_eq(wf_list_get(list, i), name))
            return (int)i;
    if (!add)
        return -1;
    wf_list_append(list, name);
    return (int)n;
}

static void c_load_const(Compiler *c, Value v) { c_emit(c, OP_LOAD_CONST, c_add_const(c, v)); }
static void c_load_none(Compiler *c) { c_load_const(c, wf_None); }
static int c_name_index(Compiler *c, Value name) { return c_list_index(c->u->names, name, true); }
static int c_attr_index(Compiler *c, Value name)
{
    return c_name_index(c, c_mangle(c->u->scope->private, name));
}

static void c_enter_unit(Compiler *c, Scope *s, Value name, Value qualname, int lineno)
{
    Unit *u = wf_mem_calloc(1, sizeof(Unit));
    u->parent = c->u;
    u->scope = s;
    u->consts = wf_list_new(0);
    u->names = wf_list_new(0);
    u->varnames = wf_list_new(0);
    u->cellvars = wf_list_new(0);
    u->freevars = wf_list_new(0);
    u->name = name;
    u->qualname = qualname;
    u->lineno = u->firstlineno = lineno;
    if (s->kind == SC_FUNCTION) {
        for (int i = 0; i < s->params.n; i++)
            wf_list_append(u->varnames, s->params.v[i]);
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i].scope == R_LOCAL)
                c_list_index(u->varnames, s->syms[i].name, true);
    }
    for (int i = 0; i < s->nsyms; i++) {
        if (s->syms[i].scope == R_CELL)
            wf_list_append(u->cellvars, s->syms[i].name);
        else if (s->syms[i].scope == R_FREE)
            wf_list_append(u->freevars, s->syms[i].name);
    }
    if (s->needs_class_cell)
        wf_list_append(u->cellvars, wf_str_intern_c("__class__"));
    for (int i = 0; i < s->classfree.n; i++)
        c_list_index(u->freevars, s->classfree.v[i], true);
    c->u = u;
}

static Sym *c_lookup(Compiler *c, Value name)
{
    return st_find(c->u->scope, name);
}

/* The localsplus index of a cell or free variable of the current unit. */
static int c_deref_index(Compiler *c, Value name)
{
    Unit *u = c->u;
    int nlocals = (int)wf_list_size(u->varnames);
    int i = c_list_index(u->cellvars, name, false);
    if (i >= 0)
        return nlocals + i;
    i = c_list_index(u->freevars, name, false);
    if (i >= 0)
        return nlocals + (int)wf_list_size(u->cellvars) + i;
    wf_err_format(wf_exc_SystemError, "compiler: no cell for '%U'", name);
    c_fail(c);
}

static void c_nameop(Compiler *c, Value name, ExprContext ctx)
{
    Unit *u = c->u;
    name = c_mangle(u->scope->private, name);
    Sym *y = c_lookup(c, name);
    int scope = y ? y->scope : R_GLOBAL_IMPLICIT;
    int kind = u->scope->kind;
    static const int fast[] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
    static const int deref[] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
    static const int glob[] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL};
    static const int nam[] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
    if (scope == R_FREE || scope == R_CELL) {
        if (kind == SC_CLASS && ctx == WF_CTX_Load) {
            c_emit(c, OP_LOAD_CLASSDEREF, c_deref_index(c, name));
            return;
        }
        if (kind != SC_MODULE) {
            c_emit(c, deref[ctx], c_deref_index(c, name));
            return;
        }
    }
    if (scope == R_GLOBAL_EXPLICIT || (scope == R_GLOBAL_IMPLICIT && kind == SC_FUNCTION)) {
        c_emit(c, glob[ctx], c_name_index(c, name));
        return;
    }
    if (kind == SC_FUNCTION && scope == R_LOCAL) {
        /* varnames is fixed when the unit starts: cells are numbered after it. */
        int idx = c_list_index(u->varnames, name, false);
        if (idx < 0) {
            wf_err_format(wf_exc_SystemError, "compiler: local '%U' missing from varnames", name);
            c_fail(c);
        }
        c_emit(c, fast[ctx], idx);
        return;
    }
    c_emit(c, nam[ctx], c_name_index(c, name));
}

/* ---- assembler ---- */

typedef struct HNode {
    int label;
    int depth;
    int parent;               /* index or -1 */
} HNode;

typedef struct Work {
    int i, depth, node;
} Work;

static bool c_is_jump(int op)
{
    return op == P_JUMP || op == P_JUMP_NO_INTERRUPT || (op < 256 && (wf_op_flags[op] & (WF_OPF_JUMP | WF_OPF_JUMP_BACK)));
}

static int c_units_for_arg(int arg)
{
    return arg < 0x100 ? 1 : arg < 0x10000 ? 2 : arg < 0x1000000 ? 3 : 4;
}

/* Flow analysis: stack depth at every instruction and its handler node. */
static int c_flow(Compiler *c, int *depth, int *hnode, HNode **nodes_out)
{
    Unit *u = c->u;
    int nnodes = 0, capnodes = 16, maxdepth = 0;
    HNode *nodes = wf_mem_alloc(sizeof(HNode) * (size_t)capnodes);
    int capw = 64, nw = 0;
    Work *w = wf_mem_alloc(sizeof(Work) * (size_t)capw);
    for (int i = 0; i < u->n; i++)
        depth[i] = -1;
    w[nw++] = (Work){0, 0, -1};
    while (nw) {
        Work cur = w[--nw];
        int i = cur.i, d = cur.depth, node = cur.node;
        while (i < u->n && depth[i] < 0) {
            Instr *in = &u->ins[i];
            depth[i] = d;
            hnode[i] = node;
            int push_target = -1, target_depth = d, fallthrough = 1;
            if (in->op == P_SETUP_FINALLY || in->op == P_SETUP_CLEANUP || in->op == P_SETUP_WITH) {
                if (nnodes == capnodes)
                    nodes = wf_mem_realloc(nodes, sizeof(HNode) * (size_t)(capnodes *= 2));
                int hd = in->op == P_SETUP_WITH ? d - 1 : d;
                nodes[nnodes] = (HNode){in->target, hd, node};
                push_target = in->target;
                target_depth = hd + 1;
                Work tw = {u->labels[push_target], target_depth, node};
                if (nw == capw)
                    w = wf_mem_realloc(w, sizeof(Work) * (size_t)(capw *= 2));
                w[nw++] = tw;
                push_target = -1;
                node = nnodes++;
            } else if (in->op == P_POP_BLOCK) {
                node = node >= 0 ? nodes[node].parent : -1;
            } else if (in->op == P_JUMP || in->op == P_JUMP_NO_INTERRUPT) {
                push_target = in->target;
                fallthrough = 0;
            } else {
                int pops = wf_op_pops(in->op, in->arg), pushes = wf_op_pushes(in->op, in->arg);
                if (pops < 0 || d - pops < 0) {
                    wf_err_format(wf_exc_SystemError, "compiler: stack underflow at %d in %U (%s)", i,
                                  u->qualname, wf_opcode_names[in->op]);
                    return -1;
                }
                d = d - pops + pushes;
                target_depth = d;
                if (c_is_jump(in->op))
                    push_target = in->target;
                if (in->op == OP_RETURN_VALUE || in->op == OP_RERAISE || in->op == OP_RAISE_VARARGS)
                    fallthrough = 0;
            }
            if (d > maxdepth)
                maxdepth = d;
            if (push_target >= 0) {
                if (nw == capw)
                    w = wf_mem_realloc(w, sizeof(Work) * (size_t)(capw *= 2));
                w[nw++] = (Work){u->labels[push_target], target_depth, node};
            }
            if (!fallthrough)
                break;
            i++;
        }
    }
    wf_mem_free(w);
    *nodes_out = nodes;
    return maxdepth;
}

static Value c_list_to_tuple(Value list)
{
    Value t = wf_list_as_tuple(list);
    wf_decref(list);
    return t;
}

static bool c_is_pseudo_block(int op)
{
    return op == P_SETUP_FINALLY || op == P_SETUP_CLEANUP || op == P_SETUP_WITH || op == P_POP_BLOCK;
}

/* The real opcode of a jump given its direction. */
static int c_jump_opcode(Compiler *c, Instr *in, bool forward)
{
    if (in->op == P_JUMP)
        return forward ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD;
    if (in->op == P_JUMP_NO_INTERRUPT)
        return forward ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD_NO_INTERRUPT;
    if (!forward && !(wf_op_flags[in->op] & WF_OPF_JUMP_BACK)) {
        wf_err_format(wf_exc_SystemError, "compiler: backward conditional jump in %U", c->u->qualname);
        c_fail(c);
    }
    return in->op;
}

/* Give every instruction its size in code units and offset, resolving jump
 * opargs. Sizes only grow (an EXTENDED_ARG 0 prefix is harmless), so the
 * iteration reaches a fixed point. */
static void c_layout(Compiler *c, int *size, int *off)
{
    Unit *u = c->u;
    int n = u->n;
    for (int i = 0; i < n; i++) {
        int op = u->ins[i].op;
        size[i] = c_is_pseudo_block(op) ? 0 : op < 256 ? c_units_for_arg(u->ins[i].arg) + wf_op_cache[op] : 1;
    }
    for (bool changed = true; changed;) {
        int o = 0;
        for (int i = 0; i < n; i++) {
            off[i] = o;
            o += size[i];
        }
        off[n] = o;
        changed = false;
        for (int i = 0; i < n; i++) {
            Instr *in = &u->ins[i];
            if (!c_is_jump(in->op))
                continue;
            int end = off[i] + size[i], t = off[u->labels[in->target]];
            in->arg = t >= end ? t - end : end - t;
            int ns = c_units_for_arg(in->arg) + wf_op_cache[c_jump_opcode(c, in, t >= end)];
            if (ns > size[i]) {
                size[i] = ns;
                changed = true;
            }
        }
    }
}

typedef struct Tables {
    LineEntry *lines;
    uint32_t nlines;
    ExcEntry *exc;
    uint32_t nexc;
} Tables;

static void c_add_line(Tables *t, uint32_t off, int line, int *lastline)
{
    if (line <= 0 || line == *lastline)
        return;
    t->lines[t->nlines++] = (LineEntry){off, line};
    *lastline = line;
}

static void c_add_handler(Tables *t, uint32_t start, uint32_t end, uint32_t target, uint32_t depth)
{
    ExcEntry *last = t->nexc ? &t->exc[t->nexc - 1] : NULL;
    if (last && last->end == start && last->target == target && last->depth == depth)
        last->end = end;
    else
        t->exc[t->nexc++] = (ExcEntry){start, end, target, depth};
}

/* Write the code units (with EXTENDED_ARG prefixes), line and exception tables. */
static CodeUnit *c_emit_code(Compiler *c, const int *size, const int *off, const int *depth, const int *hnode,
                             const HNode *nodes, Tables *t)
{
    Unit *u = c->u;
    int n = u->n, lastline = -1;
    CodeUnit *code = wf_mem_calloc((size_t)off[n] + 1, sizeof(CodeUnit));
    t->lines = wf_mem_alloc(sizeof(LineEntry) * (size_t)(n + 1));
    t->exc = wf_mem_alloc(sizeof(ExcEntry) * (size_t)(n + 1));
    t->nlines = t->nexc = 0;
    for (int i = 0; i < n; i++) {
        if (size[i] == 0)
            continue;
        Instr *in = &u->ins[i];
        int op = in->op;
        if (c_is_jump(op))
            op = c_jump_opcode(c, in, off[u->labels[in->target]] >= off[i] + size[i]);
        int nu = size[i] - wf_op_cache[op];
        CodeUnit *p = code + off[i];
        for (int k = nu - 1; k >= 1; k--)
            *p++ = WF_UNIT(OP_EXTENDED_ARG, (in->arg >> (8 * k)) & 0xff);
        *p = WF_UNIT(op, in->arg & 0xff);
        c_add_line(t, (uint32_t)off[i], in->lineno > 0 ? in->lineno : lastline, &lastline);
        if (depth[i] >= 0 && hnode[i] >= 0) {
            const HNode *h = &nodes[hnode[i]];
            c_add_handler(t, (uint32_t)off[i], (uint32_t)(off[i] + size[i]), (uint32_t)off[u->labels[h->label]],
                          (uint32_t)h->depth);
        }
    }
    return code;
}

static void c_dump_instrs(Compiler *c, const int *depth)
{
    Unit *u = c->u;
    for (int i = 0; i < u->n; i++)
        fprintf(stderr, "%4d d=%3d %-24s %d -> L%d(%d)\n", i, depth[i],
                u->ins[i].op < 256 ? wf_opcode_names[u->ins[i].op] : "pseudo", u->ins[i].arg, u->ins[i].target,
                u->ins[i].target >= 0 ? u->labels[u->ins[i].target] : -1);
}

static Value c_make_code(Compiler *c, CodeUnit *code, uint32_t ncode, Tables *t, int stacksize)
{
    Unit *u = c->u;
    CodeSpec spec = {
        .code = code, .ncode = ncode,
        .lines = t->lines, .nlines = t->nlines,
        .exctable = t->exc, .nexc = t->nexc,
        .argcount = u->argcount, .posonlyargcount = u->posonly, .kwonlyargcount = u->kwonly,
        .flags = u->flags, .stacksize = stacksize, .firstlineno = u->firstlineno,
        .consts = c_list_to_tuple(u->consts), .names = c_list_to_tuple(u->names),
        .varnames = c_list_to_tuple(u->varnames), .cellvars = c_list_to_tuple(u->cellvars),
        .freevars = c_list_to_tuple(u->freevars),
        .name = u->name, .qualname = u->qualname, .filename = c->filename_v,
    };
    wf_make_immortal(spec.consts);
    c_immortalize_consts(spec.consts);
    wf_make_immortal(spec.names);
    wf_make_immortal(spec.varnames);
    wf_make_immortal(spec.cellvars);
    wf_make_immortal(spec.freevars);
    return wf_code_new(&spec);
}

static Value c_assemble(Compiler *c)
{
    Unit *u = c->u;
    int n = u->n;
    int *depth = wf_mem_alloc(sizeof(int) * (size_t)(n + 1));
    int *hnode = wf_mem_alloc(sizeof(int) * (size_t)(n + 1));
    int *size = wf_mem_alloc(sizeof(int) * (size_t)(n + 1));
    int *off = wf_mem_alloc(sizeof(int) * (size_t)(n + 1));
    HNode *nodes;
    int maxdepth = c_flow(c, depth, hnode, &nodes);
    if (maxdepth < 0) {
        if (getenv("WEFT_DIS"))
            c_dump_instrs(c, depth);
        c_fail(c);
    }
    for (int l = 0; l < u->nlabels; l++)
        if (u->labels[l] < 0)
            u->labels[l] = n;   /* never placed: points at the end */
    c_layout(c, size, off);
    Tables t;
    CodeUnit *code = c_emit_code(c, size, off, depth, hnode, nodes, &t);
    uint32_t ncode = (uint32_t)off[n];
    wf_mem_free(depth);
    wf_mem_free(hnode);
    wf_mem_free(size);
    wf_mem_free(off);
    wf_mem_free(nodes);
    return c_make_code(c, code, ncode, &t, maxdepth + 1);
}

static Value c_leave_unit(Compiler *c)
{
    Value code = c_assemble(c);
    Unit *u = c->u;
    c->u = u->parent;
    wf_decref(u->constidx);
    wf_mem_free(u->ins);
    wf_mem_free(u->labels);
    wf_mem_free(u);
    return code;
}

/* ---- expressions ---- */

static void c_expr(Compiler *c, Expr *e);
static bool c_fold(Expr *e, int depth);
static void c_stmts(Compiler *c, StmtSeq *seq);
static void c_stmt(Compiler *c, Stmt *s);

static void c_exprs(Compiler *c, ExprSeq *seq)
{
    for (size_t i = 0; i < seq->count; i++)
        c_expr(c, seq->items[i]);
}

static bool c_has_starred(ExprSeq *seq)
{
    for (size_t i = 0; i < seq->count; i++)
        if (seq->items[i]->kind == WF_EXPR_Starred)
            return true;
    return false;
}

/* Before a conditional jump on e's value: TO_BOOL, whose specialized forms
 * test the common types inline and take the jump (docs/specialization.md,
 * "Truth"). A comparison leaves a bool and takes the jump itself; a
 * constant is rare enough for the jump's own test. With specialization off
 * (PYTHON_SPECIALIZE=0) the jump tests the value itself, as before TO_BOOL
 * existed: the generic TO_BOOL would only add its counter's upkeep. */
static void c_to_bool(Compiler *c, Expr *e)
{
    if (wf_specialization_enabled && e->kind != WF_EXPR_Compare && e->kind != WF_EXPR_Constant)
        c_emit0(c, OP_TO_BOOL);
}

/* Jump to label if bool(e) == cond; fall through otherwise. */
static void c_jump_if(Compiler *c, Expr *e, int label, int cond)
{
    if (e->kind == WF_EXPR_UnaryOp && e->v.UnaryOp.op == WF_UOP_Not) {
        c_jump_if(c, e->v.UnaryOp.operand, label, !cond);
        return;
    }
    if (e->kind == WF_EXPR_BoolOp) {
        ExprSeq *vals = &e->v.BoolOp.values;
        int is_or = e->v.BoolOp.op == WF_BOOLOP_Or;
        if (cond == is_or) {
            /* or + jump-if-true / and + jump-if-false: any operand decides. */
            for (size_t i = 0; i < vals->count; i++)
                c_jump_if(c, vals->items[i], label, cond);
        } else {
            int next = c_new_label(c);
            for (size_t i = 0; i + 1 < vals->count; i++)
                c_jump_if(c, vals->items[i], next, !cond);
            c_jump_if(c, vals->items[vals->count - 1], label, cond);
            c_use_label(c, next);
        }
        return;
    }
    c_expr(c, e);
    c_to_bool(c, e);
    c_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

static void c_cmpop(Compiler *c, int op)
{
    if (op <= WF_CMP_GtE)
        c_emit(c, OP_COMPARE_OP, op);
    else if (op == WF_CMP_Is || op == WF_CMP_IsNot)
        c_emit(c, OP_IS_OP, op == WF_CMP_IsNot);
    else
        c_emit(c, OP_CONTAINS_OP, op == WF_CMP_NotIn);
}

static bool c_is_literal(Expr *e)
{
    switch (e->kind) {
    case WF_EXPR_Constant: {
        Value v = e->v.Constant.value;
        return v != wf_None && v != wf_True && v != wf_False && v != wf_Ellipsis;
    }
    case WF_EXPR_Tuple: case WF_EXPR_List: case WF_EXPR_Dict: case WF_EXPR_Set:
    case WF_EXPR_ListComp: case WF_EXPR_SetComp: case WF_EXPR_DictComp: case WF_EXPR_JoinedStr:
        return true;
    default:
        return false;
    }
}

static void c_syntax_warning(Compiler *c, int lineno, const char *text)
{
    char msg[1300], line[1024];
    snprintf(msg, sizeof msg, "%s:%d: SyntaxWarning: %s\n", c->filename, lineno, text);
    wf_sys_write_stderr(msg);
    c_source_line(c, lineno, line, sizeof line);
    const char *p = line;
    while (*p == ' ' || *p == '\t')
        p++;
    if (c->filename[0] != '<' && *p) {
        snprintf(msg, sizeof msg, "  %s\n", p);
        wf_sys_write_stderr(msg);
    }
    if (wf_err_occurred())
        wf_err_clear();
}

/* The type a literal expression will certainly have, or NULL. */
static const char *c_literal_type(Expr *e)
{
    switch (e->kind) {
    case WF_EXPR_Constant: return wf_type_name(e->v.Constant.value);
    case WF_EXPR_Tuple: return "tuple";
    case WF_EXPR_List: case WF_EXPR_ListComp: return "list";
    case WF_EXPR_Dict: case WF_EXPR_DictComp: return "dict";
    case WF_EXPR_Set: case WF_EXPR_SetComp: return "set";
    case WF_EXPR_GeneratorExp: return "generator";
    case WF_EXPR_JoinedStr: return "str";
    case WF_EXPR_Lambda: return "function";
    default: return NULL;
    }
}

/* `5()` / `5[0]`: CPython warns at compile time (a missing comma). */
static void c_check_caller(Compiler *c, Expr *f)
{
    const char *t = c_literal_type(f);
    if (!t || f->kind == WF_EXPR_Lambda)
        return;
    char msg[200];
    snprintf(msg, sizeof msg, "'%s' object is not callable; perhaps you missed a comma?", t);
    c_syntax_warning(c, f->lineno, msg);
}

static void c_check_subscripter(Compiler *c, Expr *v)
{
    const char *t = c_literal_type(v);
    if (!t || !strcmp(t, "str") || !strcmp(t, "tuple") || !strcmp(t, "list") || !strcmp(t, "dict") ||
        !strcmp(t, "bytes"))
        return;
    char msg[200];
    snprintf(msg, sizeof msg, "'%s' object is not subscriptable; perhaps you missed a comma?", t);
    c_syntax_warning(c, v->lineno, msg);
}

/* CPython's SyntaxWarning for `x is 1`, printed as warnings.showwarning does. */
static void c_check_compare(Compiler *c, Expr *e)
{
    Expr *left = e->v.Compare.left;
    for (size_t i = 0; i < e->v.Compare.ops.count; i++) {
        int op = e->v.Compare.ops.items[i];
        Expr *right = e->v.Compare.comparators.items[i];
        if ((op == WF_CMP_Is || op == WF_CMP_IsNot) && (c_is_literal(left) || c_is_literal(right))) {
            char msg[200];
            snprintf(msg, sizeof msg, "\"%s\" with a literal. Did you mean \"%s\"?",
                     op == WF_CMP_Is ? "is" : "is not", op == WF_CMP_Is ? "==" : "!=");
            c_syntax_warning(c, e->lineno, msg);
        }
        left = right;
    }
}

static void c_compare(Compiler *c, Expr *e)
{
    size_t n = e->v.Compare.ops.count;
    c_check_compare(c, e);
    c_expr(c, e->v.Compare.left);
    if (n == 1) {
        c_expr(c, e->v.Compare.comparators.items[0]);
        c_cmpop(c, e->v.Compare.ops.items[0]);
        return;
    }
    int cleanup = c_new_label(c), end = c_new_label(c);
    for (size_t i = 0; i + 1 < n; i++) {
        c_expr(c, e->v.Compare.comparators.items[i]);
        c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_COPY, 2);
        c_cmpop(c, e->v.Compare.ops.items[i]);
        c_emit(c, OP_COPY, 1);
        c_jump(c, OP_POP_JUMP_IF_FALSE, cleanup);
        c_emit0(c, OP_POP_TOP);
    }
    c_expr(c, e->v.Compare.comparators.items[n - 1]);
    c_cmpop(c, e->v.Compare.ops.items[n - 1]);
    c_jump(c, P_JUMP, end);
    c_use_label(c, cleanup);
    c_emit(c, OP_SWAP, 2);
    c_emit0(c, OP_POP_TOP);
    c_use_label(c, end);
}

/* Build a list/tuple/set display that contains *starred items. */
static void c_starred_display(Compiler *c, ExprSeq *elts, int kind)
{
    size_t i = 0;
    while (i < elts->count && elts->items[i]->kind != WF_EXPR_Starred)
        c_expr(c, elts->items[i++]);
    c_emit(c, kind == WF_EXPR_Set ? OP_BUILD_SET : OP_BUILD_LIST, (int)i);
    for (; i < elts->count; i++) {
        Expr *x = elts->items[i];
        if (x->kind == WF_EXPR_Starred) {
            c_expr(c, x->v.Starred.value);
            c_emit(c, kind == WF_EXPR_Set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            c_expr(c, x);
            c_emit(c, kind == WF_EXPR_Set ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (kind == WF_EXPR_Tuple)
        c_emit0(c, OP_LIST_TO_TUPLE);
}

static Value c_const_tuple(ExprSeq *elts)
{
    for (size_t i = 0; i < elts->count; i++)
        if (elts->items[i]->kind != WF_EXPR_Constant)
            return 0;
    Value t = wf_tuple_new(elts->count);
    for (size_t i = 0; i < elts->count; i++)
        wf_as_tuple(t)->items[i] = wf_incref(elts->items[i]->v.Constant.value);
    wf_make_immortal(t);   /* LEAK: constants live as long as their code */
    return t;
}

static void c_sequence(Compiler *c, ExprSeq *elts, int kind)
{
    if (c_has_starred(elts)) {
        c_starred_display(c, elts, kind);
        return;
    }
    for (size_t i = 0; i < elts->count; i++)
        c_fold(elts->items[i], 0);
    if (kind == WF_EXPR_Tuple && elts->count > 0) {
        Value t = c_const_tuple(elts);
        if (t) {
            c_load_const(c, t);
            return;
        }
    }
    if (elts->count > 2) {
        /* CPython: a list or set display of more than two constants is built
         * from one constant (a tuple, or a frozenset for sets, whose table
         * layout SET_UPDATE copies: this is what makes {5, 3, 1} print in
         * CPython's order). */
        Value t = c_const_tuple(elts);
        if (t) {
            c_emit(c, kind == WF_EXPR_Set ? OP_BUILD_SET : OP_BUILD_LIST, 0);
            if (kind == WF_EXPR_Set) {
                Value fs = wf_frozenset_const(t);
                if (!fs)
                    wf_err_clear();   /* unhashable cannot happen for these constants */
                else {
                    wf_make_immortal(fs);
                    t = fs;
                }
            }
            c_load_const(c, t);
            c_emit(c, kind == WF_EXPR_Set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
            return;
        }
    }
    c_exprs(c, elts);
    c_emit(c, kind == WF_EXPR_Tuple ? OP_BUILD_TUPLE : kind == WF_EXPR_List ? OP_BUILD_LIST : OP_BUILD_SET,
           (int)elts->count);
}

static void c_dict(Compiler *c, Expr *e)
{
    ExprSeq *keys = &e->v.Dict.keys, *vals = &e->v.Dict.values;
    size_t n = keys->count, i = 0;
    int have = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && keys->items[i]) {
            c_expr(c, keys->items[i]);
            c_expr(c, vals->items[i]);
            i++;
        }
        if (i > start || !have) {
            c_emit(c, OP_BUILD_MAP, (int)(i - start));
            if (have)
                c_emit(c, OP_DICT_UPDATE, 1);
            have = 1;
        }
        if (i < n) {
            c_expr(c, vals->items[i]);
            c_emit(c, OP_DICT_UPDATE, 1);
            i++;
        }
    }
    if (!have)
        c_emit(c, OP_BUILD_MAP, 0);
}

static void c_subscript_slice(Compiler *c, Expr *sl)
{
    if (sl->kind == WF_EXPR_Slice) {
        if (sl->v.Slice.lower) c_expr(c, sl->v.Slice.lower); else c_load_none(c);
        if (sl->v.Slice.upper) c_expr(c, sl->v.Slice.upper); else c_load_none(c);
        if (sl->v.Slice.step) c_expr(c, sl->v.Slice.step); else c_load_none(c);
        c_emit0(c, OP_BUILD_SLICE);
    } else {
        c_expr(c, sl);
    }
}

/* Keyword arguments as a dict for CALL_FUNCTION_EX (pushes NULL if none). */
static void c_call_kwargs_dict(Compiler *c, KeywordSeq *kws)
{
    if (kws->count == 0) {
        c_emit0(c, OP_PUSH_NULL);
        return;
    }
    size_t i = 0;
    int have = 0;
    while (i < kws->count) {
        size_t start = i;
        while (i < kws->count && kws->items[i]->arg) {
            c_load_const(c, kws->items[i]->arg);
            c_expr(c, kws->items[i]->value);
            i++;
        }
        if (i > start) {
            c_emit(c, OP_BUILD_MAP, (int)(i - start));
            if (have)
                c_emit(c, OP_DICT_MERGE, 1);
            have = 1;
        }
        if (i < kws->count) {
            if (!have) {
                c_emit(c, OP_BUILD_MAP, 0);
                have = 1;
            }
            c_expr(c, kws->items[i]->value);
            c_emit(c, OP_DICT_MERGE, 1);
            i++;
        }
    }
}

static void c_check_keywords(Compiler *c, KeywordSeq *kws)
{
    for (size_t i = 0; i < kws->count; i++) {
        Keyword *k = kws->items[i];
        if (!k->arg)
            continue;
        for (size_t j = i + 1; j < kws->count; j++)
            if (kws->items[j]->arg && wf_str_eq(kws->items[j]->arg, k->arg))
                c_error(c, kws->items[j]->lineno, kws->items[j]->col_offset, "keyword argument repeated: %s",
                        c_name(k->arg));
    }
}

/* The callee (and self or NULL) are on the stack; push the arguments and call. */
static void c_call_args(Compiler *c, ExprSeq *args, KeywordSeq *kws, int nprefix)
{
    bool ex = c_has_starred(args);
    for (size_t i = 0; i < kws->count; i++)
        if (!kws->items[i]->arg)
            ex = true;
    c_check_keywords(c, kws);
    if (ex) {
        if (args->count == 1 && args->items[0]->kind == WF_EXPR_Starred && nprefix == 0) {
            c_expr(c, args->items[0]->v.Starred.value);
        } else {
            /* nprefix values already pushed (class bases follow the name) */
            size_t i = 0;
            while (i < args->count && args->items[i]->kind != WF_EXPR_Starred)
                c_expr(c, args->items[i++]);
            c_emit(c, OP_BUILD_LIST, (int)i + nprefix);
            for (; i < args->count; i++) {
                Expr *x = args->items[i];
                if (x->kind == WF_EXPR_Starred) {
                    c_expr(c, x->v.Starred.value);
                    c_emit(c, OP_LIST_EXTEND, 1);
                } else {
                    c_expr(c, x);
                    c_emit(c, OP_LIST_APPEND, 1);
                }
            }
            c_emit0(c, OP_LIST_TO_TUPLE);
        }
        c_call_kwargs_dict(c, kws);
        c_emit0(c, OP_CALL_FUNCTION_EX);
        return;
    }
    c_exprs(c, args);
    if (kws->count) {
        Value names = wf_tuple_new(kws->count);
        for (size_t i = 0; i < kws->count; i++) {
            c_expr(c, kws->items[i]->value);
            wf_as_tuple(names)->items[i] = wf_incref(kws->items[i]->arg);
        }
        wf_make_immortal(names);
        c_load_const(c, names);
        c_emit(c, OP_CALL_KW, (int)(args->count + kws->count) + nprefix);
    } else {
        c_emit(c, OP_CALL, (int)args->count + nprefix);
    }
}

static void c_call(Compiler *c, Expr *e)
{
    Expr *f = e->v.Call.func;
    c_check_caller(c, f);
    bool ex = c_has_starred(&e->v.Call.args);
    for (size_t i = 0; i < e->v.Call.keywords.count; i++)
        if (!e->v.Call.keywords.items[i]->arg)
            ex = true;
    if (f->kind == WF_EXPR_Attribute && f->v.Attribute.ctx == WF_CTX_Load && !ex) {
        c_expr(c, f->v.Attribute.value);
        int saved = c->u->lineno;
        c->u->lineno = f->end_lineno > 0 ? f->end_lineno : f->lineno;
        c_emit(c, OP_LOAD_METHOD, c_attr_index(c, f->v.Attribute.attr));
        c->u->lineno = saved;
    } else {
        c_expr(c, f);
        c_emit0(c, OP_PUSH_NULL);
    }
    c_call_args(c, &e->v.Call.args, &e->v.Call.keywords, 0);
}

static void c_fstring(Compiler *c, Expr *e)
{
    ExprSeq *vals = &e->v.JoinedStr.values;
    if (vals->count == 0) {
        c_load_const(c, wf_str_intern_c(""));
        return;
    }
    for (size_t i = 0; i < vals->count; i++)
        c_expr(c, vals->items[i]);
    if (vals->count > 1 || vals->items[0]->kind != WF_EXPR_FormattedValue)
        c_emit(c, OP_BUILD_STRING, (int)vals->count);
}

static void c_formatted(Compiler *c, Expr *e)
{
    c_expr(c, e->v.FormattedValue.value);
    int conv = e->v.FormattedValue.conversion;
    if (conv == 's' || conv == 'r' || conv == 'a')
        c_emit(c, OP_CONVERT_VALUE, conv == 's' ? 1 : conv == 'r' ? 2 : 3);
    if (e->v.FormattedValue.format_spec) {
        c_expr(c, e->v.FormattedValue.format_spec);
        c_emit0(c, OP_FORMAT_WITH_SPEC);
    } else {
        c_emit0(c, OP_FORMAT_SIMPLE);
    }
}

static Value c_qualname(Compiler *c, Value name)
{
    Unit *u = c->u;
    if (!u || u->scope->kind == SC_MODULE)
        return name;
    Sym *y = st_find(u->scope, name);
    if (y && y->scope == R_GLOBAL_EXPLICIT)
        return name;
    Value q = u->scope->kind == SC_FUNCTION ? wf_str_printf("%U.<locals>.%U", u->qualname, name)
                                            : wf_str_printf("%U.%U", u->qualname, name);
    return wf_str_intern(q);
}

/* Push the closure tuple for the child code (if it has free variables). */
static int c_closure(Compiler *c, Value code)
{
    CodeObject *co = wf_as_code(code);
    if (co->nfree == 0)
        return 0;
    for (int i = 0; i < co->nfree; i++) {
        Value name = wf_tuple_get(co->freevars, i);
        c_emit(c, OP_LOAD_CLOSURE, c_deref_index(c, name));
    }
    c_emit(c, OP_BUILD_TUPLE, co->nfree);
    return WF_FUNC_CLOSURE;
}

static void c_make_function(Compiler *c, Value code, int flags)
{
    c_load_const(c, code);
    c_emit0(c, OP_MAKE_FUNCTION);
    if (flags & WF_FUNC_CLOSURE)
        c_emit(c, OP_SET_FUNCTION_ATTRIBUTE, WF_FUNC_CLOSURE);
    if (flags & WF_FUNC_ANNOTATIONS)
        c_emit(c, OP_SET_FUNCTION_ATTRIBUTE, WF_FUNC_ANNOTATIONS);
    if (flags & WF_FUNC_KWDEFAULTS)
        c_emit(c, OP_SET_FUNCTION_ATTRIBUTE, WF_FUNC_KWDEFAULTS);
    if (flags & WF_FUNC_DEFAULTS)
        c_emit(c, OP_SET_FUNCTION_ATTRIBUTE, WF_FUNC_DEFAULTS);
}

/* Evaluate defaults and kw-defaults in the enclosing scope. */
static int c_defaults(Compiler *c, Arguments *a)
{
    int flags = 0;
    if (a->defaults.count) {
        c_exprs(c, &a->defaults);
        c_emit(c, OP_BUILD_TUPLE, (int)a->defaults.count);
        flags |= WF_FUNC_DEFAULTS;
    }
    int nkw = 0;
    for (size_t i = 0; i < a->kwonlyargs.count; i++) {
        if (i < a->kw_defaults.count && a->kw_defaults.items[i]) {
            c_load_const(c, c_mangle(c->u->scope->private, a->kwonlyargs.items[i]->arg));
            c_expr(c, a->kw_defaults.items[i]);
            nkw++;
        }
    }
    if (nkw) {
        c_emit(c, OP_BUILD_MAP, nkw);
        flags |= WF_FUNC_KWDEFAULTS;
    }
    return flags;
}

static int c_arg_annotation(Compiler *c, Arg *a)
{
    if (!a || !a->annotation)
        return 0;
    c_load_const(c, c_mangle(c->u->scope->private, a->arg));
    c_expr(c, a->annotation);
    return 1;
}

/* The __annotations__ dict, evaluated at definition time (3.11 semantics). */
static int c_annotations(Compiler *c, Arguments *a, Expr *returns)
{
    int n = 0;
    if (c->future_annotations)
        return 0;
    for (size_t i = 0; i < a->posonlyargs.count; i++)
        n += c_arg_annotation(c, a->posonlyargs.items[i]);
    for (size_t i = 0; i < a->args.count; i++)
        n += c_arg_annotation(c, a->args.items[i]);
    n += c_arg_annotation(c, a->vararg);
    for (size_t i = 0; i < a->kwonlyargs.count; i++)
        n += c_arg_annotation(c, a->kwonlyargs.items[i]);
    n += c_arg_annotation(c, a->kwarg);
    if (returns) {
        c_load_const(c, wf_str_intern_c("return"));
        c_expr(c, returns);
        n++;
    }
    if (!n)
        return 0;
    c_emit(c, OP_BUILD_MAP, n);
    return WF_FUNC_ANNOTATIONS;
}

static void c_function_unit_setup(Compiler *c, Arguments *a, Scope *s)
{
    Unit *u = c->u;
    u->argcount = (int)(a->posonlyargs.count + a->args.count);
    u->posonly = (int)a->posonlyargs.count;
    u->kwonly = (int)a->kwonlyargs.count;
    u->flags = WF_CO_OPTIMIZED | WF_CO_NEWLOCALS;
    if (a->vararg)
        u->flags |= WF_CO_VARARGS;
    if (a->kwarg)
        u->flags |= WF_CO_VARKEYWORDS;
    if (s->generator)
        u->flags |= WF_CO_GENERATOR;
    if (u->parent && u->parent->scope->kind == SC_FUNCTION)
        u->flags |= WF_CO_NESTED;
}

static void c_lambda(Compiler *c, Expr *e)
{
    Arguments *a = e->v.Lambda.args;
    int flags = c_defaults(c, a);
    Scope *s = c_scope_of(c, e);
    Value name = wf_str_intern_c("<lambda>");
    c_enter_unit(c, s, name, c_qualname(c, name), e->lineno);
    c_function_unit_setup(c, a, s);
    c_add_const(c, wf_None);   /* no docstring */
    c_expr(c, e->v.Lambda.body);
    if (!s->generator)
        c_emit0(c, OP_RETURN_VALUE);
    else {
        c_emit0(c, OP_POP_TOP);
        c_load_none(c);
        c_emit0(c, OP_RETURN_VALUE);
    }
    Value code = c_leave_unit(c);
    flags |= c_closure(c, code);
    c_make_function(c, code, flags);
}

static void c_comprehension_loop(Compiler *c, Expr *e, ComprehensionSeq *gens, size_t gi, Expr *elt, Expr *val)
{
    Comprehension *g = gens->items[gi];
    int start = c_new_label(c), cleanup = c_new_label(c), anchor = c_new_label(c);
    if (gi == 0) {
        c_emit(c, OP_LOAD_FAST, 0);   /* .0 */
    } else {
        c_expr(c, g->iter);
        c_emit0(c, OP_GET_ITER);
    }
    c_use_label(c, start);
    c_jump(c, OP_FOR_ITER, anchor);
    c_expr(c, g->target);
    for (size_t i = 0; i < g->ifs.count; i++)
        c_jump_if(c, g->ifs.items[i], cleanup, 0);
    if (gi + 1 < gens->count) {
        c_comprehension_loop(c, e, gens, gi + 1, elt, val);
    } else {
        int depth = (int)gens->count + 1;
        switch (e->kind) {
        case WF_EXPR_ListComp: c_expr(c, elt); c_emit(c, OP_LIST_APPEND, depth); break;
        case WF_EXPR_SetComp: c_expr(c, elt); c_emit(c, OP_SET_ADD, depth); break;
        case WF_EXPR_DictComp: c_expr(c, elt); c_expr(c, val); c_emit(c, OP_MAP_ADD, depth); break;
        default:
            c_expr(c, elt);
            c_emit(c, OP_YIELD_VALUE, 0);
            c_emit0(c, OP_POP_TOP);
            break;
        }
    }
    c_use_label(c, cleanup);
    c_jump(c, P_JUMP, start);
    c_use_label(c, anchor);
    c_emit0(c, OP_END_FOR);
}

static void c_comprehension(Compiler *c, Expr *e, ComprehensionSeq *gens, Expr *elt, Expr *val)
{
    Scope *s = c_scope_of(c, e);
    c_enter_unit(c, s, s->name, c_qualname(c, s->name), e->lineno);
    Unit *u = c->u;
    u->argcount = 1;
    u->flags = WF_CO_OPTIMIZED | WF_CO_NEWLOCALS | (s->generator ? WF_CO_GENERATOR : 0);
    c_add_const(c, wf_None);
    /* Comprehension targets are Store-context expressions; make the units' line follow e. */
    if (e->kind == WF_EXPR_ListComp)
        c_emit(c, OP_BUILD_LIST, 0);
    else if (e->kind == WF_EXPR_SetComp)
        c_emit(c, OP_BUILD_SET, 0);
    else if (e->kind == WF_EXPR_DictComp)
        c_emit(c, OP_BUILD_MAP, 0);
    c_comprehension_loop(c, e, gens, 0, elt, val);
    if (e->kind == WF_EXPR_GeneratorExp)
        c_load_none(c);
    c_emit0(c, OP_RETURN_VALUE);
    Value code = c_leave_unit(c);
    int flags = c_closure(c, code);
    c_make_function(c, code, flags);
    c_emit0(c, OP_PUSH_NULL);
    c_expr(c, gens->items[0]->iter);
    c_emit0(c, OP_GET_ITER);
    c_emit(c, OP_CALL, 1);
}

static void c_store(Compiler *c, Expr *t);

static void c_unpack_store(Compiler *c, ExprSeq *elts, Expr *t)
{
    size_t n = elts->count;
    int star = -1;
    for (size_t i = 0; i < n; i++) {
        if (elts->items[i]->kind == WF_EXPR_Starred) {
            if (star >= 0)
                c_error(c, t->lineno, t->col_offset, "multiple starred expressions in assignment");
            star = (int)i;
        }
    }
    if (star >= 0) {
        int after = (int)n - star - 1;
        if (star > 255 || after > 255)
            c_error(c, t->lineno, t->col_offset, "too many expressions in star-unpacking assignment");
        c_emit(c, OP_UNPACK_EX, star | (after << 8));
    } else {
        c_emit(c, OP_UNPACK_SEQUENCE, (int)n);
    }
    for (size_t i = 0; i < n; i++) {
        Expr *x = elts->items[i];
        c_store(c, x->kind == WF_EXPR_Starred ? x->v.Starred.value : x);
    }
}

/* Store the value on top of the stack into target t. */
static void c_store(Compiler *c, Expr *t)
{
    int saved = c->u->lineno;
    c->u->lineno = t->lineno;
    switch (t->kind) {
    case WF_EXPR_Name: c_nameop(c, t->v.Name.id, WF_CTX_Store); break;
    case WF_EXPR_Attribute:
        c_expr(c, t->v.Attribute.value);
        c_emit(c, OP_STORE_ATTR, c_attr_index(c, t->v.Attribute.attr));
        break;
    case WF_EXPR_Subscript:
        c_expr(c, t->v.Subscript.value);
        c_subscript_slice(c, t->v.Subscript.slice);
        c_emit0(c, OP_STORE_SUBSCR);
        break;
    case WF_EXPR_Tuple: c_unpack_store(c, &t->v.Tuple.elts, t); break;
    case WF_EXPR_List: c_unpack_store(c, &t->v.List.elts, t); break;
    case WF_EXPR_Starred:
        c_error(c, t->lineno, t->col_offset, "starred assignment target must be in a list or tuple");
    default:
        c_error(c, t->lineno, t->col_offset, "cannot assign to expression");
    }
    c->u->lineno = saved;
}

/* ---- constant folding (CPython 3.11 Python/ast_opt.c, same size limits) ----
 * Unary -, +, ~ and binary operators on int/float/str/tuple constants, and
 * tuples of constants, are replaced by their value, so that {-1, 2**40, 3}
 * is a display of constants (compiled through a frozenset as CPython does).
 * An operation that raises is left to run time. Folded values are immortal,
 * like every constant of an (immortal) code object. */
enum { FOLD_MAX_INT_BITS = 128, FOLD_MAX_COLLECTION = 256, FOLD_MAX_STR = 4096, FOLD_MAX_TOTAL = 1024 };

static bool c_fold_int(Value v) { return wf_is_small(v) || wf_is_type_exact(v, &wf_type_int) || wf_is_type_exact(v, &wf_type_bool); }

static bool c_fold_operand(Value v)
{
    return c_fold_int(v) || wf_is_float_exact(v) || wf_is_str_exact(v) || wf_is_tuple_exact(v);
}

static long c_fold_bits(Value v)
{
    if (wf_is_small(v)) {
        intptr_t x = wf_small_val(v);
        uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        return m ? 64 - __builtin_clzll(m) : 0;
    }
    if (v == wf_True)
        return 1;
    if (v == wf_False)
        return 0;
    double d = wf_int_as_double(v);
    if (wf_err_occurred()) {
        wf_err_clear();
        return 1L << 20;
    }
    int e = 0;
    frexp(fabs(d), &e);
    return e;
}

static intptr_t c_fold_len(Value v)
{
    if (wf_is_str_exact(v) || wf_is_tuple_exact(v)) {
        intptr_t n = wf_len(v);
        if (n < 0)
            wf_err_clear();
        return n;
    }
    return -1;
}

static bool c_fold_safe_binop(Value a, Value b, int op)
{
    switch (op) {
    case WF_BINOP_MUL: {
        if (c_fold_int(a) && c_fold_int(b)) {
            if (wf_int_sign(a) == 0 || wf_int_sign(b) == 0)
                return true;
            return c_fold_bits(a) + c_fold_bits(b) <= FOLD_MAX_INT_BITS;
        }
        Value seq = c_fold_int(a) ? b : a, n = c_fold_int(a) ? a : b;
        intptr_t len = c_fold_len(seq);
        if (len < 0 || !c_fold_int(n))
            return true;   /* float * float etc. */
        int64_t k;
        if (wf_int_as_i64(n, &k) < 0) {
            wf_err_clear();
            return false;
        }
        if (k <= 0 || len == 0)
            return true;
        intptr_t limit = wf_is_str_exact(seq) ? FOLD_MAX_STR : FOLD_MAX_COLLECTION;
        return k <= limit / len;
    }
    case WF_BINOP_POW:
        if (c_fold_int(a) && c_fold_int(b) && wf_int_sign(b) > 0) {
            long vb = c_fold_bits(a);
            int64_t w;
            if (wf_int_as_i64(b, &w) < 0) {
                wf_err_clear();
                return false;
            }
            return vb == 0 || w <= FOLD_MAX_INT_BITS / vb;
        }
        return true;
    case WF_BINOP_LSHIFT:
        if (c_fold_int(a) && c_fold_int(b)) {
            long vb = c_fold_bits(a);
            int64_t w;
            if (wf_int_as_i64(b, &w) < 0) {
                wf_err_clear();
                return false;
            }
            if (w < 0)
                return false;   /* error at run time */
            if (vb == 0 || w == 0)
                return true;
            return vb <= FOLD_MAX_INT_BITS && w <= FOLD_MAX_INT_BITS - vb;
        }
        return true;
    case WF_BINOP_MOD:
        return !wf_is_str_exact(a);   /* str % args may warn or depend on formatting */
    case WF_BINOP_MATMUL:
        return false;
    default:
        return true;
    }
}

static void c_fold_set(Expr *e, Value v)
{
    wf_make_immortal(v);   /* LEAK: constants live as long as their code */
    e->kind = WF_EXPR_Constant;
    memset(&e->v, 0, sizeof e->v);
    e->v.Constant.value = v;
}

/* Fold e in place when it is a constant expression; true if e is now a Constant.
 * Too deep a tree is left alone (c_expr reports it). */
static bool c_fold(Expr *e, int depth)
{
    if (depth > C_MAX_DEPTH)
        return e->kind == WF_EXPR_Constant;
    switch (e->kind) {
    case WF_EXPR_Constant:
        return true;
    case WF_EXPR_UnaryOp: {
        if (e->v.UnaryOp.op == WF_UOP_Not || !c_fold(e->v.UnaryOp.operand, depth + 1))
            return false;
        Value x = e->v.UnaryOp.operand->v.Constant.value;
        if (!c_fold_int(x) && !wf_is_float_exact(x))
            return false;
        int op = e->v.UnaryOp.op == WF_UOP_Invert ? WF_UNOP_INVERT
                 : e->v.UnaryOp.op == WF_UOP_UAdd ? WF_UNOP_POS : WF_UNOP_NEG;
        Value r = wf_unary(x, op);
        if (!r) {
            wf_err_clear();
            return false;
        }
        c_fold_set(e, r);
        return true;
    }
    case WF_EXPR_BinOp: {
        bool l = c_fold(e->v.BinOp.left, depth + 1);
        bool r = c_fold(e->v.BinOp.right, depth + 1);
        if (!l || !r)
            return false;
        Value a = e->v.BinOp.left->v.Constant.value, b = e->v.BinOp.right->v.Constant.value;
        if (!c_fold_operand(a) || !c_fold_operand(b) || !c_fold_safe_binop(a, b, e->v.BinOp.op))
            return false;
        Value res = wf_binop(a, b, e->v.BinOp.op);
        if (!res) {
            wf_err_clear();
            return false;
        }
        intptr_t n = c_fold_len(res);
        if ((wf_is_str_exact(res) && n > FOLD_MAX_STR) || (wf_is_tuple_exact(res) && n > FOLD_MAX_COLLECTION)) {
            wf_decref(res);
            return false;
        }
        c_fold_set(e, res);
        return true;
    }
    case WF_EXPR_Tuple: {
        if (e->v.Tuple.ctx != WF_CTX_Load)
            return false;
        ExprSeq *elts = &e->v.Tuple.elts;
        bool all = elts->count > 0;
        for (size_t i = 0; i < elts->count; i++)
            if (!c_fold(elts->items[i], depth + 1))
                all = false;
        if (!all)
            return false;
        Value t = wf_tuple_new(elts->count);
        for (size_t i = 0; i < elts->count; i++)
            wf_as_tuple(t)->items[i] = wf_incref(elts->items[i]->v.Constant.value);
        c_fold_set(e, t);
        return true;
    }
    default:
        return false;
    }
}

static void c_expr_inner(Compiler *c, Expr *e)
{
    int fold_skip = c->fold_skip;
    c->fold_skip = 0;
    switch (e->kind) {
    case WF_EXPR_BoolOp: {
        int end = c_new_label(c);
        ExprSeq *vals = &e->v.BoolOp.values;
        for (size_t i = 0; i + 1 < vals->count; i++) {
            c_expr(c, vals->items[i]);
            c_emit(c, OP_COPY, 1);
            c_to_bool(c, vals->items[i]);
            c_jump(c, e->v.BoolOp.op == WF_BOOLOP_Or ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, end);
            c_emit0(c, OP_POP_TOP);
        }
        c_expr(c, vals->items[vals->count - 1]);
        c_use_label(c, end);
        break;
    }
    case WF_EXPR_NamedExpr:
        c_expr(c, e->v.NamedExpr.value);
        c_emit(c, OP_COPY, 1);
        c_store(c, e->v.NamedExpr.target);
        break;
    case WF_EXPR_BinOp:
        if (!fold_skip && c_fold(e, 0)) {
            c_load_const(c, e->v.Constant.value);
            break;
        }
        /* c_fold went through the operands already: not again (linear, not
         * quadratic, in the depth of an operator chain) */
        c->fold_skip = 1;
        c_expr(c, e->v.BinOp.left);
        c->fold_skip = 1;
        c_expr(c, e->v.BinOp.right);
        c_emit(c, OP_BINARY_OP, e->v.BinOp.op);
        break;
    case WF_EXPR_UnaryOp: {
        if (!fold_skip && c_fold(e, 0)) {
            c_load_const(c, e->v.Constant.value);
            break;
        }
        Expr *o = e->v.UnaryOp.operand;
        c->fold_skip = 1;
        c_expr(c, o);
        switch (e->v.UnaryOp.op) {
        case WF_UOP_Invert: c_emit0(c, OP_UNARY_INVERT); break;
        case WF_UOP_Not: c_emit0(c, OP_UNARY_NOT); break;
        case WF_UOP_UAdd: c_emit0(c, OP_UNARY_POSITIVE); break;
        default: c_emit0(c, OP_UNARY_NEGATIVE); break;
        }
        break;
    }
    case WF_EXPR_Lambda: c_lambda(c, e); break;
    case WF_EXPR_IfExp: {
        int orelse = c_new_label(c), end = c_new_label(c);
        c_jump_if(c, e->v.IfExp.test, orelse, 0);
        c_expr(c, e->v.IfExp.body);
        c_jump(c, P_JUMP, end);
        c_use_label(c, orelse);
        c_expr(c, e->v.IfExp.orelse);
        c_use_label(c, end);
        break;
    }
    case WF_EXPR_Dict: c_dict(c, e); break;
    case WF_EXPR_Set: c_sequence(c, &e->v.Set.elts, WF_EXPR_Set); break;
    case WF_EXPR_ListComp: c_comprehension(c, e, &e->v.ListComp.generators, e->v.ListComp.elt, NULL); break;
    case WF_EXPR_SetComp: c_comprehension(c, e, &e->v.SetComp.generators, e->v.SetComp.elt, NULL); break;
    case WF_EXPR_DictComp:
        c_comprehension(c, e, &e->v.DictComp.generators, e->v.DictComp.key, e->v.DictComp.value);
        break;
    case WF_EXPR_GeneratorExp:
        c_comprehension(c, e, &e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
        break;
    case WF_EXPR_Yield:
        if (e->v.Yield.value)
            c_expr(c, e->v.Yield.value);
        else
            c_load_none(c);
        c_emit(c, OP_YIELD_VALUE, 0);
        break;
    case WF_EXPR_YieldFrom: {
        int start = c_new_label(c), end = c_new_label(c);
        c_expr(c, e->v.YieldFrom.value);
        c_emit0(c, OP_GET_YIELD_FROM_ITER);
        c_load_none(c);
        c_use_label(c, start);
        c_jump(c, OP_SEND, end);
        c_emit(c, OP_YIELD_VALUE, 1);
        c_jump(c, P_JUMP_NO_INTERRUPT, start);
        c_use_label(c, end);
        c_emit0(c, OP_END_SEND);
        break;
    }
    case WF_EXPR_Compare: c_compare(c, e); break;
    case WF_EXPR_Call: c_call(c, e); break;
    case WF_EXPR_FormattedValue: c_formatted(c, e); break;
    case WF_EXPR_JoinedStr: c_fstring(c, e); break;
    case WF_EXPR_Constant: c_load_const(c, e->v.Constant.value); break;
    case WF_EXPR_Attribute:
        c_expr(c, e->v.Attribute.value);
        if (e->v.Attribute.ctx == WF_CTX_Load)
            c_emit(c, OP_LOAD_ATTR, c_attr_index(c, e->v.Attribute.attr));
        else
            c_emit(c, OP_DELETE_ATTR, c_attr_index(c, e->v.Attribute.attr));
        break;
    case WF_EXPR_Subscript:
        if (e->v.Subscript.ctx == WF_CTX_Load)
            c_check_subscripter(c, e->v.Subscript.value);
        c_expr(c, e->v.Subscript.value);
        c_subscript_slice(c, e->v.Subscript.slice);
        c_emit0(c, e->v.Subscript.ctx == WF_CTX_Load ? OP_BINARY_SUBSCR : OP_DELETE_SUBSCR);
        break;
    case WF_EXPR_Starred:
        c_error(c, e->lineno, e->col_offset, "can't use starred expression here");
    case WF_EXPR_Name: c_nameop(c, e->v.Name.id, e->v.Name.ctx); break;
    case WF_EXPR_List:
        if (e->v.List.ctx == WF_CTX_Store) {
            c_store(c, e);
            break;
        }
        c_sequence(c, &e->v.List.elts, WF_EXPR_List);
        break;
    case WF_EXPR_Tuple:
        if (e->v.Tuple.ctx == WF_CTX_Store) {
            c_store(c, e);
            break;
        }
        c_sequence(c, &e->v.Tuple.elts, WF_EXPR_Tuple);
        break;
    case WF_EXPR_Slice:
        c_subscript_slice(c, e);
        break;
    default:
        wf_err_set_str(wf_exc_SystemError, "compiler: unknown expression");
        c_fail(c);
    }
}

static void c_expr(Compiler *c, Expr *e)
{
    /* Store-context targets reached through comprehensions and for loops. */
    if ((e->kind == WF_EXPR_Name && e->v.Name.ctx == WF_CTX_Store) ||
        (e->kind == WF_EXPR_Attribute && e->v.Attribute.ctx == WF_CTX_Store) ||
        (e->kind == WF_EXPR_Subscript && e->v.Subscript.ctx == WF_CTX_Store) ||
        (e->kind == WF_EXPR_Starred && e->v.Starred.ctx == WF_CTX_Store)) {
        c->fold_skip = 0;
        c_store(c, e);
        return;
    }
    int saved = c->u->lineno;
    c->u->lineno = e->lineno;
    c_enter(c);
    c_expr_inner(c, e);
    c->depth--;
    c->u->lineno = saved;
}

/* ---- statements ---- */

static void c_push_fblock(Compiler *c, int type, int start, int exit, Value name, StmtSeq *finalbody)
{
    Unit *u = c->u;
    if (u->nfb >= 20)   /* CPython's CO_MAXBLOCKS */
        c_error(c, u->lineno, 0, "too many statically nested blocks");
    u->fb[u->nfb++] = (FBlock){type, start, exit, name, finalbody};
}

static void c_pop_fblock(Compiler *c) { c->u->nfb--; }

static void c_clear_name(Compiler *c, Value name)
{
    c_load_none(c);
    c_nameop(c, name, WF_CTX_Store);
    c_nameop(c, name, WF_CTX_Del);
}

static void c_call_exit_none(Compiler *c)
{
    c_emit0(c, OP_PUSH_NULL);
    c_load_none(c);
    c_load_none(c);
    c_load_none(c);
    c_emit(c, OP_CALL, 3);
    c_emit0(c, OP_POP_TOP);
}

/* Leave one block on the way out for return/break/continue. */
static void c_unwind_fblock(Compiler *c, FBlock *fb, int preserve_tos)
{
    switch (fb->type) {
    case FB_WHILE:
    case FB_EXCEPTION_HANDLER:
        break;
    case FB_FOR:
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_emit0(c, OP_POP_TOP);
        break;
    case FB_TRY_EXCEPT:
        c_emit0(c, P_POP_BLOCK);
        break;
    case FB_FINALLY_TRY: {
        c_emit0(c, P_POP_BLOCK);
        /* The finally body runs with the fblock popped (so a return in it
         * does not run it again). */
        FBlock saved = *fb;
        if (preserve_tos)
            c_push_fblock(c, FB_POP_VALUE, -1, -1, 0, NULL);
        c_stmts(c, saved.finalbody);
        if (preserve_tos)
            c_pop_fblock(c);
        break;
    }
    case FB_FINALLY_END:
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_emit0(c, OP_POP_TOP);   /* the exception */
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_emit0(c, P_POP_BLOCK);
        c_emit0(c, OP_POP_EXCEPT);
        break;
    case FB_WITH:
        c_emit0(c, P_POP_BLOCK);
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_call_exit_none(c);
        break;
    case FB_HANDLER_CLEANUP:
        if (fb->name)
            c_emit0(c, P_POP_BLOCK);
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_emit0(c, P_POP_BLOCK);
        c_emit0(c, OP_POP_EXCEPT);
        if (fb->name)
            c_clear_name(c, fb->name);
        break;
    case FB_POP_VALUE:
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_emit0(c, OP_POP_TOP);
        break;
    }
}

/* Unwind blocks down to (not including) a loop, or all for return.
 * Returns the loop block index or -1. */
static int c_unwind_to_loop(Compiler *c, int preserve_tos, bool stop_at_loop)
{
    Unit *u = c->u;
    int saved_n = u->nfb;
    int found = -1;
    /* Finally bodies compiled while unwinding push blocks of their own into
     * the slots being unwound: keep a copy to restore. */
    FBlock saved[100];
    memcpy(saved, u->fb, sizeof(FBlock) * (size_t)saved_n);
    while (u->nfb > 0) {
        FBlock *fb = &u->fb[u->nfb - 1];
        if (stop_at_loop && (fb->type == FB_WHILE || fb->type == FB_FOR)) {
            found = u->nfb - 1;
            break;
        }
        FBlock copy = *fb;
        u->nfb--;
        c_unwind_fblock(c, &copy, preserve_tos);
    }
    memcpy(u->fb, saved, sizeof(FBlock) * (size_t)saved_n);
    u->nfb = saved_n;
    return found;
}

static void c_return(Compiler *c, Stmt *s)
{
    if (c->u->scope->kind != SC_FUNCTION)
        c_error(c, s->lineno, s->col_offset, "'return' outside function");
    if (s->v.Return.value)
        c_expr(c, s->v.Return.value);
    else
        c_load_none(c);
    c_unwind_to_loop(c, 1, false);
    c_emit0(c, OP_RETURN_VALUE);
}

static void c_break_continue(Compiler *c, Stmt *s, bool is_break)
{
    int loop = c_unwind_to_loop(c, 0, true);
    if (loop < 0)
        c_error(c, s->lineno, s->col_offset, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    /* Re-run the unwinding for real, now that we know there is a loop. */
    FBlock *fb = &c->u->fb[loop];
    if (is_break) {
        FBlock copy = *fb;
        c_unwind_fblock(c, &copy, 0);
        c_jump(c, P_JUMP, fb->exit);
    } else {
        c_jump(c, P_JUMP, fb->start);
    }
}

static void c_if(Compiler *c, Stmt *s)
{
    int end = c_new_label(c);
    if (s->v.If.orelse.count) {
        int orelse = c_new_label(c);
        c_jump_if(c, s->v.If.test, orelse, 0);
        c_stmts(c, &s->v.If.body);
        c_jump(c, P_JUMP, end);
        c_use_label(c, orelse);
        c_stmts(c, &s->v.If.orelse);
    } else {
        c_jump_if(c, s->v.If.test, end, 0);
        c_stmts(c, &s->v.If.body);
    }
    c_use_label(c, end);
}

static bool c_is_true_const(Expr *e)
{
    if (e->kind != WF_EXPR_Constant)
        return false;
    Value v = e->v.Constant.value;
    return v == wf_True || (wf_is_small(v) && v != wf_small(0));
}

static void c_while(Compiler *c, Stmt *s)
{
    int start = c_new_label(c), anchor = c_new_label(c), exit = c_new_label(c);
    c_use_label(c, start);
    if (!c_is_true_const(s->v.While.test))
        c_jump_if(c, s->v.While.test, anchor, 0);
    c_push_fblock(c, FB_WHILE, start, exit, 0, NULL);
    c_stmts(c, &s->v.While.body);
    c_pop_fblock(c);
    c->u->lineno = s->lineno;
    c_jump(c, P_JUMP, start);
    c_use_label(c, anchor);
    c_stmts(c, &s->v.While.orelse);
    c_use_label(c, exit);
}

static void c_for(Compiler *c, Stmt *s)
{
    int start = c_new_label(c), cleanup = c_new_label(c), exit = c_new_label(c);
    c_expr(c, s->v.For.iter);
    c_emit0(c, OP_GET_ITER);
    c_use_label(c, start);
    c->u->lineno = s->lineno;
    c_jump(c, OP_FOR_ITER, cleanup);
    c_push_fblock(c, FB_FOR, start, exit, 0, NULL);
    c_store(c, s->v.For.target);
    c_stmts(c, &s->v.For.body);
    c_pop_fblock(c);
    c->u->lineno = s->lineno;
    c_jump(c, P_JUMP, start);
    c_use_label(c, cleanup);
    c_emit0(c, OP_END_FOR);
    c_stmts(c, &s->v.For.orelse);
    c_use_label(c, exit);
}

/* Stack [prev, exc2] at a cleanup handler: restore exc_info and re-raise. */
static void c_pop_except_and_reraise(Compiler *c)
{
    c_emit(c, OP_SWAP, 2);
    c_emit0(c, OP_POP_EXCEPT);
    c_emit0(c, OP_RERAISE);
}

static void c_try_except(Compiler *c, Stmt *s)
{
    int handler = c_new_label(c), cleanup = c_new_label(c), orelse = c_new_label(c), end = c_new_label(c);
    c_jump(c, P_SETUP_FINALLY, handler);
    c_push_fblock(c, FB_TRY_EXCEPT, -1, -1, 0, NULL);
    c_stmts(c, &s->v.Try.body);
    c_pop_fblock(c);
    c_emit0(c, P_POP_BLOCK);
    c_jump(c, P_JUMP, orelse);

    c_use_label(c, handler);
    c_jump(c, P_SETUP_CLEANUP, cleanup);
    c_emit0(c, OP_PUSH_EXC_INFO);
    c_push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, 0, NULL);
    ExceptHandlerSeq *hs = &s->v.Try.handlers;
    for (size_t i = 0; i < hs->count; i++) {
        ExceptHandler *h = hs->items[i];
        c->u->lineno = h->lineno;
        if (!h->type && i + 1 < hs->count)
            c_error(c, h->lineno, h->col_offset, "default 'except:' must be last");
        int next = c_new_label(c);
        if (h->type) {
            c_expr(c, h->type);
            c_emit0(c, OP_CHECK_EXC_MATCH);
            c_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        if (h->name) {
            int cleanup_end = c_new_label(c);
            c_nameop(c, h->name, WF_CTX_Store);
            c_jump(c, P_SETUP_CLEANUP, cleanup_end);
            c_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, h->name, NULL);
            c_stmts(c, &h->body);
            c_pop_fblock(c);
            c_emit0(c, P_POP_BLOCK);
            c_emit0(c, P_POP_BLOCK);
            c_emit0(c, OP_POP_EXCEPT);
            c_clear_name(c, h->name);
            c_jump(c, P_JUMP, end);
            c_use_label(c, cleanup_end);
            c_clear_name(c, h->name);
            c_emit0(c, OP_RERAISE);
        } else {
            c_emit0(c, OP_POP_TOP);
            c_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, 0, NULL);
            c_stmts(c, &h->body);
            c_pop_fblock(c);
            c_emit0(c, P_POP_BLOCK);
            c_emit0(c, OP_POP_EXCEPT);
            c_jump(c, P_JUMP, end);
        }
        c_use_label(c, next);
    }
    c_pop_fblock(c);
    c_emit0(c, OP_RERAISE);   /* nothing matched */
    c_use_label(c, cleanup);
    c_pop_except_and_reraise(c);
    c_use_label(c, orelse);
    c_stmts(c, &s->v.Try.orelse);
    c_use_label(c, end);
}

static void c_try_finally(Compiler *c, Stmt *s)
{
    int handler = c_new_label(c), cleanup = c_new_label(c), end = c_new_label(c);
    c_jump(c, P_SETUP_FINALLY, handler);
    c_push_fblock(c, FB_FINALLY_TRY, -1, -1, 0, &s->v.Try.finalbody);
    if (s->v.Try.handlers.count)
        c_try_except(c, s);
    else
        c_stmts(c, &s->v.Try.body);
    c_pop_fblock(c);
    c_emit0(c, P_POP_BLOCK);
    c_stmts(c, &s->v.Try.finalbody);
    c_jump(c, P_JUMP, end);

    c_use_label(c, handler);
    c_jump(c, P_SETUP_CLEANUP, cleanup);
    c_emit0(c, OP_PUSH_EXC_INFO);
    c_push_fblock(c, FB_FINALLY_END, -1, -1, 0, NULL);
    c_stmts(c, &s->v.Try.finalbody);
    c_pop_fblock(c);
    c_emit0(c, OP_RERAISE);
    c_use_label(c, cleanup);
    c_pop_except_and_reraise(c);
    c_use_label(c, end);
}

static void c_with(Compiler *c, Stmt *s, size_t item)
{
    WithItem *wi = s->v.With.items.items[item];
    int final = c_new_label(c), cleanup = c_new_label(c), suppress = c_new_label(c), end = c_new_label(c);
    c_expr(c, wi->context_expr);
    c_emit0(c, OP_BEFORE_WITH);
    c_jump(c, P_SETUP_WITH, final);
    c_push_fblock(c, FB_WITH, -1, -1, 0, NULL);
    if (wi->optional_vars)
        c_store(c, wi->optional_vars);
    else
        c_emit0(c, OP_POP_TOP);
    if (item + 1 < s->v.With.items.count)
        c_with(c, s, item + 1);
    else
        c_stmts(c, &s->v.With.body);
    c_pop_fblock(c);
    c_emit0(c, P_POP_BLOCK);
    c->u->lineno = s->lineno;
    c_call_exit_none(c);
    c_jump(c, P_JUMP, end);

    c_use_label(c, final);
    c_jump(c, P_SETUP_CLEANUP, cleanup);
    c_emit0(c, OP_PUSH_EXC_INFO);
    c_emit0(c, OP_WITH_EXCEPT_START);
    c_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    c_emit0(c, OP_RERAISE);
    c_use_label(c, suppress);
    c_emit0(c, OP_POP_TOP);
    c_emit0(c, P_POP_BLOCK);
    c_emit0(c, OP_POP_EXCEPT);
    c_emit0(c, OP_POP_TOP);
    c_jump(c, P_JUMP, end);
    c_use_label(c, cleanup);
    c_pop_except_and_reraise(c);
    c_use_label(c, end);
}

static void c_augassign(Compiler *c, Stmt *s)
{
    Expr *t = s->v.AugAssign.target;
    int op = s->v.AugAssign.op | WF_BINOP_INPLACE;
    switch (t->kind) {
    case WF_EXPR_Name:
        c_nameop(c, t->v.Name.id, WF_CTX_Load);
        c_expr(c, s->v.AugAssign.value);
        c_emit(c, OP_BINARY_OP, op);
        c_nameop(c, t->v.Name.id, WF_CTX_Store);
        break;
    case WF_EXPR_Attribute: {
        int idx = c_attr_index(c, t->v.Attribute.attr);
        c_expr(c, t->v.Attribute.value);
        c_emit(c, OP_COPY, 1);
        c_emit(c, OP_LOAD_ATTR, idx);
        c_expr(c, s->v.AugAssign.value);
        c_emit(c, OP_BINARY_OP, op);
        c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_STORE_ATTR, idx);
        break;
    }
    case WF_EXPR_Subscript:
        c_expr(c, t->v.Subscript.value);
        c_subscript_slice(c, t->v.Subscript.slice);
        c_emit(c, OP_COPY, 2);
        c_emit(c, OP_COPY, 2);
        c_emit0(c, OP_BINARY_SUBSCR);
        c_expr(c, s->v.AugAssign.value);
        c_emit(c, OP_BINARY_OP, op);
        c_emit(c, OP_SWAP, 3);
        c_emit(c, OP_SWAP, 2);
        c_emit0(c, OP_STORE_SUBSCR);
        break;
    default:
        c_error(c, t->lineno, t->col_offset, "'%s' is an illegal expression for augmented assignment",
                t->kind == WF_EXPR_Tuple ? "tuple" : t->kind == WF_EXPR_List ? "list" : "expression");
    }
}

static void c_delete(Compiler *c, Expr *t)
{
    switch (t->kind) {
    case WF_EXPR_Name: c_nameop(c, t->v.Name.id, WF_CTX_Del); break;
    case WF_EXPR_Attribute:
        c_expr(c, t->v.Attribute.value);
        c_emit(c, OP_DELETE_ATTR, c_attr_index(c, t->v.Attribute.attr));
        break;
    case WF_EXPR_Subscript:
        c_expr(c, t->v.Subscript.value);
        c_subscript_slice(c, t->v.Subscript.slice);
        c_emit0(c, OP_DELETE_SUBSCR);
        break;
    case WF_EXPR_Tuple:
        for (size_t i = 0; i < t->v.Tuple.elts.count; i++)
            c_delete(c, t->v.Tuple.elts.items[i]);
        break;
    case WF_EXPR_List:
        for (size_t i = 0; i < t->v.List.elts.count; i++)
            c_delete(c, t->v.List.elts.items[i]);
        break;
    default:
        c_error(c, t->lineno, t->col_offset, "cannot delete expression");
    }
}

static void c_import(Compiler *c, Stmt *s)
{
    for (size_t i = 0; i < s->v.Import.names.count; i++) {
        Alias *a = s->v.Import.names.items[i];
        c_load_const(c, wf_small(0));
        c_load_none(c);
        c_emit(c, OP_IMPORT_NAME, c_name_index(c, a->name));
        if (a->asname) {
            const char *n = c_name(a->name), *dot;
            while ((dot = strchr(n, '.')) != NULL) {
                n = dot + 1;
                const char *e = strchr(n, '.');
                Value part = wf_str_intern(wf_str_new(n, e ? (size_t)(e - n) : strlen(n)));
                c_emit(c, OP_LOAD_ATTR, c_name_index(c, part));
            }
            c_nameop(c, a->asname, WF_CTX_Store);
        } else {
            c_nameop(c, c_import_store_name(a), WF_CTX_Store);
        }
    }
}

static void c_import_from(Compiler *c, Stmt *s)
{
    AliasSeq *names = &s->v.ImportFrom.names;
    Value module = s->v.ImportFrom.module ? s->v.ImportFrom.module : wf_str_intern_c("");
    if (wf_str_eq_c(module, "__future__")) {
        for (size_t i = 0; i < names->count; i++)
            if (wf_str_eq_c(names->items[i]->name, "annotations"))
                c->future_annotations = 1;
        return;
    }
    Value fromlist = wf_tuple_new(names->count);
    for (size_t i = 0; i < names->count; i++)
        wf_as_tuple(fromlist)->items[i] = wf_incref(names->items[i]->name);
    wf_make_immortal(fromlist);
    c_load_const(c, wf_small(s->v.ImportFrom.level));
    c_load_const(c, fromlist);
    c_emit(c, OP_IMPORT_NAME, c_name_index(c, module));
    if (names->count == 1 && wf_str_eq_c(names->items[0]->name, "*")) {
        c_emit0(c, OP_IMPORT_STAR);
        return;
    }
    for (size_t i = 0; i < names->count; i++) {
        Alias *a = names->items[i];
        c_emit(c, OP_IMPORT_FROM, c_name_index(c, a->name));
        c_nameop(c, a->asname ? a->asname : a->name, WF_CTX_Store);
    }
    c_emit0(c, OP_POP_TOP);
}

/* Does a module or class body (outside nested scopes) annotate a name? */
static bool c_find_ann(StmtSeq *body)
{
    for (size_t i = 0; i < body->count; i++) {
        Stmt *s = body->items[i];
        switch (s->kind) {
        case WF_STMT_AnnAssign:
            if (s->v.AnnAssign.simple)
                return true;
            break;
        case WF_STMT_For:
            if (c_find_ann(&s->v.For.body) || c_find_ann(&s->v.For.orelse))
                return true;
            break;
        case WF_STMT_While:
            if (c_find_ann(&s->v.While.body) || c_find_ann(&s->v.While.orelse))
                return true;
            break;
        case WF_STMT_If:
            if (c_find_ann(&s->v.If.body) || c_find_ann(&s->v.If.orelse))
                return true;
            break;
        case WF_STMT_With:
            if (c_find_ann(&s->v.With.body))
                return true;
            break;
        case WF_STMT_Try:
            for (size_t j = 0; j < s->v.Try.handlers.count; j++)
                if (c_find_ann(&s->v.Try.handlers.items[j]->body))
                    return true;
            if (c_find_ann(&s->v.Try.body) || c_find_ann(&s->v.Try.orelse) || c_find_ann(&s->v.Try.finalbody))
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

static Value c_docstring(StmtSeq *body)
{
    if (body->count == 0)
        return 0;
    Stmt *s = body->items[0];
    if (s->kind == WF_STMT_Expr && s->v.Expr.value->kind == WF_EXPR_Constant &&
        wf_is_str(s->v.Expr.value->v.Constant.value))
        return s->v.Expr.value->v.Constant.value;
    return 0;
}

/* Apply decorators pushed before the function: each was followed by PUSH_NULL. */
static void c_decorators_push(Compiler *c, ExprSeq *decs)
{
    for (size_t i = 0; i < decs->count; i++) {
        c_expr(c, decs->items[i]);
        c_emit0(c, OP_PUSH_NULL);
    }
}

static void c_decorators_apply(Compiler *c, ExprSeq *decs)
{
    for (size_t i = 0; i < decs->count; i++)
        c_emit(c, OP_CALL, 1);
}

static void c_funcdef(Compiler *c, Stmt *s)
{
    Arguments *a = s->v.FunctionDef.args;
    c_decorators_push(c, &s->v.FunctionDef.decorator_list);
    c->u->lineno = s->lineno;
    int flags = c_defaults(c, a);
    flags |= c_annotations(c, a, s->v.FunctionDef.returns);
    Scope *sc = c_scope_of(c, s);
    Value name = s->v.FunctionDef.name;
    c_enter_unit(c, sc, name, c_qualname(c, name), s->lineno);
    c_function_unit_setup(c, a, sc);
    Value doc = c_docstring(&s->v.FunctionDef.body);
    c_add_const(c, doc ? doc : wf_None);
    StmtSeq body = s->v.FunctionDef.body;
    if (doc) {
        body.items++;
        body.count--;
    }
    c_stmts(c, &body);
    c->u->lineno = -1;
    c_load_none(c);
    c_emit0(c, OP_RETURN_VALUE);
    Value code = c_leave_unit(c);
    flags |= c_closure(c, code);
    c_make_function(c, code, flags);
    c_decorators_apply(c, &s->v.FunctionDef.decorator_list);
    c_nameop(c, name, WF_CTX_Store);
}

static void c_classdef(Compiler *c, Stmt *s)
{
    c_decorators_push(c, &s->v.ClassDef.decorator_list);
    c->u->lineno = s->lineno;
    c_emit0(c, OP_LOAD_BUILD_CLASS);
    c_emit0(c, OP_PUSH_NULL);
    Scope *sc = c_scope_of(c, s);
    Value name = s->v.ClassDef.name;
    Value qualname = c_qualname(c, name);
    c_enter_unit(c, sc, name, qualname, s->lineno);
    c->u->flags = WF_CO_CLASSBODY;
    c_nameop(c, wf_str_intern_c("__name__"), WF_CTX_Load);
    c_nameop(c, wf_str_intern_c("__module__"), WF_CTX_Store);
    c_load_const(c, qualname);
    c_nameop(c, wf_str_intern_c("__qualname__"), WF_CTX_Store);
    if (c_find_ann(&s->v.ClassDef.body))
        c_emit0(c, OP_SETUP_ANNOTATIONS);
    Value doc = c_docstring(&s->v.ClassDef.body);
    StmtSeq body = s->v.ClassDef.body;
    if (doc) {
        c_load_const(c, doc);
        c_nameop(c, wf_str_intern_c("__doc__"), WF_CTX_Store);
        body.items++;
        body.count--;
    }
    c_stmts(c, &body);
    c->u->lineno = -1;
    if (sc->needs_class_cell)
        c_emit(c, OP_LOAD_CLOSURE, c_deref_index(c, wf_str_intern_c("__class__")));
    else
        c_load_none(c);
    c_emit0(c, OP_RETURN_VALUE);
    Value code = c_leave_unit(c);
    c->u->lineno = s->lineno;
    int flags = c_closure(c, code);
    c_make_function(c, code, flags);
    c_load_const(c, name);
    c_call_args(c, &s->v.ClassDef.bases, &s->v.ClassDef.keywords, 2);
    c_decorators_apply(c, &s->v.ClassDef.decorator_list);
    c_nameop(c, name, WF_CTX_Store);
}

static void c_assert(Compiler *c, Stmt *s)
{
    int end = c_new_label(c);
    c_jump_if(c, s->v.Assert.test, end, 1);
    c_emit0(c, OP_LOAD_ASSERTION_ERROR);
    if (s->v.Assert.msg) {
        c_emit0(c, OP_PUSH_NULL);
        c_expr(c, s->v.Assert.msg);
        c_emit(c, OP_CALL, 1);
    }
    c_emit(c, OP_RAISE_VARARGS, 1);
    c_use_label(c, end);
}

static void c_stmt(Compiler *c, Stmt *s)
{
    c->u->lineno = s->lineno;
    switch (s->kind) {
    case WF_STMT_FunctionDef: c_funcdef(c, s); break;
    case WF_STMT_ClassDef: c_classdef(c, s); break;
    case WF_STMT_Return: c_return(c, s); break;
    case WF_STMT_Delete:
        for (size_t i = 0; i < s->v.Delete.targets.count; i++)
            c_delete(c, s->v.Delete.targets.items[i]);
        break;
    case WF_STMT_Assign: {
        ExprSeq *t = &s->v.Assign.targets;
        c_expr(c, s->v.Assign.value);
        for (size_t i = 0; i < t->count; i++) {
            if (i + 1 < t->count)
                c_emit(c, OP_COPY, 1);
            c_store(c, t->items[i]);
        }
        break;
    }
    case WF_STMT_AugAssign: c_augassign(c, s); break;
    case WF_STMT_AnnAssign:
        if (s->v.AnnAssign.value) {
            c_expr(c, s->v.AnnAssign.value);
            c_store(c, s->v.AnnAssign.target);
        }
        if (s->v.AnnAssign.simple && s->v.AnnAssign.target->kind == WF_EXPR_Name &&
            c->u->scope->kind != SC_FUNCTION && !c->future_annotations) {
            c_expr(c, s->v.AnnAssign.annotation);
            c_nameop(c, wf_str_intern_c("__annotations__"), WF_CTX_Load);
            c_load_const(c, c_mangle(c->u->scope->private, s->v.AnnAssign.target->v.Name.id));
            c_emit0(c, OP_STORE_SUBSCR);
        }
        break;
    case WF_STMT_For: c_for(c, s); break;
    case WF_STMT_While: c_while(c, s); break;
    case WF_STMT_If: c_if(c, s); break;
    case WF_STMT_With: c_with(c, s, 0); break;
    case WF_STMT_Raise: {
        int n = 0;
        if (s->v.Raise.exc) {
            c_expr(c, s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                c_expr(c, s->v.Raise.cause);
                n++;
            }
        }
        c_emit(c, OP_RAISE_VARARGS, n);
        break;
    }
    case WF_STMT_Try:
        if (s->v.Try.finalbody.count)
            c_try_finally(c, s);
        else
            c_try_except(c, s);
        break;
    case WF_STMT_Assert: c_assert(c, s); break;
    case WF_STMT_Import: c_import(c, s); break;
    case WF_STMT_ImportFrom: c_import_from(c, s); break;
    case WF_STMT_Global:
    case WF_STMT_Nonlocal:
    case WF_STMT_Pass:
        break;
    case WF_STMT_Expr: {
        Expr *v = s->v.Expr.value;
        if (c->interactive && c->u->scope->kind == SC_MODULE) {
            c_expr(c, v);
            c_emit0(c, OP_PRINT_EXPR);
        } else if (v->kind != WF_EXPR_Constant) {
            c_expr(c, v);
            c_emit0(c, OP_POP_TOP);
        }
        break;
    }
    case WF_STMT_Break: c_break_continue(c, s, true); break;
    case WF_STMT_Continue: c_break_continue(c, s, false); break;
    default:
        wf_err_set_str(wf_exc_SystemError, "compiler: unknown statement");
        c_fail(c);
    }
}

static void c_stmts(Compiler *c, StmtSeq *seq)
{
    for (size_t i = 0; i < seq->count; i++)
        c_stmt(c, seq->items[i]);
}

/* ---- entry points ---- */

static Value c_compile_module(Compiler *c, Mod *mod, int mode)
{
    Scope *top = st_enter(c, SC_MODULE, mod, wf_str_intern_c("<module>"), 1);
    if (mod->kind == WF_MOD_Expression)
        st_expr(c, mod->v.Expression.body);
    else
        st_stmts(c, mod->kind == WF_MOD_Module ? &mod->v.Module.body : &mod->v.Interactive.body);
    c->st = NULL;
    NameSet enclosing = {0}, free = {0};
    analyze_scope(c, top, &enclosing, &free);
    ns_free(&free);
    int first = 1;
    if (mod->kind == WF_MOD_Module && mod->v.Module.body.count)
        first = mod->v.Module.body.items[0]->lineno;
    c_enter_unit(c, top, top->name, top->name, first);
    if (mod->kind == WF_MOD_Expression) {
        c_expr(c, mod->v.Expression.body);
        c_emit0(c, OP_RETURN_VALUE);
    } else {
        StmtSeq body = mod->kind == WF_MOD_Module ? mod->v.Module.body : mod->v.Interactive.body;
        if (c_find_ann(&body))
            c_emit0(c, OP_SETUP_ANNOTATIONS);
        Value doc = mode == WF_MODE_EXEC ? c_docstring(&body) : 0;
        if (doc) {
            c_load_const(c, doc);
            c_nameop(c, wf_str_intern_c("__doc__"), WF_CTX_Store);
            body.items++;
            body.count--;
        }
        c_stmts(c, &body);
        c->u->lineno = -1;
        c_load_none(c);
        c_emit0(c, OP_RETURN_VALUE);
    }
    return c_leave_unit(c);
}

Value wf_compile_mod(Mod *mod, const char *filename, int mode, const char *src, size_t len)
{
    Compiler *c = wf_mem_calloc(1, sizeof(Compiler));
    c->filename = filename;
    c->src = src;
    c->srclen = len;
    c->filename_v = wf_str_intern_c(filename);
    c->interactive = mode == WF_MODE_SINGLE;
    Value code = 0;
    if (setjmp(c->jb) == 0)
        code = c_compile_module(c, mod, mode);
    /* LEAK: on a syntax error the units and scopes of the failed compile. */
    for (int i = 0; i < c->nscopes; i++) {
        Scope *s = c->scopes[i];
        wf_mem_free(s->syms);
        wf_mem_free(s->children);
        ns_free(&s->params);
        ns_free(&s->classfree);
        wf_mem_free(s);
    }
    wf_mem_free(c->scopes);
    wf_mem_free(c);
    return code;
}

Value wf_compile(const char *source, size_t len, const char *filename, int mode)
{
    Arena *arena = wf_arena_new();
    Mod *mod = wf_parse(source, len, filename, mode, arena);
    Value code = mod ? wf_compile_mod(mod, filename, mode, source, len) : 0;
    wf_arena_free(arena);
    return code;
}
