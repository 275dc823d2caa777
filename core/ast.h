/* weft: the abstract syntax tree produced by the parser. */
/* Source text -> parser (core/parse.c) -> these nodes -> compiler (core/compile.c). */
/* AST-STABLE */
#ifndef WF_AST_H
#define WF_AST_H

/*
 * The tree follows CPython 3.11's Parser/Python.asdl closely, so that
 * CPython's ast module documentation describes it: the same node names, the
 * same field names, the same meaning of optional fields.
 *
 * Rules:
 *  1. Every node lives in an Arena and is freed with it; nodes are never
 *     freed one by one. Node memory is zeroed on allocation.
 *  2. Sequences are (items, count) pairs of node POINTERS: ExprSeq, StmtSeq...
 *     An empty sequence is {NULL, 0}.
 *  3. Optional child nodes are NULL when absent (Return.value, Slice.lower,
 *     Raise.exc, arg.annotation, ...). Optional identifiers are 0.
 *  4. Identifiers (Name.id, Attribute.attr, FunctionDef.name, arg.arg, alias
 *     names, keyword.arg, ...) are interned, immortal str Values
 *     (wf_str_intern_c): compare them by identity, no reference counting.
 *  5. Constant.value is a Value owned by the arena (one reference, dropped by
 *     wf_arena_free). Whoever keeps it beyond the arena's life increfs it.
 *     Kinds: int (small or heap), float, str, True, False, None, Ellipsis.
 *  6. Positions are CPython's: lineno/end_lineno 1-based, col_offset and
 *     end_col_offset 0-based UTF-8 BYTE offsets in their line. The end is
 *     exclusive (one past the last byte of the node).
 *  7. Operators: BinOp.op and AugAssign.op are `enum BinOp` values from
 *     object.h (WF_BINOP_ADD ...); UnaryOp.op is an AstUnaryOp; Compare.ops
 *     holds AstCmpOp values whose first six equal WF_LT..WF_GE.
 */
#include <stdio.h>
#include "weft.h"

/* ---- arena ---- */
typedef struct Arena Arena;
Arena *wf_arena_new(void);
/* Zeroed memory that lives until wf_arena_free; aborts on OOM. */
void *wf_arena_alloc(Arena *arena, size_t size);
/* The arena takes over one reference to v (a constant) and drops it when freed. */
void wf_arena_keep(Arena *arena, Value v);
void wf_arena_free(Arena *arena);

typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct Arg Arg;
typedef struct Arguments Arguments;
typedef struct Keyword Keyword;
typedef struct Comprehension Comprehension;
typedef struct Alias Alias;
typedef struct WithItem WithItem;
typedef struct ExceptHandler ExceptHandler;
typedef struct Mod Mod;

typedef struct ExprSeq { Expr **items; size_t count; } ExprSeq;
typedef struct StmtSeq { Stmt **items; size_t count; } StmtSeq;
typedef struct ArgSeq { Arg **items; size_t count; } ArgSeq;
typedef struct KeywordSeq { Keyword **items; size_t count; } KeywordSeq;
typedef struct ComprehensionSeq { Comprehension **items; size_t count; } ComprehensionSeq;
typedef struct AliasSeq { Alias **items; size_t count; } AliasSeq;
typedef struct WithItemSeq { WithItem **items; size_t count; } WithItemSeq;
typedef struct ExceptHandlerSeq { ExceptHandler **items; size_t count; } ExceptHandlerSeq;
typedef struct IdentSeq { Value *items; size_t count; } IdentSeq;   /* interned str */
typedef struct IntSeq { int *items; size_t count; } IntSeq;         /* Compare.ops */

/* ---- small enumerations ---- */

/* Expression contexts: how a Name/Attribute/Subscript/Starred/List/Tuple is used. */
#define WF_AST_CTXS(X) \
    X(Load)   /* read the value */ \
    X(Store)  /* assignment / for / with / except-as target */ \
    X(Del)    /* del statement target */
typedef enum ExprContext {
#define X(n) WF_CTX_##n,
    WF_AST_CTXS(X)
#undef X
} ExprContext;

/* Boolean operators of BoolOp. */
#define WF_AST_BOOLOPS(X) \
    X(And)  /* a and b and ... */ \
    X(Or)   /* a or b or ... */
typedef enum AstBoolOp {
#define X(n) WF_BOOLOP_##n,
    WF_AST_BOOLOPS(X)
#undef X
} AstBoolOp;

/* Unary operators of UnaryOp. */
#define WF_AST_UNARYOPS(X) \
    X(Invert)  /* ~x */ \
    X(Not)     /* not x */ \
    X(UAdd)    /* +x */ \
    X(USub)    /* -x */
typedef enum AstUnaryOp {
#define X(n) WF_UOP_##n,
    WF_AST_UNARYOPS(X)
#undef X
} AstUnaryOp;

/* Comparison operators of Compare; the first six match object.h's WF_LT.. */
#define WF_AST_CMPOPS(X) \
    X(Lt, "<")          /* == WF_LT */ \
    X(LtE, "<=")        /* == WF_LE */ \
    X(Eq, "==")         /* == WF_EQ */ \
    X(NotEq, "!=")      /* == WF_NE */ \
    X(Gt, ">")          /* == WF_GT */ \
    X(GtE, ">=")        /* == WF_GE */ \
    X(Is, "is")         /* identity */ \
    X(IsNot, "is not")  /* negated identity */ \
    X(In, "in")         /* containment */ \
    X(NotIn, "not in")  /* negated containment */
typedef enum AstCmpOp {
#define X(n, s) WF_CMP_##n,
    WF_AST_CMPOPS(X)
#undef X
    WF_CMP_COUNT
} AstCmpOp;
_Static_assert((int)WF_CMP_Lt == (int)WF_LT && (int)WF_CMP_GtE == (int)WF_GE, "cmp ops follow object.h");

/* ---- expressions ---- */
#define WF_EXPR_KINDS(X) \
    X(BoolOp)         /* op values: `a and b or c` folds into nested BoolOps */ \
    X(NamedExpr)      /* target := value (target is a Name, ctx Store) */ \
    X(BinOp)          /* left op right, op an `enum BinOp` */ \
    X(UnaryOp)        /* op operand, op an AstUnaryOp */ \
    X(Lambda)         /* lambda args: body */ \
    X(IfExp)          /* body if test else orelse */ \
    X(Dict)           /* {k: v, **m}: keys[i] == NULL means values[i] is a ** unpack */ \
    X(Set)            /* {a, b} */ \
    X(ListComp)       /* [elt for ...] */ \
    X(SetComp)        /* {elt for ...} */ \
    X(DictComp)       /* {key: value for ...} */ \
    X(GeneratorExp)   /* (elt for ...) */ \
    X(Yield)          /* yield value (value may be NULL) */ \
    X(YieldFrom)      /* yield from value */ \
    X(Compare)        /* left ops[0] comparators[0] ops[1] comparators[1] ... */ \
    X(Call)           /* func(args..., keywords...); Starred in args = *x */ \
    X(FormattedValue) /* one {value!conversion:format_spec} of an f-string */ \
    X(JoinedStr)      /* f-string: values are Constant(str) and FormattedValue */ \
    X(Constant)       /* literal: int, float, str, True, False, None, Ellipsis */ \
    X(Attribute)      /* value.attr */ \
    X(Subscript)      /* value[slice]; slice may be a Slice or a Tuple with Slices */ \
    X(Starred)        /* *value (in calls, displays, targets) */ \
    X(Name)           /* id */ \
    X(List)           /* [elts] */ \
    X(Tuple)          /* (elts) or elts without parentheses */ \
    X(Slice)          /* lower:upper:step, each may be NULL; only inside Subscript */

typedef enum ExprKind {
#define X(n) WF_EXPR_##n,
    WF_EXPR_KINDS(X)
#undef X
    WF_EXPR_KIND_COUNT
} ExprKind;

struct Expr {
    ExprKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        struct { AstBoolOp op; ExprSeq values; } BoolOp;          /* >= 2 values */
        struct { Expr *target; Expr *value; } NamedExpr;
        struct { Expr *left; int op; Expr *right; } BinOp;        /* op: enum BinOp */
        struct { AstUnaryOp op; Expr *operand; } UnaryOp;
        struct { Arguments *args; Expr *body; } Lambda;           /* args never NULL */
        struct { Expr *test; Expr *body; Expr *orelse; } IfExp;
        struct { ExprSeq keys; ExprSeq values; } Dict;            /* same counts */
        struct { ExprSeq elts; } Set;
        struct { Expr *elt; ComprehensionSeq generators; } ListComp;
        struct { Expr *elt; ComprehensionSeq generators; } SetComp;
        struct { Expr *key; Expr *value; ComprehensionSeq generators; } DictComp;
        struct { Expr *elt; ComprehensionSeq generators; } GeneratorExp;
        struct { Expr *value; } Yield;                            /* value may be NULL */
        struct { Expr *value; } YieldFrom;
        struct { Expr *left; IntSeq ops; ExprSeq comparators; } Compare;  /* ops: AstCmpOp */
        struct { Expr *func; ExprSeq args; KeywordSeq keywords; } Call;
        /* conversion: -1 none, or 's', 'r', 'a'. format_spec: NULL or a
         * JoinedStr. The `{x=}` form is expanded by the parser as CPython
         * does: a Constant "x=" before the FormattedValue, and conversion
         * 'r' when neither a conversion nor a format spec was given. */
        struct { Expr *value; int conversion; Expr *format_spec; } FormattedValue;
        struct { ExprSeq values; } JoinedStr;
        struct { Value value; } Constant;                         /* owned by the arena */
        struct { Expr *value; Value attr; ExprContext ctx; } Attribute;
        struct { Expr *value; Expr *slice; ExprContext ctx; } Subscript;
        struct { Expr *value; ExprContext ctx; } Starred;
        struct { Value id; ExprContext ctx; } Name;
        struct { ExprSeq elts; ExprContext ctx; } List;
        struct { ExprSeq elts; ExprContext ctx; } Tuple;
        struct { Expr *lower; Expr *upper; Expr *step; } Slice;
    } v;
};

/* ---- statements ---- */
#define WF_STMT_KINDS(X) \
    X(FunctionDef)  /* @decorators def name(args) -> returns: body */ \
    X(ClassDef)     /* @decorators class name(bases, keywords): body */ \
    X(Return)       /* return value (value may be NULL) */ \
    X(Delete)       /* del targets (ctx Del) */ \
    X(Assign)       /* targets[0] = targets[1] = ... = value */ \
    X(AugAssign)    /* target op= value, op an `enum BinOp` */ \
    X(AnnAssign)    /* target: annotation = value (value may be NULL) */ \
    X(For)          /* for target in iter: body else: orelse */ \
    X(While)        /* while test: body else: orelse */ \
    X(If)           /* if test: body else: orelse (elif = an If alone in orelse) */ \
    X(With)         /* with items: body (several items = one With) */ \
    X(Raise)        /* raise exc from cause (both may be NULL) */ \
    X(Try)          /* try: body handlers else: orelse finally: finalbody */ \
    X(Assert)       /* assert test, msg (msg may be NULL) */ \
    X(Import)       /* import names */ \
    X(ImportFrom)   /* from .module import names (level dots; module may be 0) */ \
    X(Global)       /* global names */ \
    X(Nonlocal)     /* nonlocal names */ \
    X(Expr)         /* expression statement */ \
    X(Pass)         /* pass */ \
    X(Break)        /* break */ \
    X(Continue)     /* continue */

typedef enum StmtKind {
#define X(n) WF_STMT_##n,
    WF_STMT_KINDS(X)
#undef X
    WF_STMT_KIND_COUNT
} StmtKind;

struct Stmt {
    StmtKind kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        /* lineno is the `def` line, not the first decorator's (as CPython). */
        struct { Value name; Arguments *args; StmtSeq body; ExprSeq decorator_list; Expr *returns; } FunctionDef;
        struct { Value name; ExprSeq bases; KeywordSeq keywords; StmtSeq body; ExprSeq decorator_list; } ClassDef;
        struct { Expr *value; } Return;
        struct { ExprSeq targets; } Delete;
        struct { ExprSeq targets; Expr *value; } Assign;
        struct { Expr *target; int op; Expr *value; } AugAssign;   /* op: enum BinOp */
        /* simple: 1 when target is a bare Name without parentheses. */
        struct { Expr *target; Expr *annotation; Expr *value; int simple; } AnnAssign;
        struct { Expr *target; Expr *iter; StmtSeq body; StmtSeq orelse; } For;
        struct { Expr *test; StmtSeq body; StmtSeq orelse; } While;
        struct { Expr *test; StmtSeq body; StmtSeq orelse; } If;
        struct { WithItemSeq items; StmtSeq body; } With;
        struct { Expr *exc; Expr *cause; } Raise;
        struct { StmtSeq body; ExceptHandlerSeq handlers; StmtSeq orelse; StmtSeq finalbody; } Try;
        struct { Expr *test; Expr *msg; } Assert;
        struct { AliasSeq names; } Import;
        /* module: dotted name as one interned str ("a.b"), 0 for `from . import x`. */
        struct { Value module; AliasSeq names; int level; } ImportFrom;
        struct { IdentSeq names; } Global;
        struct { IdentSeq names; } Nonlocal;
        struct { Expr *value; } Expr;
    } v;
};

/* ---- helper nodes ---- */

/* One parameter. */
struct Arg {
    Value arg;                 /* the name */
    Expr *annotation;          /* or NULL */
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* A parameter list, as CPython's `arguments`:
 *   def f(posonlyargs, /, args, *vararg, kwonlyargs, **kwarg)
 * defaults: the defaults of the LAST len(defaults) of posonlyargs+args.
 * kw_defaults: one entry per kwonlyargs, NULL when that one has no default. */
struct Arguments {
    ArgSeq posonlyargs;
    ArgSeq args;
    Arg *vararg;               /* or NULL */
    ArgSeq kwonlyargs;
    ExprSeq kw_defaults;
    Arg *kwarg;                /* or NULL */
    ExprSeq defaults;
};

/* A keyword argument in a call or class header; arg == 0 for `**value`. */
struct Keyword {
    Value arg;
    Expr *value;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* `for target in iter if ifs[0] if ifs[1] ...` in a comprehension. */
struct Comprehension {
    Expr *target;              /* ctx Store */
    Expr *iter;
    ExprSeq ifs;
    int is_async;              /* always 0 for now */
};

/* `name as asname` in an import; name may be dotted ("a.b.c"), asname 0 if absent.
 * `from m import *` has a single alias with name "*". */
struct Alias {
    Value name;
    Value asname;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* `context_expr as optional_vars` in a with statement. */
struct WithItem {
    Expr *context_expr;
    Expr *optional_vars;       /* or NULL; ctx Store */
};

/* `except type as name: body`; type NULL for a bare except, name 0 without `as`. */
struct ExceptHandler {
    Expr *type;
    Value name;
    StmtSeq body;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* ---- top level ---- */
#define WF_MOD_KINDS(X) \
    X(Module)       /* a file / exec: body */ \
    X(Expression)   /* eval: a single expression */ \
    X(Interactive)  /* single: one interactive statement (prints expression values) */

typedef enum ModKind {
#define X(n) WF_MOD_##n,
    WF_MOD_KINDS(X)
#undef X
} ModKind;

struct Mod {
    ModKind kind;
    union {
        struct { StmtSeq body; } Module;
        struct { Expr *body; } Expression;
        struct { StmtSeq body; } Interactive;
    } v;
};

/* ---- names and debugging (core/ast.c) ---- */
extern const char *const wf_ast_expr_names[WF_EXPR_KIND_COUNT];
extern const char *const wf_ast_stmt_names[WF_STMT_KIND_COUNT];
extern const char *const wf_ast_cmpop_symbols[WF_CMP_COUNT];  /* "<", ..., "not in" */
/* Print the tree in the style of CPython's ast.dump(include_attributes=False). */
void wf_ast_dump(FILE *out, Mod *mod);
/* The same with positions, as ast.dump(include_attributes=True). */
void wf_ast_dump_attrs(FILE *out, Mod *mod);

#endif
