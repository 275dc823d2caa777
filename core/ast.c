/* weft: AST arena and debug dumper. */
/* AST nodes -> arena memory; Mod -> text in the style of ast.dump(). */
#include <stdio.h>
#include <string.h>
#include "ast.h"

/* ---- arena ----
 * Bump allocation in chunks that grow; big requests get a chunk of their
 * own. Constants handed to wf_arena_keep are kept in a separate growable
 * array and decref'd on free. */

typedef struct ArenaChunk {
    struct ArenaChunk *next;
    size_t used, size;
    _Alignas(16) char data[];
} ArenaChunk;

struct Arena {
    ArenaChunk *chunks;
    Value *kept;
    size_t nkept, capkept;
};

#define ARENA_CHUNK 16384

Arena *wf_arena_new(void)
{
    return wf_mem_calloc(1, sizeof(Arena));
}

static ArenaChunk *arena_chunk(Arena *a, size_t need)
{
    size_t size = need > ARENA_CHUNK ? need : ARENA_CHUNK;
    ArenaChunk *c = wf_mem_alloc(sizeof(ArenaChunk) + size);
    c->used = 0;
    c->size = size;
    c->next = a->chunks;
    a->chunks = c;
    return c;
}

void *wf_arena_alloc(Arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    ArenaChunk *c = a->chunks;
    if (!c || c->size - c->used < size)
        c = arena_chunk(a, size);
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

void wf_arena_keep(Arena *a, Value v)
{
    if (!wf_is_obj(v))
        return;
    if (a->nkept == a->capkept) {
        a->capkept = a->capkept ? a->capkept * 2 : 64;
        a->kept = wf_mem_realloc(a->kept, a->capkept * sizeof(Value));
    }
    a->kept[a->nkept++] = v;
}

void wf_arena_free(Arena *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->nkept; i++)
        wf_decref(a->kept[i]);
    wf_mem_free(a->kept);
    ArenaChunk *c = a->chunks;
    while (c) {
        ArenaChunk *n = c->next;
        wf_mem_free(c);
        c = n;
    }
    wf_mem_free(a);
}

/* ---- names ---- */

const char *const wf_ast_expr_names[WF_EXPR_KIND_COUNT] = {
#define X(n) #n,
    WF_EXPR_KINDS(X)
#undef X
};

const char *const wf_ast_stmt_names[WF_STMT_KIND_COUNT] = {
#define X(n) #n,
    WF_STMT_KINDS(X)
#undef X
};

const char *const wf_ast_cmpop_symbols[WF_CMP_COUNT] = {
#define X(n, s) s,
    WF_AST_CMPOPS(X)
#undef X
};

static const char *const ast_cmpop_names[] = {
#define X(n, s) #n,
    WF_AST_CMPOPS(X)
#undef X
};

static const char *const ast_ctx_names[] = {
#define X(n) #n,
    WF_AST_CTXS(X)
#undef X
};

static const char *const ast_unop_names[] = {
#define X(n) #n,
    WF_AST_UNARYOPS(X)
#undef X
};

/* CPython's ast class names for `enum BinOp`, in object.h's order. */
static const char *const ast_binop_names[WF_BINOP_COUNT] = {
    "Add", "Sub", "Mult", "Div", "FloorDiv", "Mod", "Pow", "LShift", "RShift",
    "BitAnd", "BitOr", "BitXor", "MatMult",
};

/* ---- dumper ---- */

typedef struct Dump { FILE *out; bool attrs; } Dump;

/* ", lineno=1, col_offset=0, ..." after the fields, as ast.dump(include_attributes=True). */
static void dump_pos(Dump *d, int l, int c, int el, int ec)
{
    if (d->attrs)
        fprintf(d->out, ", lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d", l, c, el, ec);
}

static void dump_expr(Dump *d, Expr *e);
static void dump_stmts(Dump *d, StmtSeq s);

static void dump_value(Dump *d, Value v)
{
    if (!v) {
        fputs("None", d->out);
        return;
    }
    Value r = wf_repr(v);
    if (!r) {
        wf_err_clear();
        fputs("<?>", d->out);
        return;
    }
    fputs(wf_str_cstr(r), d->out);
    wf_decref(r);
}

static void dump_ident(Dump *d, Value v)
{
    if (!v)
        fputs("None", d->out);
    else
        fprintf(d->out, "'%s'", wf_str_cstr(v));
}

/* A sequence as "[a, b, ...]", each item through dump_one(d, item). */
#define DUMP_SEQ(d, s, dump_one)                    \
    do {                                            \
        fputc('[', (d)->out);                       \
        for (size_t i_ = 0; i_ < (s).count; i_++) { \
            if (i_)                                 \
                fputs(", ", (d)->out);              \
            dump_one((d), (s).items[i_]);           \
        }                                           \
        fputc(']', (d)->out);                       \
    } while (0)

/* An item of an expression list; dict keys and kw_defaults may be None. */
static void dump_expr_or_none(Dump *d, Expr *e)
{
    if (e)
        dump_expr(d, e);
    else
        fputs("None", d->out);
}

static void dump_exprs(Dump *d, ExprSeq s)
{
    DUMP_SEQ(d, s, dump_expr_or_none);
}

static void dump_opt(Dump *d, const char *name, Expr *e)
{
    if (!e)
        return;
    fprintf(d->out, ", %s=", name);
    dump_expr(d, e);
}

static void dump_arg(Dump *d, Arg *a)
{
    fputs("arg(arg=", d->out);
    dump_ident(d, a->arg);
    dump_opt(d, "annotation", a->annotation);
    dump_pos(d, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
    fputc(')', d->out);
}

static void dump_args_seq(Dump *d, ArgSeq s)
{
    DUMP_SEQ(d, s, dump_arg);
}

static void dump_arguments(Dump *d, Arguments *a)
{
    fputs("arguments(posonlyargs=", d->out);
    dump_args_seq(d, a->posonlyargs);
    fputs(", args=", d->out);
    dump_args_seq(d, a->args);
    if (a->vararg) {
        fputs(", vararg=", d->out);
        dump_arg(d, a->vararg);
    }
    fputs(", kwonlyargs=", d->out);
    dump_args_seq(d, a->kwonlyargs);
    fputs(", kw_defaults=", d->out);
    dump_exprs(d, a->kw_defaults);
    if (a->kwarg) {
        fputs(", kwarg=", d->out);
        dump_arg(d, a->kwarg);
    }
    fputs(", defaults=", d->out);
    dump_exprs(d, a->defaults);
    fputc(')', d->out);
}

static void dump_keyword(Dump *d, Keyword *k)
{
    fputs("keyword(", d->out);
    if (k->arg) {
        fputs("arg=", d->out);
        dump_ident(d, k->arg);
        fputs(", ", d->out);
    }
    fputs("value=", d->out);
    dump_expr(d, k->value);
    dump_pos(d, k->lineno, k->col_offset, k->end_lineno, k->end_col_offset);
    fputc(')', d->out);
}

static void dump_keywords(Dump *d, KeywordSeq s)
{
    DUMP_SEQ(d, s, dump_keyword);
}

static void dump_comp(Dump *d, Comprehension *c)
{
    fputs("comprehension(target=", d->out);
    dump_expr(d, c->target);
    fputs(", iter=", d->out);
    dump_expr(d, c->iter);
    fputs(", ifs=", d->out);
    dump_exprs(d, c->ifs);
    fprintf(d->out, ", is_async=%d)", c->is_async);
}

static void dump_comps(Dump *d, ComprehensionSeq s)
{
    DUMP_SEQ(d, s, dump_comp);
}

static void dump_ctx(Dump *d, ExprContext c)
{
    fprintf(d->out, ", ctx=%s()", ast_ctx_names[c]);
}

static void dump_expr(Dump *d, Expr *e)
{
    FILE *o = d->out;
    fprintf(o, "%s(", wf_ast_expr_names[e->kind]);
    switch (e->kind) {
    case WF_EXPR_BoolOp:
        fprintf(o, "op=%s(), values=", e->v.BoolOp.op == WF_BOOLOP_And ? "And" : "Or");
        dump_exprs(d, e->v.BoolOp.values);
        break;
    case WF_EXPR_NamedExpr:
        fputs("target=", o), dump_expr(d, e->v.NamedExpr.target);
        fputs(", value=", o), dump_expr(d, e->v.NamedExpr.value);
        break;
    case WF_EXPR_BinOp:
        fputs("left=", o), dump_expr(d, e->v.BinOp.left);
        fprintf(o, ", op=%s(), right=", ast_binop_names[e->v.BinOp.op]);
        dump_expr(d, e->v.BinOp.right);
        break;
    case WF_EXPR_UnaryOp:
        fprintf(o, "op=%s(), operand=", ast_unop_names[e->v.UnaryOp.op]);
        dump_expr(d, e->v.UnaryOp.operand);
        break;
    case WF_EXPR_Lambda:
        fputs("args=", o), dump_arguments(d, e->v.Lambda.args);
        fputs(", body=", o), dump_expr(d, e->v.Lambda.body);
        break;
    case WF_EXPR_IfExp:
        fputs("test=", o), dump_expr(d, e->v.IfExp.test);
        fputs(", body=", o), dump_expr(d, e->v.IfExp.body);
        fputs(", orelse=", o), dump_expr(d, e->v.IfExp.orelse);
        break;
    case WF_EXPR_Dict:
        fputs("keys=", o), dump_exprs(d, e->v.Dict.keys);
        fputs(", values=", o), dump_exprs(d, e->v.Dict.values);
        break;
    case WF_EXPR_Set:
        fputs("elts=", o), dump_exprs(d, e->v.Set.elts);
        break;
    case WF_EXPR_ListComp:
    case WF_EXPR_SetComp:
    case WF_EXPR_GeneratorExp:
        /* The three share a layout. */
        fputs("elt=", o), dump_expr(d, e->v.ListComp.elt);
        fputs(", generators=", o), dump_comps(d, e->v.ListComp.generators);
        break;
    case WF_EXPR_DictComp:
        fputs("key=", o), dump_expr(d, e->v.DictComp.key);
        fputs(", value=", o), dump_expr(d, e->v.DictComp.value);
        fputs(", generators=", o), dump_comps(d, e->v.DictComp.generators);
        break;
    case WF_EXPR_Yield:
        if (e->v.Yield.value)
            fputs("value=", o), dump_expr(d, e->v.Yield.value);
        break;
    case WF_EXPR_YieldFrom:
        fputs("value=", o), dump_expr(d, e->v.YieldFrom.value);
        break;
    case WF_EXPR_Compare:
        fputs("left=", o), dump_expr(d, e->v.Compare.left);
        fputs(", ops=[", o);
        for (size_t i = 0; i < e->v.Compare.ops.count; i++)
            fprintf(o, "%s%s()", i ? ", " : "", ast_cmpop_names[e->v.Compare.ops.items[i]]);
        fputs("], comparators=", o), dump_exprs(d, e->v.Compare.comparators);
        break;
    case WF_EXPR_Call:
        fputs("func=", o), dump_expr(d, e->v.Call.func);
        fputs(", args=", o), dump_exprs(d, e->v.Call.args);
        fputs(", keywords=", o), dump_keywords(d, e->v.Call.keywords);
        break;
    case WF_EXPR_FormattedValue:
        fputs("value=", o), dump_expr(d, e->v.FormattedValue.value);
        fprintf(o, ", conversion=%d", e->v.FormattedValue.conversion);
        dump_opt(d, "format_spec", e->v.FormattedValue.format_spec);
        break;
    case WF_EXPR_JoinedStr:
        fputs("values=", o), dump_exprs(d, e->v.JoinedStr.values);
        break;
    case WF_EXPR_Constant:
        fputs("value=", o), dump_value(d, e->v.Constant.value);
        break;
    case WF_EXPR_Attribute:
        fputs("value=", o), dump_expr(d, e->v.Attribute.value);
        fputs(", attr=", o), dump_ident(d, e->v.Attribute.attr);
        dump_ctx(d, e->v.Attribute.ctx);
        break;
    case WF_EXPR_Subscript:
        fputs("value=", o), dump_expr(d, e->v.Subscript.value);
        fputs(", slice=", o), dump_expr(d, e->v.Subscript.slice);
        dump_ctx(d, e->v.Subscript.ctx);
        break;
    case WF_EXPR_Starred:
        fputs("value=", o), dump_expr(d, e->v.Starred.value);
        dump_ctx(d, e->v.Starred.ctx);
        break;
    case WF_EXPR_Name:
        fputs("id=", o), dump_ident(d, e->v.Name.id);
        dump_ctx(d, e->v.Name.ctx);
        break;
    case WF_EXPR_List:
    case WF_EXPR_Tuple:
        fputs("elts=", o), dump_exprs(d, e->v.List.elts);
        dump_ctx(d, e->v.List.ctx);
        break;
    case WF_EXPR_Slice: {
        const char *sep = "";
        if (e->v.Slice.lower)
            fputs("lower=", o), dump_expr(d, e->v.Slice.lower), sep = ", ";
        if (e->v.Slice.upper)
            fprintf(o, "%supper=", sep), dump_expr(d, e->v.Slice.upper), sep = ", ";
        if (e->v.Slice.step)
            fprintf(o, "%sstep=", sep), dump_expr(d, e->v.Slice.step);
        break;
    }
    default:
        break;
    }
    dump_pos(d, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    fputc(')', o);
}

static void dump_alias(Dump *d, Alias *a)
{
    fputs("alias(name=", d->out);
    dump_ident(d, a->name);
    if (a->asname) {
        fputs(", asname=", d->out);
        dump_ident(d, a->asname);
    }
    dump_pos(d, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
    fputc(')', d->out);
}

static void dump_aliases(Dump *d, AliasSeq s)
{
    DUMP_SEQ(d, s, dump_alias);
}

static void dump_idents(Dump *d, IdentSeq s)
{
    DUMP_SEQ(d, s, dump_ident);
}

static void dump_withitem(Dump *d, WithItem *w)
{
    fputs("withitem(context_expr=", d->out);
    dump_expr(d, w->context_expr);
    dump_opt(d, "optional_vars", w->optional_vars);
    fputc(')', d->out);
}

static void dump_handler(Dump *d, ExceptHandler *h)
{
    FILE *o = d->out;
    fputs("ExceptHandler(", o);
    if (h->type)
        fputs("type=", o), dump_expr(d, h->type), fputs(", ", o);
    if (h->name)
        fputs("name=", o), dump_ident(d, h->name), fputs(", ", o);
    fputs("body=", o), dump_stmts(d, h->body);
    dump_pos(d, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
    fputc(')', o);
}

static void dump_stmt(Dump *d, Stmt *s)
{
    FILE *o = d->out;
    fprintf(o, "%s(", wf_ast_stmt_names[s->kind]);
    switch (s->kind) {
    case WF_STMT_FunctionDef:
        fputs("name=", o), dump_ident(d, s->v.FunctionDef.name);
        fputs(", args=", o), dump_arguments(d, s->v.FunctionDef.args);
        fputs(", body=", o), dump_stmts(d, s->v.FunctionDef.body);
        fputs(", decorator_list=", o), dump_exprs(d, s->v.FunctionDef.decorator_list);
        dump_opt(d, "returns", s->v.FunctionDef.returns);
        break;
    case WF_STMT_ClassDef:
        fputs("name=", o), dump_ident(d, s->v.ClassDef.name);
        fputs(", bases=", o), dump_exprs(d, s->v.ClassDef.bases);
        fputs(", keywords=", o), dump_keywords(d, s->v.ClassDef.keywords);
        fputs(", body=", o), dump_stmts(d, s->v.ClassDef.body);
        fputs(", decorator_list=", o), dump_exprs(d, s->v.ClassDef.decorator_list);
        break;
    case WF_STMT_Return:
        if (s->v.Return.value)
            fputs("value=", o), dump_expr(d, s->v.Return.value);
        break;
    case WF_STMT_Delete:
        fputs("targets=", o), dump_exprs(d, s->v.Delete.targets);
        break;
    case WF_STMT_Assign:
        fputs("targets=", o), dump_exprs(d, s->v.Assign.targets);
        fputs(", value=", o), dump_expr(d, s->v.Assign.value);
        break;
    case WF_STMT_AugAssign:
        fputs("target=", o), dump_expr(d, s->v.AugAssign.target);
        fprintf(o, ", op=%s(), value=", ast_binop_names[s->v.AugAssign.op]);
        dump_expr(d, s->v.AugAssign.value);
        break;
    case WF_STMT_AnnAssign:
        fputs("target=", o), dump_expr(d, s->v.AnnAssign.target);
        fputs(", annotation=", o), dump_expr(d, s->v.AnnAssign.annotation);
        dump_opt(d, "value", s->v.AnnAssign.value);
        fprintf(o, ", simple=%d", s->v.AnnAssign.simple);
        break;
    case WF_STMT_For:
        fputs("target=", o), dump_expr(d, s->v.For.target);
        fputs(", iter=", o), dump_expr(d, s->v.For.iter);
        fputs(", body=", o), dump_stmts(d, s->v.For.body);
        fputs(", orelse=", o), dump_stmts(d, s->v.For.orelse);
        break;
    case WF_STMT_While:
    case WF_STMT_If:
        fputs("test=", o), dump_expr(d, s->v.If.test);
        fputs(", body=", o), dump_stmts(d, s->v.If.body);
        fputs(", orelse=", o), dump_stmts(d, s->v.If.orelse);
        break;
    case WF_STMT_With:
        fputs("items=", o);
        DUMP_SEQ(d, s->v.With.items, dump_withitem);
        fputs(", body=", o), dump_stmts(d, s->v.With.body);
        break;
    case WF_STMT_Raise: {
        const char *sep = "";
        if (s->v.Raise.exc)
            fputs("exc=", o), dump_expr(d, s->v.Raise.exc), sep = ", ";
        if (s->v.Raise.cause)
            fprintf(o, "%scause=", sep), dump_expr(d, s->v.Raise.cause);
        break;
    }
    case WF_STMT_Try:
        fputs("body=", o), dump_stmts(d, s->v.Try.body);
        fputs(", handlers=", o);
        DUMP_SEQ(d, s->v.Try.handlers, dump_handler);
        fputs(", orelse=", o), dump_stmts(d, s->v.Try.orelse);
        fputs(", finalbody=", o), dump_stmts(d, s->v.Try.finalbody);
        break;
    case WF_STMT_Assert:
        fputs("test=", o), dump_expr(d, s->v.Assert.test);
        dump_opt(d, "msg", s->v.Assert.msg);
        break;
    case WF_STMT_Import:
        fputs("names=", o), dump_aliases(d, s->v.Import.names);
        break;
    case WF_STMT_ImportFrom:
        if (s->v.ImportFrom.module)
            fputs("module=", o), dump_ident(d, s->v.ImportFrom.module), fputs(", ", o);
        fputs("names=", o), dump_aliases(d, s->v.ImportFrom.names);
        fprintf(o, ", level=%d", s->v.ImportFrom.level);
        break;
    case WF_STMT_Global:
    case WF_STMT_Nonlocal:
        fputs("names=", o), dump_idents(d, s->v.Global.names);
        break;
    case WF_STMT_Expr:
        fputs("value=", o), dump_expr(d, s->v.Expr.value);
        break;
    default:
        break;
    }
    dump_pos(d, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
    fputc(')', o);
}

static void dump_stmts(Dump *d, StmtSeq s)
{
    DUMP_SEQ(d, s, dump_stmt);
}

static void ast_dump(FILE *out, Mod *mod, bool attrs)
{
    Dump d = {out, attrs};
    switch (mod->kind) {
    case WF_MOD_Module:
        fputs("Module(body=", out);
        dump_stmts(&d, mod->v.Module.body);
        fputs(", type_ignores=[])", out);
        break;
    case WF_MOD_Interactive:
        fputs("Interactive(body=", out);
        dump_stmts(&d, mod->v.Interactive.body);
        fputc(')', out);
        break;
    case WF_MOD_Expression:
        fputs("Expression(body=", out);
        dump_expr(&d, mod->v.Expression.body);
        fputc(')', out);
        break;
    }
    fputc('\n', out);
}

void wf_ast_dump(FILE *out, Mod *mod)
{
    ast_dump(out, mod, false);
}

void wf_ast_dump_attrs(FILE *out, Mod *mod)
{
    ast_dump(out, mod, true);
}
