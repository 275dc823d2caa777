/* weft: the recursive-descent parser for Python 3.11. */
/* Tokens (core/tokenize.c) -> AST (core/ast.h), with CPython's SyntaxErrors. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "parse.h"
#include "tokenize.h"

/*
 * How it works:
 *  1. The whole input is tokenized first (after universal-newline
 *     translation into an arena copy). Tokenizing stops at the first
 *     tokenizer error, which becomes an ERRORTOKEN at the end of the array.
 *  2. The parser walks the token array with one token of lookahead and a
 *     little backtracking (parenthesized with-items, error ranges).
 *     Assignment targets are parsed as expressions, then checked and given
 *     a Store/Del context.
 *  3. Errors set a SyntaxError and longjmp to wf_parse() (or to a
 *     backtracking point). All nodes and temporary arrays live in the arena,
 *     so nothing leaks on the jump.
 *  4. Which error wins follows CPython (parse_fixup_error): "unexpected
 *     indent" first; then a hard tokenizer error anywhere in the file (CPython
 *     re-tokenizes the rest after a parser error); a soft one (indentation,
 *     line continuation) only when the parser got to it; then a bracket left
 *     open on an earlier line than the error ("'(' was never closed").
 *  5. f-strings are parsed by scanning the literal for replacement fields and
 *     running a nested parser over the source bytes of each expression, so
 *     positions inside f-strings are real source positions.
 *  6. Positions are CPython's: a node whose first operand is parenthesized
 *     starts at the '(' (nodes record their first token, not their first
 *     child); error ranges are CPython's for its "known location" errors.
 */

typedef struct Parser {
    Token *toks;
    size_t ntoks, pos;
    const char *base;             /* the whole source (line lookup for errors) */
    const char *filename;
    Arena *arena;
    jmp_buf *jb;
    int depth;                    /* expression nesting, against stack overflow */
    int unclosed_level;           /* brackets left open at the end of input */
    char unclosed_char;
    int unclosed_line;
    const char *unclosed_pos;
    int fstring_depth;
    Value tok_error;              /* tokenizer error after the last token, or 0 */
    bool tok_error_soft;          /* ... that an earlier parser error hides */
    bool keep_error;              /* "unexpected indent": wins over tok_error */
    bool looked_ahead;            /* the error's rule read one token past it */
} Parser;

#define MAX_DEPTH 2000

_Noreturn static void p_jump(Parser *p)
{
    longjmp(*p->jb, 1);
}

/* ---- error reporting ---- */

static const char *p_line_start(Parser *p, const char *pos)
{
    while (pos > p->base && pos[-1] != '\n')
        pos--;
    return pos;
}

/* Raise at [pos, end_pos) (end_pos NULL: a single position). */
_Noreturn static void p_error_range(Parser *p, TypeObject *type, int lineno, const char *pos,
                                    int end_lineno, const char *end_pos, const char *msg)
{
    char buf[320];
    if (p->fstring_depth > 0 && strncmp(msg, "f-string", 8) != 0) {
        /* Errors inside a replacement field are reported as f-string errors. */
        snprintf(buf, sizeof buf, "f-string: %s", msg);
        msg = buf;
    }
    wf_tok_error_range(p->base, p->filename, type, lineno, pos, end_lineno, end_pos, msg);
    p_jump(p);
}

_Noreturn static void p_error_pos(Parser *p, TypeObject *type, int lineno, const char *pos, const char *msg)
{
    p_error_range(p, type, lineno, pos, 0, NULL, msg);
}

_Noreturn static void p_error_tok(Parser *p, Token *t, const char *msg)
{
    p_error_range(p, wf_exc_SyntaxError, t->lineno, t->start, t->end_lineno, t->end, msg);
}

/* The start of line `lineno` (1-based) of the source. */
static const char *p_line_ptr(Parser *p, int lineno)
{
    const char *ls = p->base;
    int line = 1;
    for (const char *s = p->base; line < lineno && *s; s++)
        if (*s == '\n')
            line++, ls = s + 1;
    return ls;
}

_Noreturn static void p_error_expr(Parser *p, Expr *e, const char *msg)
{
    /* Node columns are byte offsets in their line. */
    p_error_range(p, wf_exc_SyntaxError, e->lineno, p_line_ptr(p, e->lineno) + e->col_offset,
                  e->end_lineno, p_line_ptr(p, e->end_lineno) + e->end_col_offset, msg);
}

static Token *peek(Parser *p)
{
    return &p->toks[p->pos];
}

static Token *peek_at(Parser *p, size_t ahead)
{
    size_t i = p->pos + ahead;
    return &p->toks[i < p->ntoks ? i : p->ntoks - 1];
}

static bool at(Parser *p, TokKind k)
{
    return p->toks[p->pos].kind == k;
}

static Token *advance(Parser *p)
{
    Token *t = &p->toks[p->pos];
    if (p->pos + 1 < p->ntoks)
        p->pos++;
    return t;
}

static bool accept(Parser *p, TokKind k)
{
    if (!at(p, k))
        return false;
    advance(p);
    return true;
}

/* The last consumed token that ends a node (not NEWLINE/INDENT/DEDENT). */
static Token *prev(Parser *p)
{
    size_t i = p->pos ? p->pos - 1 : 0;
    while (i > 0 && (p->toks[i].kind == TK_NEWLINE || p->toks[i].kind == TK_INDENT ||
                     p->toks[i].kind == TK_DEDENT))
        i--;
    return &p->toks[i];
}

/* The generic "invalid syntax" at the current token, with CPython's
 * refinements for INDENT and DEDENT (unclosed brackets: parse_fixup_error). */
_Noreturn static void p_syntax_error(Parser *p)
{
    Token *t = peek(p);
    if (t->kind == TK_INDENT) {
        p->keep_error = true;
        const char *ls = p_line_start(p, t->end);
        const char *q = ls;
        while (*q == ' ' || *q == '\t' || *q == '\f')
            q++;
        /* CPython's offset is the width of the indentation (the caret sits
         * on its last character). */
        p_error_pos(p, wf_exc_IndentationError, t->lineno, q > ls ? q - 1 : q, "unexpected indent");
    }
    if (t->kind == TK_DEDENT) {
        p->keep_error = true;
        p_error_pos(p, wf_exc_IndentationError, t->lineno, t->start, "unexpected unindent");
    }
    p_error_tok(p, t, "invalid syntax");
}

static Token *expect(Parser *p, TokKind k)
{
    if (!at(p, k))
        p_syntax_error(p);
    return advance(p);
}

/* A ':' that CPython reports as "expected ':'" when missing. forced: always
 * that message (CPython's &&':'), otherwise only before a NEWLINE. */
static void expect_colon(Parser *p, bool forced)
{
    if (at(p, TK_COLON)) {
        advance(p);
        return;
    }
    if (forced || at(p, TK_NEWLINE))
        p_error_tok(p, peek(p), "expected ':'");
    p_syntax_error(p);
}

static void p_enter(Parser *p)
{
    if (++p->depth > MAX_DEPTH) {
        wf_err_set_str(wf_exc_RecursionError, "maximum recursion depth exceeded during compilation");
        p_jump(p);
    }
}

/* ---- growable arrays in the arena ---- */

typedef struct Vec {
    void **items;
    size_t count, cap;
} Vec;

static void vec_push(Parser *p, Vec *v, void *x)
{
    if (v->count == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 4;
        void **n = wf_arena_alloc(p->arena, ncap * sizeof(void *));
        if (v->count)
            memcpy(n, v->items, v->count * sizeof(void *));
        v->items = n;
        v->cap = ncap;
    }
    v->items[v->count++] = x;
}

#define SEQ(T, v) ((T){(void *)(v).items, (v).count})

/* ---- node construction ---- */

static Value p_keep(Parser *p, Value v)
{
    if (!v)
        p_jump(p);
    wf_arena_keep(p->arena, v);
    return v;
}

static Value p_ident(Parser *p, Token *t)
{
    size_t n = (size_t)(t->end - t->start);
    char buf[256];
    char *s = n < sizeof buf ? buf : wf_mem_alloc(n + 1);
    memcpy(s, t->start, n);
    s[n] = 0;
    Value v = wf_str_intern_c(s);
    if (s != buf)
        wf_mem_free(s);
    if (!v)
        p_jump(p);
    return v;
}

static Expr *new_expr(Parser *p, ExprKind k, Token *start)
{
    Expr *e = wf_arena_alloc(p->arena, sizeof(Expr));
    e->kind = k;
    e->lineno = start->lineno;
    e->col_offset = start->col;
    Token *end = p->pos > 0 ? prev(p) : start;
    e->end_lineno = end->end_lineno;
    e->end_col_offset = end->end_col;
    return e;
}

static Stmt *new_stmt(Parser *p, StmtKind k, Token *start)
{
    Stmt *s = wf_arena_alloc(p->arena, sizeof(Stmt));
    s->kind = k;
    s->lineno = start->lineno;
    s->col_offset = start->col;
    s->end_lineno = prev(p)->end_lineno;
    s->end_col_offset = prev(p)->end_col;
    return s;
}

static void stmt_end(Parser *p, Stmt *s)
{
    s->end_lineno = prev(p)->end_lineno;
    s->end_col_offset = prev(p)->end_col;
}

static Expr *new_name(Parser *p, Token *t, ExprContext ctx)
{
    Expr *e = new_expr(p, WF_EXPR_Name, t);
    e->end_lineno = t->end_lineno;
    e->end_col_offset = t->end_col;
    e->v.Name.id = p_ident(p, t);
    e->v.Name.ctx = ctx;
    return e;
}

static Expr *new_const(Parser *p, Token *t, Value v)
{
    Expr *e = new_expr(p, WF_EXPR_Constant, t);
    e->v.Constant.value = v;
    return e;
}

/* ---- forward declarations ---- */
static Expr *parse_expression(Parser *p);
static Expr *parse_named_expression(Parser *p);
static Expr *parse_named_expression_ex(Parser *p, bool check_eq);
static void check_test_assign(Parser *p, Expr *test);
static Expr *parse_star_expressions(Parser *p);
static Expr *parse_disjunction(Parser *p);
static Expr *parse_bitwise_or(Parser *p);
static Expr *parse_yield_expr(Parser *p);
static Expr *parse_star_named_expression(Parser *p);
static StmtSeq parse_block(Parser *p, const char *what, int line);
static Stmt *parse_statement(Parser *p, Vec *out);
static Arguments *parse_params(Parser *p, TokKind close, bool annotations);
static void parse_fstring_token(Parser *p, Token *t, Vec *parts);

/* ---- targets ---- */

static const char *expr_name(Expr *e)
{
    switch (e->kind) {
    case WF_EXPR_Attribute: return "attribute";
    case WF_EXPR_Subscript: return "subscript";
    case WF_EXPR_Starred: return "starred";
    case WF_EXPR_Name: return "name";
    case WF_EXPR_List: return "list";
    case WF_EXPR_Tuple: return "tuple";
    case WF_EXPR_Lambda: return "lambda";
    case WF_EXPR_Call: return "function call";
    case WF_EXPR_BoolOp: case WF_EXPR_BinOp: case WF_EXPR_UnaryOp: return "expression";
    case WF_EXPR_GeneratorExp: return "generator expression";
    case WF_EXPR_Yield: case WF_EXPR_YieldFrom: return "yield expression";
    case WF_EXPR_ListComp: return "list comprehension";
    case WF_EXPR_SetComp: return "set comprehension";
    case WF_EXPR_DictComp: return "dict comprehension";
    case WF_EXPR_Dict: return "dict literal";
    case WF_EXPR_Set: return "set display";
    case WF_EXPR_JoinedStr: case WF_EXPR_FormattedValue: return "f-string expression";
    case WF_EXPR_Constant: {
        Value v = e->v.Constant.value;
        return v == wf_None ? "None" : v == wf_True ? "True" : v == wf_False ? "False"
             : v == wf_Ellipsis ? "ellipsis" : "literal";
    }
    case WF_EXPR_Compare: return "comparison";
    case WF_EXPR_IfExp: return "conditional expression";
    case WF_EXPR_NamedExpr: return "named expression";
    default: return "expression";
    }
}

/* The first sub-expression that cannot be a target, or NULL. */
static Expr *invalid_target(Expr *e, ExprContext ctx)
{
    switch (e->kind) {
    case WF_EXPR_Name: case WF_EXPR_Attribute: case WF_EXPR_Subscript:
        return NULL;
    case WF_EXPR_Starred:
        return ctx == WF_CTX_Del ? e : invalid_target(e->v.Starred.value, ctx);
    case WF_EXPR_List: case WF_EXPR_Tuple: {
        ExprSeq s = e->v.List.elts;
        for (size_t i = 0; i < s.count; i++) {
            Expr *bad = invalid_target(s.items[i], ctx);
            if (bad)
                return bad;
        }
        return NULL;
    }
    default:
        return e;
    }
}

static void set_ctx(Expr *e, ExprContext ctx)
{
    switch (e->kind) {
    case WF_EXPR_Name: e->v.Name.ctx = ctx; break;
    case WF_EXPR_Attribute: e->v.Attribute.ctx = ctx; break;
    case WF_EXPR_Subscript: e->v.Subscript.ctx = ctx; break;
    case WF_EXPR_Starred:
        e->v.Starred.ctx = ctx;
        set_ctx(e->v.Starred.value, ctx);
        break;
    case WF_EXPR_List: case WF_EXPR_Tuple:
        e->v.List.ctx = ctx;
        for (size_t i = 0; i < e->v.List.elts.count; i++)
            set_ctx(e->v.List.elts.items[i], ctx);
        break;
    default:
        break;
    }
}

/* Check e as an assignment (Store) or del (Del) target and set contexts. */
static void check_target(Parser *p, Expr *e, ExprContext ctx)
{
    Expr *bad = invalid_target(e, ctx);
    if (bad) {
        char msg[96];
        snprintf(msg, sizeof msg, "cannot %s %s", ctx == WF_CTX_Del ? "delete" : "assign to", expr_name(bad));
        p_error_expr(p, bad, msg);
    }
    int nstar = 0;
    if (e->kind == WF_EXPR_Tuple || e->kind == WF_EXPR_List)
        for (size_t i = 0; i < e->v.List.elts.count; i++)
            nstar += e->v.List.elts.items[i]->kind == WF_EXPR_Starred;
    if (nstar > 1)
        p_error_expr(p, e, "multiple starred expressions in assignment");
    if (e->kind == WF_EXPR_Starred && ctx == WF_CTX_Store)
        p_error_expr(p, e, "starred assignment target must be in a list or tuple");
    set_ctx(e, ctx);
}

/* ---- numbers and strings ---- */

static Expr *parse_number(Parser *p)
{
    Token *t = advance(p);
    size_t n = (size_t)(t->end - t->start);
    char *buf = wf_arena_alloc(p->arena, n + 1);
    size_t k = 0;
    bool isfloat = false;
    int base = 10;
    const char *s = t->start;
    if (n > 1 && s[0] == '0' && strchr("xXoObB", s[1])) {
        base = (s[1] | 0x20) == 'x' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 2;
        s += 2, n -= 2;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '_')
            continue;
        if (base == 10 && (s[i] == '.' || s[i] == 'e' || s[i] == 'E'))
            isfloat = true;
        buf[k++] = s[i];
    }
    buf[k] = 0;
    Value v = isfloat ? wf_float_new(strtod(buf, NULL)) : wf_int_from_string(buf, k, base);
    if (!v && wf_err_matches(wf_exc_ValueError)) {
        /* The int max-str-digits limit: CPython reports it as a SyntaxError. */
        Value exc = wf_err_fetch();
        Value text = exc ? wf_str(exc) : 0;
        char msg[400];
        snprintf(msg, sizeof msg, "%s - Consider hexadecimal for huge integer literals to avoid "
                 "decimal conversion limits.", text ? wf_str_cstr(text) : "integer literal too large");
        wf_xdecref(text);
        wf_xdecref(exc);
        wf_err_clear();
        p_error_tok(p, t, msg);
    }
    return new_const(p, t, p_keep(p, v));
}

/* Append code point cp as UTF-8 (surrogates too, as WTF-8). */
static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* \N{NAME}: a small table of common character names (the full Unicode
 * name database is not built in), plus CJK UNIFIED IDEOGRAPH-XXXX. */
typedef struct UnicodeName { const char *name; int32_t cp; } UnicodeName;
static const UnicodeName unicode_names[] = {
    {"ALARM CLOCK", 0x23F0},
    {"ALMOST EQUAL TO", 0x2248},
    {"ARABIC LETTER ALEF", 0x0627},
    {"BALLOT X", 0x2717},
    {"BLACK CIRCLE", 0x25CF},
    {"BLACK HEART SUIT", 0x2665},
    {"BLACK RIGHT-POINTING TRIANGLE", 0x25B6},
    {"BLACK SQUARE", 0x25A0},
    {"BLACK STAR", 0x2605},
    {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500},
    {"BOX DRAWINGS LIGHT VERTICAL", 0x2502},
    {"BULLET", 0x2022},
    {"BYTE ORDER MARK", 0xFEFF},
    {"CARRIAGE RETURN", 0x000D},
    {"CENT SIGN", 0x00A2},
    {"CHARACTER TABULATION", 0x0009},
    {"CHECK MARK", 0x2713},
    {"CJK UNIFIED IDEOGRAPH-4E00", 0x4E00},
    {"COMBINING ACUTE ACCENT", 0x0301},
    {"COMBINING DIAERESIS", 0x0308},
    {"COMBINING GRAVE ACCENT", 0x0300},
    {"COPYRIGHT SIGN", 0x00A9},
    {"CROSS MARK", 0x274C},
    {"CYRILLIC CAPITAL LETTER A", 0x0410},
    {"CYRILLIC SMALL LETTER A", 0x0430},
    {"DAGGER", 0x2020},
    {"DARK SHADE", 0x2593},
    {"DEGREE SIGN", 0x00B0},
    {"DELETE", 0x007F},
    {"DIVISION SIGN", 0x00F7},
    {"DOUBLE DAGGER", 0x2021},
    {"DOWNWARDS ARROW", 0x2193},
    {"EARTH GLOBE EUROPE-AFRICA", 0x1F30D},
    {"ELEMENT OF", 0x2208},
    {"EM DASH", 0x2014},
    {"EM SPACE", 0x2003},
    {"EMPTY SET", 0x2205},
    {"EN DASH", 0x2013},
    {"EN SPACE", 0x2002},
    {"ESCAPE", 0x001B},
    {"EURO SIGN", 0x20AC},
    {"FACE WITH TEARS OF JOY", 0x1F602},
    {"FIRE", 0x1F525},
    {"FULL BLOCK", 0x2588},
    {"GLOBE WITH MERIDIANS", 0x1F310},
    {"GREATER-THAN OR EQUAL TO", 0x2265},
    {"GREEK CAPITAL LETTER DELTA", 0x0394},
    {"GREEK CAPITAL LETTER OMEGA", 0x03A9},
    {"GREEK CAPITAL LETTER SIGMA", 0x03A3},
    {"GREEK SMALL LETTER ALPHA", 0x03B1},
    {"GREEK SMALL LETTER BETA", 0x03B2},
    {"GREEK SMALL LETTER DELTA", 0x03B4},
    {"GREEK SMALL LETTER GAMMA", 0x03B3},
    {"GREEK SMALL LETTER LAMDA", 0x03BB},
    {"GREEK SMALL LETTER MU", 0x03BC},
    {"GREEK SMALL LETTER OMEGA", 0x03C9},
    {"GREEK SMALL LETTER PI", 0x03C0},
    {"GREEK SMALL LETTER SIGMA", 0x03C3},
    {"GRINNING FACE", 0x1F600},
    {"HEAVY BLACK HEART", 0x2764},
    {"HEAVY CHECK MARK", 0x2714},
    {"HEAVY MINUS SIGN", 0x2796},
    {"HEAVY PLUS SIGN", 0x2795},
    {"HEBREW LETTER ALEF", 0x05D0},
    {"HIRAGANA LETTER A", 0x3042},
    {"HORIZONTAL ELLIPSIS", 0x2026},
    {"HOURGLASS", 0x231B},
    {"HYPHEN", 0x2010},
    {"IDEOGRAPHIC SPACE", 0x3000},
    {"INCREMENT", 0x2206},
    {"INFINITY", 0x221E},
    {"INTEGRAL", 0x222B},
    {"INTERROBANG", 0x203D},
    {"INVERTED EXCLAMATION MARK", 0x00A1},
    {"INVERTED QUESTION MARK", 0x00BF},
    {"KATAKANA LETTER A", 0x30A2},
    {"LATIN CAPITAL LETTER A WITH RING ABOVE", 0x00C5},
    {"LATIN CAPITAL LETTER E WITH ACUTE", 0x00C9},
    {"LATIN SMALL LETTER A WITH DIAERESIS", 0x00E4},
    {"LATIN SMALL LETTER A WITH GRAVE", 0x00E0},
    {"LATIN SMALL LETTER C WITH CEDILLA", 0x00E7},
    {"LATIN SMALL LETTER E WITH ACUTE", 0x00E9},
    {"LATIN SMALL LETTER N WITH TILDE", 0x00F1},
    {"LATIN SMALL LETTER O WITH DIAERESIS", 0x00F6},
    {"LATIN SMALL LETTER SHARP S", 0x00DF},
    {"LATIN SMALL LETTER U WITH DIAERESIS", 0x00FC},
    {"LEFT DOUBLE QUOTATION MARK", 0x201C},
    {"LEFT SINGLE QUOTATION MARK", 0x2018},
    {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0x00AB},
    {"LEFTWARDS ARROW", 0x2190},
    {"LESS-THAN OR EQUAL TO", 0x2264},
    {"LIGHT SHADE", 0x2591},
    {"LINE FEED", 0x000A},
    {"LOWER LEFT PENCIL", 0x1F589},
    {"MEDIUM SHADE", 0x2592},
    {"MICRO SIGN", 0x00B5},
    {"MIDDLE DOT", 0x00B7},
    {"MINUS SIGN", 0x2212},
    {"MULTIPLICATION SIGN", 0x00D7},
    {"N-ARY SUMMATION", 0x2211},
    {"NABLA", 0x2207},
    {"NARROW NO-BREAK SPACE", 0x202F},
    {"NO-BREAK SPACE", 0x00A0},
    {"NON-BREAKING HYPHEN", 0x2011},
    {"NOT EQUAL TO", 0x2260},
    {"NULL", 0x0000},
    {"PARTIAL DIFFERENTIAL", 0x2202},
    {"PARTY POPPER", 0x1F389},
    {"PER MILLE SIGN", 0x2030},
    {"PILCROW SIGN", 0x00B6},
    {"PILE OF POO", 0x1F4A9},
    {"PLUS-MINUS SIGN", 0x00B1},
    {"POUND SIGN", 0x00A3},
    {"REGISTERED SIGN", 0x00AE},
    {"REPLACEMENT CHARACTER", 0xFFFD},
    {"RIGHT DOUBLE QUOTATION MARK", 0x201D},
    {"RIGHT SINGLE QUOTATION MARK", 0x2019},
    {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0x00BB},
    {"RIGHTWARDS ARROW", 0x2192},
    {"ROCKET", 0x1F680},
    {"SECTION SIGN", 0x00A7},
    {"SKULL", 0x1F480},
    {"SMILING FACE WITH SMILING EYES", 0x1F60A},
    {"SNAKE", 0x1F40D},
    {"SNOWMAN", 0x2603},
    {"SOFT HYPHEN", 0x00AD},
    {"SPACE", 0x0020},
    {"SPARKLES", 0x2728},
    {"SQUARE ROOT", 0x221A},
    {"STOPWATCH", 0x23F1},
    {"SUPERSCRIPT THREE", 0x00B3},
    {"SUPERSCRIPT TWO", 0x00B2},
    {"THIN SPACE", 0x2009},
    {"THUMBS UP SIGN", 0x1F44D},
    {"TRADE MARK SIGN", 0x2122},
    {"UPWARDS ARROW", 0x2191},
    {"VULGAR FRACTION ONE HALF", 0x00BD},
    {"WARNING SIGN", 0x26A0},
    {"WATCH", 0x231A},
    {"WHITE CIRCLE", 0x25CB},
    {"WHITE SMILING FACE", 0x263A},
    {"WHITE SQUARE", 0x25A1},
    {"WHITE STAR", 0x2606},
    {"YEN SIGN", 0x00A5},
    {"ZERO WIDTH JOINER", 0x200D},
    {"ZERO WIDTH NO-BREAK SPACE", 0xFEFF},
    {"ZERO WIDTH SPACE", 0x200B},
};

static int32_t unicode_name_lookup(const char *s, size_t n)
{
    static const char cjk[] = "CJK UNIFIED IDEOGRAPH-";
    if (n > sizeof cjk - 1 && strncasecmp(s, cjk, sizeof cjk - 1) == 0) {
        char *end;
        char buf[16];
        size_t hn = n - (sizeof cjk - 1);
        if (hn >= 4 && hn <= 5) {
            memcpy(buf, s + sizeof cjk - 1, hn);
            buf[hn] = 0;
            long v = strtol(buf, &end, 16);
            if (*end == 0)
                return (int32_t)v;
        }
        return -1;
    }
    for (size_t i = 0; i < sizeof unicode_names / sizeof unicode_names[0]; i++)
        if (strlen(unicode_names[i].name) == n && strncasecmp(unicode_names[i].name, s, n) == 0)
            return unicode_names[i].cp;
    return -1;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* CPython reports bad escapes as unicode errors just past the string. */
_Noreturn static void escape_error(Parser *p, Token *t, long from, long to, const char *what)
{
    char msg[200];
    snprintf(msg, sizeof msg, "(unicode error) 'unicodeescape' codec can't decode bytes in "
             "position %ld-%ld: %s", from, to, what);
    p_error_pos(p, wf_exc_SyntaxError, t->end_lineno, t->end, msg);
}

/* The character of a one-letter escape (\n, \t, ...), or -1. */
static int simple_escape(char c)
{
    static const char from[] = "\\'\"abfnrtv";
    static const char to[] = "\\'\"\a\b\f\n\r\t\v";
    const char *q = c ? strchr(from, c) : NULL;
    return q ? to[q - from] : -1;
}

/* The digits of \xXX, \uXXXX or \UXXXXXXXX at *sp (letter c already read);
 * pos is the escape's offset in the string body, for errors. */
static uint32_t decode_hex_escape(Parser *p, Token *t, const char **sp, const char *e, char c, long pos)
{
    int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    uint32_t v = 0;
    for (int i = 0; i < nd; i++) {
        int h = *sp < e ? hexval((unsigned char)**sp) : -1;
        if (h < 0) {
            char what[40];
            snprintf(what, sizeof what, "truncated \\%c%s escape", c,
                     c == 'x' ? "XX" : c == 'u' ? "XXXX" : "XXXXXXXX");
            escape_error(p, t, pos, pos + 1 + i, what);
        }
        v = v * 16 + (uint32_t)h;
        (*sp)++;
    }
    if (v > 0x10FFFF)
        escape_error(p, t, pos, pos + 1 + nd, "illegal Unicode character");
    return v;
}

/* \N{NAME} at *sp (the 'N' already read). */
static uint32_t decode_name_escape(Parser *p, Token *t, const char **sp, const char *e,
                                   long pos, const char *body)
{
    const char *s = *sp;
    const char *close = s < e && *s == '{' ? memchr(s, '}', (size_t)(e - s)) : NULL;
    if (!close)
        escape_error(p, t, pos, pos + 1, "malformed \\N character escape");
    int32_t cp = unicode_name_lookup(s + 1, (size_t)(close - s - 1));
    if (cp < 0)
        escape_error(p, t, pos, (long)(close - body), "unknown Unicode character name");
    *sp = close + 1;
    return (uint32_t)cp;
}

/* Decode the escapes of a (non-raw) string body [s, s+n) into out (at least
 * n bytes: no escape is shorter than its UTF-8); returns the length.
 * Unknown escapes stay as they are (CPython only warns). */
static size_t decode_escapes(Parser *p, Token *t, const char *s, size_t n, char *out)
{
    size_t k = 0;
    const char *body = s, *e = s + n;
    while (s < e) {
        if (*s != '\\' || s + 1 >= e) {
            out[k++] = *s++;
            continue;
        }
        long pos = (long)(s - body);
        char c = s[1];
        int simple = simple_escape(c);
        s += 2;
        if (c == '\n') {
            /* line continuation inside the string */
        } else if (simple >= 0) {
            out[k++] = (char)simple;
        } else if (c >= '0' && c <= '7') {
            uint32_t v = (uint32_t)(c - '0');
            for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; i++)
                v = v * 8 + (uint32_t)(*s++ - '0');
            k += put_utf8(out + k, v);
        } else if (c == 'x' || c == 'u' || c == 'U') {
            k += put_utf8(out + k, decode_hex_escape(p, t, &s, e, c, pos));
        } else if (c == 'N') {
            k += put_utf8(out + k, decode_name_escape(p, t, &s, e, pos, body));
        } else {
            out[k++] = '\\';
            s--;
        }
    }
    return k;
}

typedef struct StrInfo {
    bool raw, fstr, bytes;
    const char *body;             /* between the quotes */
    size_t len;
    size_t prefix;                /* prefix length */
    size_t quote;                 /* 1 or 3 */
} StrInfo;

static StrInfo str_info(Token *t)
{
    StrInfo si = {0};
    const char *s = t->start;
    while (*s != '"' && *s != '\'') {
        char c = (char)(*s | 0x20);
        si.raw |= c == 'r';
        si.fstr |= c == 'f';
        si.bytes |= c == 'b';
        s++;
    }
    si.prefix = (size_t)(s - t->start);
    size_t total = (size_t)(t->end - s);
    si.quote = total >= 6 && s[1] == s[0] && s[2] == s[0] ? 3 : 1;
    si.body = s + si.quote;
    si.len = total - 2 * si.quote;
    return si;
}

static Value decode_plain(Parser *p, Token *t, const char *s, size_t n, bool raw)
{
    if (raw)
        return p_keep(p, wf_str_new(s, n));
    char *buf = wf_arena_alloc(p->arena, n + 1);
    size_t k = decode_escapes(p, t, s, n, buf);
    return p_keep(p, wf_str_new(buf, k));
}

/* Merge a literal piece into the JoinedStr part list (adjacent constants join). */
static void parts_add_text(Parser *p, Vec *parts, Token *t, Value s)
{
    if (wf_as_str(s)->len == 0)
        return;
    if (parts->count) {
        Expr *last = parts->items[parts->count - 1];
        if (last->kind == WF_EXPR_Constant) {
            last->v.Constant.value = p_keep(p, wf_str_concat(last->v.Constant.value, s));
            return;
        }
    }
    vec_push(p, parts, new_const(p, t, s));
}

/* The literal pieces and fields of an f-string carry the span of the
 * whole (concatenated) string, as in CPython 3.11. */
static void fs_set_span(Vec parts, Token *first, Token *last)
{
    for (size_t i = 0; i < parts.count; i++) {
        Expr *e = parts.items[i];
        e->lineno = first->lineno, e->col_offset = first->col;
        e->end_lineno = last->end_lineno, e->end_col_offset = last->end_col;
        /* A format spec and its parts keep their own token's span. */
    }
}

/* One or more adjacent STRING tokens: a Constant or a JoinedStr. */
static Expr *parse_strings(Parser *p)
{
    Token *first = peek(p);
    bool anyf = false, anybytes = false;
    size_t n = 0;
    while (p->pos + n < p->ntoks && p->toks[p->pos + n].kind == TK_STRING) {
        StrInfo si = str_info(&p->toks[p->pos + n]);
        anyf |= si.fstr;
        anybytes |= si.bytes;
        n++;
    }
    if (anybytes) {
        for (size_t i = 0; i < n; i++)
            if (!str_info(&p->toks[p->pos + i]).bytes)
                p_error_tok(p, first, "cannot mix bytes and nonbytes literals");
        p_error_tok(p, first, "bytes literals are not supported");
    }
    Vec parts = {0};
    for (size_t i = 0; i < n; i++) {
        Token *t = advance(p);
        StrInfo si = str_info(t);
        if (si.fstr)
            parse_fstring_token(p, t, &parts);
        else
            parts_add_text(p, &parts, t, decode_plain(p, t, si.body, si.len, si.raw));
    }
    if (anyf)
        fs_set_span(parts, first, prev(p));
    if (!anyf) {
        Value v = parts.count ? ((Expr *)parts.items[0])->v.Constant.value : p_keep(p, wf_str_new("", 0));
        return new_const(p, first, v);
    }
    Expr *e = new_expr(p, WF_EXPR_JoinedStr, first);
    e->v.JoinedStr.values = SEQ(ExprSeq, parts);
    return e;
}

/* ---- f-strings ---- */

/* Position bookkeeping inside a (possibly multi-line) string token. */
static void fs_locate(Token *t, const char *pos, int *lineno, const char **line_start)
{
    int line = t->lineno;
    const char *ls = t->start - t->col;
    for (const char *s = t->start; s < pos; s++)
        if (*s == '\n')
            line++, ls = s + 1;
    *lineno = line;
    *line_start = ls;
}

/* CPython 3.11 reports f-string errors just past the string token, whatever
 * the position inside it; pos is kept for the day this changes (3.12 does). */
_Noreturn static void fs_error(Parser *p, Token *t, const char *pos, const char *msg)
{
    (void)pos;
    p_error_pos(p, wf_exc_SyntaxError, t->end_lineno, t->end, msg);
}

/* Parse the expression in source bytes [s, e) with a nested parser. */
static Expr *fs_parse_expr(Parser *p, Token *t, const char *s, const char *e)
{
    int line;
    const char *ls;
    fs_locate(t, s, &line, &ls);
    Tokenizer tz;
    wf_tok_init(&tz, p->base, s, e, line, ls, p->filename, true);
    Vec toks = {0};
    for (;;) {
        Token *nt = wf_arena_alloc(p->arena, sizeof(Token));
        if (wf_tok_next(&tz, nt) < 0)
            p_jump(p);
        vec_push(p, &toks, nt);
        if (nt->kind == TK_ENDMARKER)
            break;
    }
    Token *arr = wf_arena_alloc(p->arena, toks.count * sizeof(Token));
    for (size_t i = 0; i < toks.count; i++)
        arr[i] = *(Token *)toks.items[i];
    Parser sub = *p;
    sub.toks = arr;
    sub.ntoks = toks.count;
    sub.pos = 0;
    sub.unclosed_level = 0;
    sub.fstring_depth = p->fstring_depth + 1;
    Expr *r = sub.toks[0].kind == TK_KW_yield ? parse_yield_expr(&sub) : parse_star_expressions(&sub);
    if (!(sub.toks[sub.pos].kind == TK_ENDMARKER))
        p_syntax_error(&sub);
    return r;
}

/* Find the end of a replacement field's expression starting at s: stops at
 * '!', ':', '}' or a self-documenting '=' at bracket depth 0. */
static const char *fs_expr_end(Parser *p, Token *t, const char *s, const char *e, bool *debug)
{
    int depth = 0;
    char q = 0;
    *debug = false;
    for (; s < e; s++) {
        char c = *s;
        if (q) {
            if (c == q)
                q = 0;
            continue;
        }
        if (c == '\\')
            fs_error(p, t, s, "f-string expression part cannot include a backslash");
        if (c == '\'' || c == '"') {
            q = c;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
            depth--;
        } else if (c == '#') {
            fs_error(p, t, s, "f-string expression part cannot include '#'");
        } else if (depth == 0) {
            if (c == '}' || c == ':')
                return s;
            if (c == '!' && !(s + 1 < e && s[1] == '='))
                return s;
            if (c == '=' && s + 1 < e && s[1] != '=' && !strchr("=!<>", s[-1])) {
                *debug = true;
                return s;
            }
        }
    }
    if (q)
        fs_error(p, t, s, "f-string: unterminated string");
    return s;
}

static bool fs_blank(const char *s, const char *e)
{
    for (; s < e; s++)
        if (!strchr(" \t\n\r\f", *s))
            return false;
    return true;
}

static const char *fs_parse_literal(Parser *p, Token *t, const char *s, const char *e, bool raw,
                                    bool in_spec, int depth, Vec *parts);

/* Parse one replacement field; s is just after '{'. Returns the position
 * after the closing '}'. */
static const char *fs_parse_field(Parser *p, Token *t, const char *s, const char *e, bool raw,
                                  int depth, Vec *parts)
{
    if (depth >= 2)
        fs_error(p, t, s, "f-string: expressions nested too deeply");
    bool debug;
    const char *xe = fs_expr_end(p, t, s, e, &debug);
    if (fs_blank(s, xe))
        fs_error(p, t, s, xe < e && *xe == '!' ? "f-string: expression required before '!'"
                                               : "f-string: empty expression not allowed");
    if (xe >= e)
        fs_error(p, t, s, "f-string: expecting '}'");
    Expr *value = fs_parse_expr(p, t, s, xe);
    const char *q = xe;
    if (debug) {
        q++;
        while (q < e && strchr(" \t\n\r\f", *q))
            q++;
        parts_add_text(p, parts, t, p_keep(p, wf_str_new(s, (size_t)(q - s))));
    }
    int conversion = -1;
    if (q < e && *q == '!') {
        q++;
        if (q >= e || !strchr("sra", *q))
            fs_error(p, t, q, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        if (q + 1 >= e || (q[1] != '}' && q[1] != ':'))
            fs_error(p, t, q, "f-string: expecting '}'");
        conversion = *q++;
    }
    Expr *spec = NULL;
    if (q < e && *q == ':') {
        Vec sp = {0};
        q = fs_parse_literal(p, t, q + 1, e, raw, true, depth + 1, &sp);
        spec = new_expr(p, WF_EXPR_JoinedStr, t);
        spec->v.JoinedStr.values = SEQ(ExprSeq, sp);
    }
    if (q >= e || *q != '}')
        fs_error(p, t, q, "f-string: expecting '}'");
    if (debug && conversion == -1 && !spec)
        conversion = 'r';
    Expr *fv = new_expr(p, WF_EXPR_FormattedValue, t);
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    vec_push(p, parts, fv);
    return q + 1;
}

/* Literal text with fields. In a format spec, stops at the closing '}'. */
static const char *fs_parse_literal(Parser *p, Token *t, const char *s, const char *e, bool raw,
                                    bool in_spec, int depth, Vec *parts)
{
    while (s < e) {
        const char *lit = s;
        while (s < e && *s != '{' && *s != '}') {
            if (*s == '\\' && !raw && s + 1 < e) {
                if (s[1] == 'N' && s + 2 < e && s[2] == '{') {
                    /* \N{NAME}: its braces are not a replacement field */
                    const char *close = memchr(s, '}', (size_t)(e - s));
                    s = close ? close + 1 : e;
                    continue;
                }
                if (s[1] != '{' && s[1] != '}')
                    s++;
            }
            s++;
        }
        if (s > lit) {
            if (raw)
                parts_add_text(p, parts, t, p_keep(p, wf_str_new(lit, (size_t)(s - lit))));
            else
                parts_add_text(p, parts, t, decode_plain(p, t, lit, (size_t)(s - lit), false));
        }
        if (s >= e)
            break;
        if (*s == '}') {
            if (in_spec)
                return s;
            if (s + 1 < e && s[1] == '}') {
                parts_add_text(p, parts, t, p_keep(p, wf_str_new("}", 1)));
                s += 2;
                continue;
            }
            fs_error(p, t, s, "f-string: single '}' is not allowed");
        }
        if (!in_spec && s + 1 < e && s[1] == '{') {
            parts_add_text(p, parts, t, p_keep(p, wf_str_new("{", 1)));
            s += 2;
            continue;
        }
        s = fs_parse_field(p, t, s + 1, e, raw, depth, parts);
    }
    if (in_spec)
        fs_error(p, t, s, "f-string: expecting '}'");
    return s;
}

/* Append the pieces of one f-string token to parts. */
static void parse_fstring_token(Parser *p, Token *t, Vec *parts)
{
    StrInfo si = str_info(t);
    fs_parse_literal(p, t, si.body, si.body + si.len, si.raw, false, 0, parts);
}

/* ---- atoms ---- */

static ComprehensionSeq parse_comp_for(Parser *p);

/* '*' bitwise_or, with the parser at the star. */
static Expr *parse_starred(Parser *p)
{
    Token *st = advance(p);
    Expr *v = parse_bitwise_or(p);
    Expr *e = new_expr(p, WF_EXPR_Starred, st);
    e->v.Starred.value = v;
    return e;
}

/* The target list of `for` (in statements and comprehensions): stops before 'in'. */
static Expr *parse_for_targets(Parser *p)
{
    Token *start = peek(p);
    Vec elts = {0};
    bool comma = false;
    for (;;) {
        Expr *e;
        e = at(p, TK_STAR) ? parse_starred(p) : parse_bitwise_or(p);
        vec_push(p, &elts, e);
        if (!at(p, TK_COMMA))
            break;
        advance(p);
        comma = true;
        if (at(p, TK_KW_in))
            break;
    }
    Expr *t;
    if (comma) {
        t = new_expr(p, WF_EXPR_Tuple, start);
        t->v.Tuple.elts = SEQ(ExprSeq, elts);
    } else {
        t = elts.items[0];
    }
    check_target(p, t, WF_CTX_Store);
    return t;
}

static ComprehensionSeq parse_comp_for(Parser *p)
{
    Vec gens = {0};
    while (at(p, TK_KW_for) || at(p, TK_KW_async)) {
        if (at(p, TK_KW_async))
            p_syntax_error(p);
        advance(p);
        Comprehension *c = wf_arena_alloc(p->arena, sizeof(Comprehension));
        c->target = parse_for_targets(p);
        expect(p, TK_KW_in);
        c->iter = parse_disjunction(p);
        Vec ifs = {0};
        while (accept(p, TK_KW_if))
            vec_push(p, &ifs, parse_disjunction(p));
        c->ifs = SEQ(ExprSeq, ifs);
        vec_push(p, &gens, c);
    }
    return SEQ(ComprehensionSeq, gens);
}

static void check_comp_elt(Parser *p, Expr *elt)
{
    if (elt->kind == WF_EXPR_Starred)
        p_error_expr(p, elt, "iterable unpacking cannot be used in comprehension");
}

static bool starts_expression(TokKind k);

/* The last token of the expression starting at the current token (for
 * error ranges), or the current token if none parses; consumes nothing. */
static Token *expr_end_token(Parser *p)
{
    size_t save = p->pos;
    int depth = p->depth;
    bool la = p->looked_ahead;
    jmp_buf jb, *outer = p->jb;
    Token *volatile end = peek(p);  /* volatile: set after setjmp (-Wclobbered) */
    p->jb = &jb;
    if (setjmp(jb) == 0) {
        parse_expression(p);
        end = prev(p);
    } else {
        wf_err_clear();
    }
    p->jb = outer;
    p->pos = save;
    p->depth = depth;
    p->looked_ahead = la;
    return end;
}

/* Raise msg over expression a up to token end (CPython's KNOWN_RANGE errors). */
_Noreturn static void p_error_span(Parser *p, Expr *a, Token *end, const char *msg)
{
    p_error_range(p, wf_exc_SyntaxError, a->lineno, p_line_ptr(p, a->lineno) + a->col_offset,
                  end->end_lineno, end->end, msg);
}

_Noreturn static void p_error_keyword(Parser *p, Keyword *k, const char *msg)
{
    p_error_range(p, wf_exc_SyntaxError, k->lineno, p_line_ptr(p, k->lineno) + k->col_offset,
                  k->end_lineno, p_line_ptr(p, k->end_lineno) + k->end_col_offset, msg);
}

/* After an element inside brackets: two expressions side by side. */
static void check_missing_comma(Parser *p, Expr *elt)
{
    switch (peek(p)->kind) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAR: case TK_LSQB: case TK_LBRACE:
    case TK_KW_None: case TK_KW_True: case TK_KW_False: case TK_TILDE: case TK_KW_lambda:
        if (elt->kind == WF_EXPR_Name && peek(p)->kind == TK_STRING) {
            /* `a "s"` is left alone (a legacy print statement?), but not `a "s" b`. */
            size_t i = 0;
            while (peek_at(p, i)->kind == TK_STRING)
                i++;
            if (!starts_expression(peek_at(p, i)->kind) || peek_at(p, i)->kind == TK_STAR ||
                peek_at(p, i)->kind == TK_MINUS || peek_at(p, i)->kind == TK_PLUS || peek_at(p, i)->kind == TK_KW_not)
                return;
            p->looked_ahead = true;
            Token *first = peek(p);
            p->pos += i;
            Token *end = expr_end_token(p);
            p->pos -= i;
            p_error_range(p, wf_exc_SyntaxError, first->lineno, first->start, end->end_lineno, end->end,
                          "invalid syntax. Perhaps you forgot a comma?");
        }
        p->looked_ahead = true;
        p_error_span(p, elt, expr_end_token(p), "invalid syntax. Perhaps you forgot a comma?");
    default:
        return;
    }
}

/* Elements of a list/tuple/set display after the first one (already in elts),
 * up to (not including) the closing token. */
static void parse_display_rest(Parser *p, Vec *elts, TokKind close)
{
    while (accept(p, TK_COMMA)) {
        if (at(p, close))
            return;
        Expr *e = parse_star_named_expression(p);
        vec_push(p, elts, e);
        if (at(p, TK_KW_for))
            p_error_span(p, elts->items[0], prev(p), "did you forget parentheses around the comprehension target?");
        if (!at(p, TK_COMMA) && !at(p, close))
            check_missing_comma(p, e);
    }
}

/* elt for ... and the closing bracket: a GeneratorExp, ListComp or SetComp
 * (their fields are laid out alike) starting at open. */
static Expr *parse_comp(Parser *p, Token *open, Expr *elt, ExprKind kind, TokKind close)
{
    check_comp_elt(p, elt);
    ComprehensionSeq gens = parse_comp_for(p);
    expect(p, close);
    Expr *c = new_expr(p, kind, open);
    switch (kind) {
    case WF_EXPR_GeneratorExp:
        c->v.GeneratorExp.elt = elt, c->v.GeneratorExp.generators = gens;
        break;
    case WF_EXPR_ListComp:
        c->v.ListComp.elt = elt, c->v.ListComp.generators = gens;
        break;
    default:
        WF_ASSERT(kind == WF_EXPR_SetComp);
        c->v.SetComp.elt = elt, c->v.SetComp.generators = gens;
        break;
    }
    return c;
}

static Expr *parse_paren(Parser *p)
{
    Token *open = advance(p);
    if (accept(p, TK_RPAR)) {
        Expr *e = new_expr(p, WF_EXPR_Tuple, open);
        return e;
    }
    if (at(p, TK_KW_yield)) {
        Expr *y = parse_yield_expr(p);
        expect(p, TK_RPAR);
        return y;
    }
    Expr *first = parse_star_named_expression(p);
    if (at(p, TK_KW_for) || at(p, TK_KW_async)) {
        return parse_comp(p, open, first, WF_EXPR_GeneratorExp, TK_RPAR);
    }
    if (accept(p, TK_RPAR)) {
        if (first->kind == WF_EXPR_Starred)
            p_error_expr(p, first, "cannot use starred expression here");
        return first;   /* a parenthesized expression keeps its own position */
    }
    if (!at(p, TK_COMMA)) {
        check_missing_comma(p, first);
        p_syntax_error(p);
    }
    Vec elts = {0};
    vec_push(p, &elts, first);
    parse_display_rest(p, &elts, TK_RPAR);
    expect(p, TK_RPAR);
    Expr *t = new_expr(p, WF_EXPR_Tuple, open);
    t->v.Tuple.elts = SEQ(ExprSeq, elts);
    return t;
}

static Expr *parse_list(Parser *p)
{
    Token *open = advance(p);
    Vec elts = {0};
    if (!at(p, TK_RSQB)) {
        Expr *first = parse_star_named_expression(p);
        if (at(p, TK_KW_for) || at(p, TK_KW_async)) {
            return parse_comp(p, open, first, WF_EXPR_ListComp, TK_RSQB);
        }
        vec_push(p, &elts, first);
        if (!at(p, TK_COMMA) && !at(p, TK_RSQB))
            check_missing_comma(p, first);
        parse_display_rest(p, &elts, TK_RSQB);
    }
    expect(p, TK_RSQB);
    Expr *l = new_expr(p, WF_EXPR_List, open);
    l->v.List.elts = SEQ(ExprSeq, elts);
    return l;
}

/* One `key: value` or `**mapping` entry of a dict display. */
static void parse_dict_entry(Parser *p, Vec *keys, Vec *values)
{
    if (accept(p, TK_DOUBLESTAR)) {
        vec_push(p, keys, NULL);
        vec_push(p, values, parse_bitwise_or(p));
        return;
    }
    Expr *k = parse_expression(p);
    expect(p, TK_COLON);
    vec_push(p, keys, k);
    Expr *v = parse_expression(p);
    vec_push(p, values, v);
    if (!at(p, TK_COMMA) && !at(p, TK_RBRACE))
        check_missing_comma(p, v);
}

static Expr *parse_dict_rest(Parser *p, Token *open, Vec *keys, Vec *values)
{
    while (accept(p, TK_COMMA)) {
        if (at(p, TK_RBRACE))
            break;
        parse_dict_entry(p, keys, values);
    }
    expect(p, TK_RBRACE);
    Expr *d = new_expr(p, WF_EXPR_Dict, open);
    d->v.Dict.keys = SEQ(ExprSeq, (*keys));
    d->v.Dict.values = SEQ(ExprSeq, (*values));
    return d;
}

static Expr *parse_brace(Parser *p)
{
    Token *open = advance(p);
    Vec keys = {0}, values = {0};
    if (accept(p, TK_RBRACE))
        return new_expr(p, WF_EXPR_Dict, open);
    if (at(p, TK_DOUBLESTAR)) {
        parse_dict_entry(p, &keys, &values);
        return parse_dict_rest(p, open, &keys, &values);
    }
    Expr *first = parse_star_named_expression(p);
    if (accept(p, TK_COLON)) {
        if (first->kind == WF_EXPR_Starred)
            p_error_expr(p, first, "cannot use a starred expression in a dictionary value");
        Expr *v = parse_expression(p);
        if (at(p, TK_KW_for) || at(p, TK_KW_async)) {
            ComprehensionSeq gens = parse_comp_for(p);
            expect(p, TK_RBRACE);
            Expr *c = new_expr(p, WF_EXPR_DictComp, open);
            c->v.DictComp.key = first;
            c->v.DictComp.value = v;
            c->v.DictComp.generators = gens;
            return c;
        }
        vec_push(p, &keys, first);
        vec_push(p, &values, v);
        if (!at(p, TK_COMMA) && !at(p, TK_RBRACE))
            check_missing_comma(p, v);
        return parse_dict_rest(p, open, &keys, &values);
    }
    if (at(p, TK_KW_for) || at(p, TK_KW_async)) {
        return parse_comp(p, open, first, WF_EXPR_SetComp, TK_RBRACE);
    }
    Vec elts = {0};
    vec_push(p, &elts, first);
    if (!at(p, TK_COMMA) && !at(p, TK_RBRACE))
        check_missing_comma(p, first);
    parse_display_rest(p, &elts, TK_RBRACE);
    expect(p, TK_RBRACE);
    Expr *s = new_expr(p, WF_EXPR_Set, open);
    s->v.Set.elts = SEQ(ExprSeq, elts);
    return s;
}

static Expr *parse_atom(Parser *p)
{
    Token *t = peek(p);
    switch (t->kind) {
    case TK_NAME:
        advance(p);
        return new_name(p, t, WF_CTX_Load);
    case TK_NUMBER:
        return parse_number(p);
    case TK_STRING:
        return parse_strings(p);
    case TK_KW_None:
        advance(p);
        return new_const(p, t, wf_None);
    case TK_KW_True:
        advance(p);
        return new_const(p, t, wf_True);
    case TK_KW_False:
        advance(p);
        return new_const(p, t, wf_False);
    case TK_ELLIPSIS:
        advance(p);
        return new_const(p, t, wf_Ellipsis);
    case TK_LPAR:
        return parse_paren(p);
    case TK_LSQB:
        return parse_list(p);
    case TK_LBRACE:
        return parse_brace(p);
    default:
        p_syntax_error(p);
    }
}

/* ---- calls and subscripts ---- */

/* The arguments of a call or class header being parsed, and what CPython's
 * ordering rules need to know about the ones already seen. */
typedef struct CallArgs {
    Token *open;                  /* the '(' */
    bool genexp;                  /* a bare generator argument is allowed */
    Vec args, kws;
    bool seen_kw;
    Keyword *first_dstar;         /* the first `**x`, or NULL */
} CallArgs;

static Keyword *new_keyword(Parser *p, Token *st, Value arg, Expr *value)
{
    Keyword *k = wf_arena_alloc(p->arena, sizeof(Keyword));
    k->arg = arg;
    k->value = value;
    k->lineno = st->lineno, k->col_offset = st->col;
    k->end_lineno = prev(p)->end_lineno, k->end_col_offset = prev(p)->end_col;
    return k;
}

/* `*iterable` */
static void call_arg_star(Parser *p, CallArgs *ca, Token *st)
{
    advance(p);
    Expr *v = parse_expression(p);
    Expr *e = new_expr(p, WF_EXPR_Starred, st);
    e->v.Starred.value = v;
    if (at(p, TK_KW_for))
        p_error_expr(p, e, "iterable unpacking cannot be used in comprehension");
    if (ca->first_dstar)
        p_error_keyword(p, ca->first_dstar, "iterable argument unpacking follows keyword argument unpacking");
    vec_push(p, &ca->args, e);
}

/* `name=value` */
static void call_arg_keyword(Parser *p, CallArgs *ca, Token *st)
{
    advance(p);
    advance(p);
    Value name = p_ident(p, st);
    Keyword *k = new_keyword(p, st, name, parse_expression(p));
    for (size_t i = 0; i < ca->kws.count; i++) {
        if (((Keyword *)ca->kws.items[i])->arg == name) {
            char msg[300];
            snprintf(msg, sizeof msg, "keyword argument repeated: %s", wf_str_cstr(name));
            p_error_keyword(p, k, msg);
        }
    }
    vec_push(p, &ca->kws, k);
    ca->seen_kw = true;
}

/* `f(x for x in y)`: the generator takes the call's parentheses. */
static Expr *call_arg_genexp(Parser *p, CallArgs *ca, Expr *elt)
{
    if (!ca->genexp)
        p_syntax_error(p);
    ComprehensionSeq gens = parse_comp_for(p);
    bool alone = !ca->args.count && !ca->kws.count &&
                 (at(p, TK_RPAR) || (at(p, TK_COMMA) && peek_at(p, 1)->kind == TK_RPAR));
    if (!alone)
        p_error_span(p, elt, prev(p), "Generator expression must be parenthesized");
    Expr *g = new_expr(p, WF_EXPR_GeneratorExp, ca->open);
    g->v.GeneratorExp.elt = elt;
    g->v.GeneratorExp.generators = gens;
    g->end_lineno = peek(p)->end_lineno, g->end_col_offset = peek(p)->end_col;
    return g;
}

/* A positional argument (possibly a bare generator expression). */
static void call_arg_positional(Parser *p, CallArgs *ca)
{
    Expr *e = parse_named_expression_ex(p, false);
    if (at(p, TK_EQUAL))
        p_error_span(p, e, peek(p), "expression cannot contain assignment, perhaps you meant \"==\"?");
    if (at(p, TK_KW_for))
        e = call_arg_genexp(p, ca, e);
    if (ca->first_dstar)
        p_error_tok(p, peek(p), "positional argument follows keyword argument unpacking");
    if (ca->seen_kw)
        p_error_tok(p, peek(p), "positional argument follows keyword argument");
    vec_push(p, &ca->args, e);
    if (!at(p, TK_COMMA) && !at(p, TK_RPAR))
        check_missing_comma(p, e);
}

/* Arguments after `open` up to and including the ')'. */
static void parse_call_args(Parser *p, Token *open, ExprSeq *args_out, KeywordSeq *kw_out, bool genexp)
{
    CallArgs ca = {.open = open, .genexp = genexp};
    while (!at(p, TK_RPAR)) {
        Token *st = peek(p);
        TokKind next = peek_at(p, 1)->kind;
        if (accept(p, TK_DOUBLESTAR)) {
            Keyword *k = new_keyword(p, st, 0, parse_expression(p));
            k->end_lineno = prev(p)->end_lineno, k->end_col_offset = prev(p)->end_col;
            vec_push(p, &ca.kws, k);
            if (!ca.first_dstar)
                ca.first_dstar = k;
        } else if (at(p, TK_STAR)) {
            call_arg_star(p, &ca, st);
        } else if ((at(p, TK_KW_True) || at(p, TK_KW_False) || at(p, TK_KW_None)) && next == TK_EQUAL) {
            char msg[64];
            snprintf(msg, sizeof msg, "cannot assign to %s", wf_tok_names[st->kind]);
            p_error_range(p, wf_exc_SyntaxError, st->lineno, st->start, st->lineno, st[1].end, msg);
        } else if (at(p, TK_NAME) && next == TK_EQUAL) {
            call_arg_keyword(p, &ca, st);
        } else {
            call_arg_positional(p, &ca);
        }
        if (!accept(p, TK_COMMA))
            break;
    }
    expect(p, TK_RPAR);
    *args_out = SEQ(ExprSeq, ca.args);
    *kw_out = SEQ(KeywordSeq, ca.kws);
}

static Expr *parse_slice_item(Parser *p)
{
    Token *st = peek(p);
    Expr *lower = NULL, *upper = NULL, *step = NULL;
    if (!at(p, TK_COLON)) {
        if (at(p, TK_STAR))
            return parse_starred(p);
        lower = parse_named_expression(p);
        if (!at(p, TK_COLON))
            return lower;
    }
    advance(p);
    if (!at(p, TK_COLON) && !at(p, TK_COMMA) && !at(p, TK_RSQB))
        upper = parse_expression(p);
    if (accept(p, TK_COLON)) {
        if (!at(p, TK_COMMA) && !at(p, TK_RSQB))
            step = parse_expression(p);
    }
    Expr *s = new_expr(p, WF_EXPR_Slice, st);
    s->v.Slice.lower = lower;
    s->v.Slice.upper = upper;
    s->v.Slice.step = step;
    return s;
}

static Expr *parse_slices(Parser *p)
{
    Token *st = peek(p);
    Expr *first = parse_slice_item(p);
    if (!at(p, TK_COMMA)) {
        if (!at(p, TK_RSQB))
            check_missing_comma(p, first);
        return first;
    }
    Vec elts = {0};
    vec_push(p, &elts, first);
    while (accept(p, TK_COMMA)) {
        if (at(p, TK_RSQB))
            break;
        vec_push(p, &elts, parse_slice_item(p));
    }
    Expr *t = new_expr(p, WF_EXPR_Tuple, st);
    t->v.Tuple.elts = SEQ(ExprSeq, elts);
    return t;
}

static Expr *parse_primary(Parser *p)
{
    Token *st = peek(p);
    Expr *e = parse_atom(p);
    for (;;) {
        if (at(p, TK_DOT)) {
            advance(p);
            Token *name = expect(p, TK_NAME);
            Expr *a = new_expr(p, WF_EXPR_Attribute, st);
            a->v.Attribute.value = e;
            a->v.Attribute.attr = p_ident(p, name);
            e = a;
        } else if (at(p, TK_LPAR)) {
            Token *open = advance(p);
            ExprSeq args;
            KeywordSeq kws;
            parse_call_args(p, open, &args, &kws, true);
            Expr *c = new_expr(p, WF_EXPR_Call, st);
            c->v.Call.func = e;
            c->v.Call.args = args;
            c->v.Call.keywords = kws;
            e = c;
        } else if (at(p, TK_LSQB)) {
            advance(p);
            Expr *sl = parse_slices(p);
            expect(p, TK_RSQB);
            Expr *s = new_expr(p, WF_EXPR_Subscript, st);
            s->v.Subscript.value = e;
            s->v.Subscript.slice = sl;
            e = s;
        } else {
            return e;
        }
    }
}

/* ---- operators ---- */

static Expr *parse_factor(Parser *p);

static Expr *parse_power(Parser *p)
{
    if (at(p, TK_KW_await))
        p_syntax_error(p);
    Token *st = peek(p);
    Expr *base = parse_primary(p);
    if (!accept(p, TK_DOUBLESTAR))
        return base;
    Expr *exp = parse_factor(p);
    Expr *e = new_expr(p, WF_EXPR_BinOp, st);
    e->v.BinOp.left = base;
    e->v.BinOp.op = WF_BINOP_POW;
    e->v.BinOp.right = exp;
    return e;
}

/* The operator at the current token applied to what operand parses, one
 * nesting level deeper. */
static Expr *parse_unary(Parser *p, AstUnaryOp op, Expr *(*operand)(Parser *))
{
    Token *t = advance(p);
    p_enter(p);
    Expr *v = operand(p);
    p->depth--;
    Expr *e = new_expr(p, WF_EXPR_UnaryOp, t);
    e->v.UnaryOp.op = op;
    e->v.UnaryOp.operand = v;
    return e;
}

static Expr *parse_factor(Parser *p)
{
    Token *t = peek(p);
    AstUnaryOp op;
    switch (t->kind) {
    case TK_PLUS: op = WF_UOP_UAdd; break;
    case TK_MINUS: op = WF_UOP_USub; break;
    case TK_TILDE: op = WF_UOP_Invert; break;
    default: return parse_power(p);
    }
    return parse_unary(p, op, parse_factor);
}

/* Binary operator levels, loosest first: (token, op) pairs per level. */
typedef struct BinLevel { TokKind tok[5]; int op[5]; } BinLevel;
static const BinLevel bin_levels[] = {
    {{TK_VBAR}, {WF_BINOP_OR}},
    {{TK_CIRCUMFLEX}, {WF_BINOP_XOR}},
    {{TK_AMPER}, {WF_BINOP_AND}},
    {{TK_LEFTSHIFT, TK_RIGHTSHIFT}, {WF_BINOP_LSHIFT, WF_BINOP_RSHIFT}},
    {{TK_PLUS, TK_MINUS}, {WF_BINOP_ADD, WF_BINOP_SUB}},
    {{TK_STAR, TK_SLASH, TK_DOUBLESLASH, TK_PERCENT, TK_AT},
     {WF_BINOP_MUL, WF_BINOP_TRUEDIV, WF_BINOP_FLOORDIV, WF_BINOP_MOD, WF_BINOP_MATMUL}},
};
#define N_BIN_LEVELS (sizeof bin_levels / sizeof bin_levels[0])

static int bin_match(const BinLevel *l, TokKind k)
{
    for (int i = 0; i < 5 && l->tok[i]; i++)
        if (l->tok[i] == k)
            return l->op[i];
    return -1;
}

static Expr *parse_binary(Parser *p, size_t level)
{
    if (level == N_BIN_LEVELS)
        return parse_factor(p);
    Token *st = peek(p);
    Expr *left = parse_binary(p, level + 1);
    for (;;) {
        int op = bin_match(&bin_levels[level], peek(p)->kind);
        if (op < 0)
            return left;
        advance(p);
        Expr *right = parse_binary(p, level + 1);
        Expr *e = new_expr(p, WF_EXPR_BinOp, st);
        e->v.BinOp.left = left;
        e->v.BinOp.op = op;
        e->v.BinOp.right = right;
        left = e;
    }
}

static Expr *parse_bitwise_or(Parser *p)
{
    p_enter(p);
    Expr *e = parse_binary(p, 0);
    p->depth--;
    return e;
}

/* A comparison operator at the current token, or -1. Consumes it. */
static int parse_cmp_op(Parser *p)
{
    switch (peek(p)->kind) {
    case TK_LESS: advance(p); return WF_CMP_Lt;
    case TK_LESSEQUAL: advance(p); return WF_CMP_LtE;
    case TK_EQEQUAL: advance(p); return WF_CMP_Eq;
    case TK_NOTEQUAL: advance(p); return WF_CMP_NotEq;
    case TK_GREATER: advance(p); return WF_CMP_Gt;
    case TK_GREATEREQUAL: advance(p); return WF_CMP_GtE;
    case TK_KW_in: advance(p); return WF_CMP_In;
    case TK_KW_is:
        advance(p);
        return accept(p, TK_KW_not) ? WF_CMP_IsNot : WF_CMP_Is;
    case TK_KW_not:
        if (peek_at(p, 1)->kind != TK_KW_in)
            return -1;
        advance(p);
        advance(p);
        return WF_CMP_NotIn;
    default:
        return -1;
    }
}

static Expr *parse_comparison(Parser *p)
{
    Token *st = peek(p);
    Expr *left = parse_bitwise_or(p);
    Vec ops = {0}, comps = {0};
    int op;
    if (at(p, TK_KW_not) && peek_at(p, 1)->kind != TK_KW_in) {
        /* `a not b`: CPython consumed the 'not' looking for 'in'. */
        advance(p);
        p_syntax_error(p);
    }
    while ((op = parse_cmp_op(p)) >= 0) {
        vec_push(p, &ops, (void *)(intptr_t)op);
        vec_push(p, &comps, parse_bitwise_or(p));
    }
    if (!ops.count)
        return left;
    Expr *e = new_expr(p, WF_EXPR_Compare, st);
    int *oa = wf_arena_alloc(p->arena, ops.count * sizeof(int));
    for (size_t i = 0; i < ops.count; i++)
        oa[i] = (int)(intptr_t)ops.items[i];
    e->v.Compare.left = left;
    e->v.Compare.ops = (IntSeq){oa, ops.count};
    e->v.Compare.comparators = SEQ(ExprSeq, comps);
    return e;
}

static Expr *parse_inversion(Parser *p)
{
    if (!at(p, TK_KW_not))
        return parse_comparison(p);
    return parse_unary(p, WF_UOP_Not, parse_inversion);
}

static Expr *parse_boolop(Parser *p, bool is_or)
{
    Token *st = peek(p);
    Expr *first = is_or ? parse_boolop(p, false) : parse_inversion(p);
    TokKind k = is_or ? TK_KW_or : TK_KW_and;
    if (!at(p, k))
        return first;
    Vec vals = {0};
    vec_push(p, &vals, first);
    while (accept(p, k))
        vec_push(p, &vals, is_or ? parse_boolop(p, false) : parse_inversion(p));
    Expr *e = new_expr(p, WF_EXPR_BoolOp, st);
    e->v.BoolOp.op = is_or ? WF_BOOLOP_Or : WF_BOOLOP_And;
    e->v.BoolOp.values = SEQ(ExprSeq, vals);
    return e;
}

static Expr *parse_disjunction(Parser *p)
{
    return parse_boolop(p, true);
}

static Expr *parse_lambda(Parser *p)
{
    Token *t = advance(p);
    Arguments *args = parse_params(p, TK_COLON, false);
    expect(p, TK_COLON);
    Expr *body = parse_expression(p);
    Expr *e = new_expr(p, WF_EXPR_Lambda, t);
    e->v.Lambda.args = args;
    e->v.Lambda.body = body;
    return e;
}

static Expr *parse_expression(Parser *p)
{
    if (at(p, TK_KW_lambda))
        return parse_lambda(p);
    p_enter(p);
    Token *st = peek(p);
    Expr *body = parse_disjunction(p);
    if (at(p, TK_KW_if)) {
        advance(p);
        Expr *test = parse_disjunction(p);
        if (at(p, TK_COLON))
            p_syntax_error(p);
        if (!at(p, TK_KW_else))
            p_error_span(p, body, prev(p), "expected 'else' after 'if' expression");
        advance(p);
        Expr *orelse = parse_expression(p);
        Expr *e = new_expr(p, WF_EXPR_IfExp, st);
        e->v.IfExp.test = test;
        e->v.IfExp.body = body;
        e->v.IfExp.orelse = orelse;
        body = e;
    }
    p->depth--;
    return body;
}


static Expr *parse_named_expression(Parser *p)
{
    return parse_named_expression_ex(p, true);
}

/* check_eq: `name = value` here is a mistyped comparison (not in call
 * arguments, where it is a keyword argument). */
static Expr *parse_named_expression_ex(Parser *p, bool check_eq)
{
    if (at(p, TK_NAME) && peek_at(p, 1)->kind == TK_COLONEQUAL) {
        Token *t = advance(p);
        advance(p);
        Expr *target = new_name(p, t, WF_CTX_Store);
        Expr *value = parse_expression(p);
        Expr *e = new_expr(p, WF_EXPR_NamedExpr, t);
        e->v.NamedExpr.target = target;
        e->v.NamedExpr.value = value;
        return e;
    }
    Expr *e = parse_expression(p);
    if (at(p, TK_COLONEQUAL)) {
        char msg[96];
        snprintf(msg, sizeof msg, "cannot use assignment expressions with %s", expr_name(e));
        p_error_expr(p, e, msg);
    }
    if (check_eq)
        check_test_assign(p, e);
    return e;
}

static Expr *parse_star_named_expression(Parser *p)
{
    return at(p, TK_STAR) ? parse_starred(p) : parse_named_expression(p);
}

static Expr *parse_star_expression(Parser *p)
{
    return at(p, TK_STAR) ? parse_starred(p) : parse_expression(p);
}

static bool starts_expression(TokKind k)
{
    switch (k) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAR: case TK_LSQB: case TK_LBRACE:
    case TK_KW_None: case TK_KW_True: case TK_KW_False: case TK_ELLIPSIS: case TK_MINUS:
    case TK_PLUS: case TK_TILDE: case TK_KW_not: case TK_KW_lambda: case TK_STAR: case TK_KW_await:
        return true;
    default:
        return false;
    }
}

/* star_expressions: a tuple when there is a comma. */
static Expr *parse_star_expressions(Parser *p)
{
    Token *st = peek(p);
    Expr *first = parse_star_expression(p);
    if (!at(p, TK_COMMA))
        return first;
    Vec elts = {0};
    vec_push(p, &elts, first);
    while (accept(p, TK_COMMA)) {
        if (!starts_expression(peek(p)->kind))
            break;
        vec_push(p, &elts, parse_star_expression(p));
    }
    Expr *t = new_expr(p, WF_EXPR_Tuple, st);
    t->v.Tuple.elts = SEQ(ExprSeq, elts);
    return t;
}

/* A list of expressions (no starred, for `for ... in` and subscripts of del). */
static Expr *parse_yield_expr(Parser *p)
{
    Token *t = advance(p);
    if (accept(p, TK_KW_from)) {
        Expr *v = parse_expression(p);
        Expr *e = new_expr(p, WF_EXPR_YieldFrom, t);
        e->v.YieldFrom.value = v;
        return e;
    }
    Expr *v = NULL;
    if (starts_expression(peek(p)->kind))
        v = parse_star_expressions(p);
    Expr *e = new_expr(p, WF_EXPR_Yield, t);
    e->v.Yield.value = v;
    return e;
}

/* ---- parameters ---- */

static Arg *parse_param(Parser *p, bool annotations, bool star)
{
    Token *t = expect(p, TK_NAME);
    Arg *a = wf_arena_alloc(p->arena, sizeof(Arg));
    a->arg = p_ident(p, t);
    a->lineno = t->lineno, a->col_offset = t->col;
    if (annotations && accept(p, TK_COLON)) {
        a->annotation = star && at(p, TK_STAR) ? parse_starred(p) : parse_expression(p);
    }
    a->end_lineno = prev(p)->end_lineno, a->end_col_offset = prev(p)->end_col;
    return a;
}

/* Parameters of def (close ')', annotations) or lambda (close ':'). */
static Arguments *parse_params(Parser *p, TokKind close, bool annotations)
{
    Arguments *A = wf_arena_alloc(p->arena, sizeof(Arguments));
    Vec pos = {0}, kwonly = {0}, defaults = {0}, kwdefaults = {0};
    size_t nposonly = 0;
    bool seen_slash = false, seen_star = false;
    while (!at(p, close)) {
        Token *t = peek(p);
        if (A->kwarg)
            p_error_tok(p, t, "arguments cannot follow var-keyword argument");
        if (accept(p, TK_SLASH)) {
            if (seen_slash)
                p_error_tok(p, t, "/ may appear only once");
            if (seen_star)
                p_error_tok(p, t, "/ must be ahead of *");
            if (!pos.count)
                p_error_tok(p, t, "at least one argument must precede /");
            seen_slash = true;
            nposonly = pos.count;
        } else if (accept(p, TK_STAR)) {
            if (seen_star)
                p_error_tok(p, t, "* argument may appear only once");
            seen_star = true;
            if (at(p, TK_NAME))
                A->vararg = parse_param(p, annotations, true);
            else if (at(p, close) || (at(p, TK_COMMA) && (peek_at(p, 1)->kind == close ||
                                                          peek_at(p, 1)->kind == TK_DOUBLESTAR)))
                p_error_tok(p, t, "named arguments must follow bare *");
            else if (!at(p, TK_COMMA))
                p_syntax_error(p);
        } else if (accept(p, TK_DOUBLESTAR)) {
            A->kwarg = parse_param(p, annotations, false);
            if (at(p, TK_EQUAL))
                p_error_tok(p, peek(p), "var-keyword argument cannot have default value");
        } else {
            Arg *a = parse_param(p, annotations, false);
            Expr *def = NULL;
            if (at(p, TK_EQUAL)) {
                Token *eq = advance(p);
                if (at(p, TK_COMMA) || at(p, close))
                    p_error_tok(p, eq, "expected default value expression");
                def = parse_expression(p);
            }
            if (seen_star) {
                vec_push(p, &kwonly, a);
                vec_push(p, &kwdefaults, def);
            } else {
                if (!def && defaults.count) {
                    if (!at(p, TK_COMMA) && !at(p, close))
                        p_syntax_error(p);
                    p_error_tok(p, t, "non-default argument follows default argument");
                }
                vec_push(p, &pos, a);
                if (def)
                    vec_push(p, &defaults, def);
            }
        }
        if (!accept(p, TK_COMMA))
            break;
    }
    if (!at(p, close))
        p_syntax_error(p);
    A->posonlyargs = (ArgSeq){(Arg **)pos.items, nposonly};
    A->args = (ArgSeq){pos.items ? (Arg **)pos.items + nposonly : NULL, pos.count - nposonly};  /* NULL + 0 is UB */
    A->kwonlyargs = SEQ(ArgSeq, kwonly);
    A->kw_defaults = SEQ(ExprSeq, kwdefaults);
    A->defaults = SEQ(ExprSeq, defaults);
    return A;
}

/* ---- simple statements ---- */

static int augassign_op(TokKind k)
{
    switch (k) {
    case TK_PLUSEQUAL: return WF_BINOP_ADD;
    case TK_MINEQUAL: return WF_BINOP_SUB;
    case TK_STAREQUAL: return WF_BINOP_MUL;
    case TK_SLASHEQUAL: return WF_BINOP_TRUEDIV;
    case TK_DOUBLESLASHEQUAL: return WF_BINOP_FLOORDIV;
    case TK_PERCENTEQUAL: return WF_BINOP_MOD;
    case TK_DOUBLESTAREQUAL: return WF_BINOP_POW;
    case TK_LEFTSHIFTEQUAL: return WF_BINOP_LSHIFT;
    case TK_RIGHTSHIFTEQUAL: return WF_BINOP_RSHIFT;
    case TK_AMPEREQUAL: return WF_BINOP_AND;
    case TK_VBAREQUAL: return WF_BINOP_OR;
    case TK_CIRCUMFLEXEQUAL: return WF_BINOP_XOR;
    case TK_ATEQUAL: return WF_BINOP_MATMUL;
    default: return -1;
    }
}

static Expr *parse_rhs(Parser *p)
{
    if (at(p, TK_KW_yield))
        return parse_yield_expr(p);
    Expr *e = parse_star_expressions(p);
    return e;
}

static void check_not_starred(Parser *p, Expr *e)
{
    if (e && e->kind == WF_EXPR_Starred)
        p_error_expr(p, e, "can't use starred expression here");
}

/* The bad target of `target = value` as CPython words it. */
_Noreturn static void assign_target_error(Parser *p, Expr *target, bool single)
{
    Expr *bad = invalid_target(target, WF_CTX_Store);
    if (target->kind == WF_EXPR_Yield || target->kind == WF_EXPR_YieldFrom)
        p_error_expr(p, target, "assignment to yield expression not possible");
    char msg[128];
    if (single && target->kind == WF_EXPR_Tuple && target->v.Tuple.elts.count &&
        target->col_offset == target->v.Tuple.elts.items[0]->col_offset &&
        target->lineno == target->v.Tuple.elts.items[0]->lineno &&
        bad == target->v.Tuple.elts.items[target->v.Tuple.elts.count - 1])
        target = bad;
    bool here = single && bad == target && target->kind != WF_EXPR_Compare &&
                target->kind != WF_EXPR_GeneratorExp && target->kind != WF_EXPR_Yield &&
                target->kind != WF_EXPR_BoolOp && target->kind != WF_EXPR_IfExp &&
                target->kind != WF_EXPR_Lambda && target->kind != WF_EXPR_NamedExpr &&
                !(target->kind == WF_EXPR_UnaryOp && target->v.UnaryOp.op == WF_UOP_Not) &&
                !(target->kind == WF_EXPR_Constant &&
                  (target->v.Constant.value == wf_None || target->v.Constant.value == wf_True ||
                   target->v.Constant.value == wf_False));
    if (here)
        snprintf(msg, sizeof msg, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(bad));
    else
        snprintf(msg, sizeof msg, "cannot assign to %s", expr_name(bad));
    p_error_expr(p, bad, msg);
}

static bool is_single_target(Expr *e)
{
    return e->kind == WF_EXPR_Name || e->kind == WF_EXPR_Attribute || e->kind == WF_EXPR_Subscript;
}

/* `target: annotation [= value]`; the ':' is consumed. */
static Stmt *parse_ann_assign(Parser *p, Token *st, Expr *target)
{
    if (at(p, TK_NEWLINE))   /* `x:` — the annotation is missing */
        p_syntax_error(p);
    if (target->kind == WF_EXPR_Tuple || target->kind == WF_EXPR_List) {
        char msg[80];
        snprintf(msg, sizeof msg, "only single target (not %s) can be annotated",
                 target->kind == WF_EXPR_Tuple ? "tuple" : "list");
        if (target->kind == WF_EXPR_Tuple)   /* CPython points at the first element only */
            p_error_pos(p, wf_exc_SyntaxError, target->lineno,
                        p_line_ptr(p, target->lineno) + target->col_offset, msg);
        p_error_expr(p, target, msg);
    }
    if (!is_single_target(target))
        p_error_expr(p, target, "illegal target for annotation");
    Expr *ann = parse_expression(p);
    Expr *value = accept(p, TK_EQUAL) ? parse_rhs(p) : NULL;
    set_ctx(target, WF_CTX_Store);
    Stmt *s = new_stmt(p, WF_STMT_AnnAssign, st);
    s->v.AnnAssign.target = target;
    s->v.AnnAssign.annotation = ann;
    s->v.AnnAssign.value = value;
    s->v.AnnAssign.simple = target->kind == WF_EXPR_Name && st->kind == TK_NAME;
    return s;
}

/* `target op= value` with the operator token current. */
static Stmt *parse_aug_assign(Parser *p, Token *st, Expr *target, int op)
{
    if (!is_single_target(target)) {
        char msg[96];
        snprintf(msg, sizeof msg, "'%s' is an illegal expression for augmented assignment", expr_name(target));
        p_error_expr(p, target, msg);
    }
    advance(p);
    Expr *value = parse_rhs(p);
    set_ctx(target, WF_CTX_Store);
    Stmt *s = new_stmt(p, WF_STMT_AugAssign, st);
    s->v.AugAssign.target = target;
    s->v.AugAssign.op = op;
    s->v.AugAssign.value = value;
    return s;
}

/* `t1 = t2 = ... = value` with the first '=' current. */
static Stmt *parse_assign(Parser *p, Token *st, Expr *first)
{
    Vec targets = {0};
    Expr *value = first;
    while (accept(p, TK_EQUAL)) {
        vec_push(p, &targets, value);
        if (!starts_expression(peek(p)->kind) && !at(p, TK_KW_yield) &&
            (invalid_target(value, WF_CTX_Store) || value->kind == WF_EXPR_Yield))
            assign_target_error(p, value, false);   /* nothing follows: no "here" hint */
        value = parse_rhs(p);
    }
    for (size_t i = 0; i < targets.count; i++) {
        Expr *t = targets.items[i];
        if (invalid_target(t, WF_CTX_Store) || t->kind == WF_EXPR_Yield)
            assign_target_error(p, t, targets.count == 1 && value->kind != WF_EXPR_Yield);
        check_target(p, t, WF_CTX_Store);
    }
    check_not_starred(p, value);
    Stmt *s = new_stmt(p, WF_STMT_Assign, st);
    s->v.Assign.targets = SEQ(ExprSeq, targets);
    s->v.Assign.value = value;
    return s;
}

/* An expression statement or any kind of assignment. */
static Stmt *parse_expr_stmt(Parser *p)
{
    Token *st = peek(p);
    Expr *first = at(p, TK_KW_yield) ? parse_yield_expr(p) : parse_star_expressions(p);
    if (accept(p, TK_COLON))
        return parse_ann_assign(p, st, first);
    int aug = augassign_op(peek(p)->kind);
    if (aug >= 0)
        return parse_aug_assign(p, st, first, aug);
    if (at(p, TK_EQUAL))
        return parse_assign(p, st, first);
    check_not_starred(p, first);
    Stmt *s = new_stmt(p, WF_STMT_Expr, st);
    s->v.Expr.value = first;
    return s;
}

static Value parse_dotted_name(Parser *p)
{
    Token *t = expect(p, TK_NAME);
    if (!at(p, TK_DOT))
        return p_ident(p, t);
    const char *start = t->start;
    while (accept(p, TK_DOT))
        expect(p, TK_NAME);
    /* Rebuild without any whitespace between the parts. */
    size_t n = (size_t)(prev(p)->end - start);
    char *buf = wf_arena_alloc(p->arena, n + 1);
    size_t k = 0;
    for (const char *s = start; s < prev(p)->end; s++)
        if (*s != ' ' && *s != '\t' && *s != '\\' && *s != '\n' && *s != '\r')
            buf[k++] = *s;
    buf[k] = 0;
    Value v = wf_str_intern_c(buf);
    if (!v)
        p_jump(p);
    return v;
}

static Alias *parse_alias(Parser *p, bool dotted)
{
    Token *st = peek(p);
    Alias *a = wf_arena_alloc(p->arena, sizeof(Alias));
    a->name = dotted ? parse_dotted_name(p) : p_ident(p, expect(p, TK_NAME));
    if (accept(p, TK_KW_as))
        a->asname = p_ident(p, expect(p, TK_NAME));
    a->lineno = st->lineno, a->col_offset = st->col;
    a->end_lineno = prev(p)->end_lineno, a->end_col_offset = prev(p)->end_col;
    return a;
}

static Stmt *parse_import(Parser *p)
{
    Token *st = advance(p);
    Vec names = {0};
    do
        vec_push(p, &names, parse_alias(p, true));
    while (accept(p, TK_COMMA));
    Stmt *s = new_stmt(p, WF_STMT_Import, st);
    s->v.Import.names = SEQ(AliasSeq, names);
    return s;
}

static Stmt *parse_from_import(Parser *p)
{
    Token *st = advance(p);
    int level = 0;
    for (;;) {
        if (accept(p, TK_DOT))
            level++;
        else if (accept(p, TK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    Value module = 0;
    if (!at(p, TK_KW_import) || level == 0)
        module = parse_dotted_name(p);
    expect(p, TK_KW_import);
    Vec names = {0};
    if (at(p, TK_STAR)) {
        Token *t = advance(p);
        Alias *a = wf_arena_alloc(p->arena, sizeof(Alias));
        a->name = wf_str_intern_c("*");
        a->lineno = t->lineno, a->col_offset = t->col;
        a->end_lineno = t->end_lineno, a->end_col_offset = t->end_col;
        vec_push(p, &names, a);
    } else if (accept(p, TK_LPAR)) {
        do {
            if (at(p, TK_RPAR) && names.count)
                break;
            vec_push(p, &names, parse_alias(p, false));
        } while (accept(p, TK_COMMA));
        expect(p, TK_RPAR);
    } else {
        do {
            if (names.count && at(p, TK_NEWLINE))
                p_error_tok(p, peek(p), "trailing comma not allowed without surrounding parentheses");
            vec_push(p, &names, parse_alias(p, false));
        } while (accept(p, TK_COMMA));
    }
    Stmt *s = new_stmt(p, WF_STMT_ImportFrom, st);
    s->v.ImportFrom.module = module;
    s->v.ImportFrom.names = SEQ(AliasSeq, names);
    s->v.ImportFrom.level = level;
    return s;
}

static Stmt *parse_names_stmt(Parser *p, StmtKind k)
{
    Token *st = advance(p);
    Vec names = {0};
    do
        vec_push(p, &names, (void *)p_ident(p, expect(p, TK_NAME)));
    while (accept(p, TK_COMMA));
    Stmt *s = new_stmt(p, k, st);
    s->v.Global.names = (IdentSeq){(Value *)names.items, names.count};
    return s;
}

static Stmt *parse_del(Parser *p)
{
    Token *st = advance(p);
    Vec targets = {0};
    do {
        if (at(p, TK_NEWLINE) || at(p, TK_SEMI))
            break;
        Expr *e = parse_bitwise_or(p);
        if (!at(p, TK_COMMA) && !at(p, TK_NEWLINE) && !at(p, TK_SEMI)) {
            /* `del a < b`: CPython names the whole expression. */
            Expr *bad = invalid_target(e, WF_CTX_Del);
            if (!bad)
                p_syntax_error(p);
        }
        check_target(p, e, WF_CTX_Del);
        vec_push(p, &targets, e);
    } while (accept(p, TK_COMMA));
    if (!targets.count)
        p_syntax_error(p);
    Stmt *s = new_stmt(p, WF_STMT_Delete, st);
    s->v.Delete.targets = SEQ(ExprSeq, targets);
    return s;
}

static Stmt *parse_simple_stmt(Parser *p)
{
    Token *st = peek(p);
    Stmt *s;
    switch (st->kind) {
    case TK_KW_pass: advance(p); return new_stmt(p, WF_STMT_Pass, st);
    case TK_KW_break: advance(p); return new_stmt(p, WF_STMT_Break, st);
    case TK_KW_continue: advance(p); return new_stmt(p, WF_STMT_Continue, st);
    case TK_KW_return: {
        advance(p);
        Expr *v = starts_expression(peek(p)->kind) ? parse_star_expressions(p) : NULL;
        check_not_starred(p, v);
        s = new_stmt(p, WF_STMT_Return, st);
        s->v.Return.value = v;
        return s;
    }
    case TK_KW_raise: {
        advance(p);
        Expr *exc = NULL, *cause = NULL;
        if (starts_expression(peek(p)->kind)) {
            exc = parse_expression(p);
            if (accept(p, TK_KW_from))
                cause = parse_expression(p);
        }
        s = new_stmt(p, WF_STMT_Raise, st);
        s->v.Raise.exc = exc;
        s->v.Raise.cause = cause;
        return s;
    }
    case TK_KW_assert: {
        advance(p);
        Expr *test = parse_expression(p), *msg = NULL;
        if (accept(p, TK_COMMA))
            msg = parse_expression(p);
        s = new_stmt(p, WF_STMT_Assert, st);
        s->v.Assert.test = test;
        s->v.Assert.msg = msg;
        return s;
    }
    case TK_KW_global: return parse_names_stmt(p, WF_STMT_Global);
    case TK_KW_nonlocal: return parse_names_stmt(p, WF_STMT_Nonlocal);
    case TK_KW_import: return parse_import(p);
    case TK_KW_from: return parse_from_import(p);
    case TK_KW_del: return parse_del(p);
    default:
        if (!starts_expression(st->kind) && st->kind != TK_KW_yield)
            p_syntax_error(p);
        return parse_expr_stmt(p);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static void parse_simple_stmts(Parser *p, Vec *out)
{
    for (;;) {
        vec_push(p, out, parse_simple_stmt(p));
        if (accept(p, TK_SEMI)) {
            if (at(p, TK_NEWLINE))
                break;
            continue;
        }
        break;
    }
    if (!at(p, TK_NEWLINE)) {
        /* `print "x"`: the legacy print statement. */
        Stmt *last = out->items[out->count - 1];
        if (last->kind == WF_STMT_Expr && last->v.Expr.value->kind == WF_EXPR_Name &&
            starts_expression(peek(p)->kind)) {
            Value id = last->v.Expr.value->v.Name.id;
            if (wf_str_eq_c(id, "print") || wf_str_eq_c(id, "exec")) {
                char msg[96];
                snprintf(msg, sizeof msg, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                         wf_str_cstr(id), wf_str_cstr(id));
                p_error_span(p, last->v.Expr.value, expr_end_token(p), msg);
            }
        }
        p_syntax_error(p);
    }
    advance(p);
}

/* ---- compound statements ---- */

static StmtSeq parse_block(Parser *p, const char *what, int line)
{
    Vec body = {0};
    if (!accept(p, TK_NEWLINE)) {
        parse_simple_stmts(p, &body);
        return SEQ(StmtSeq, body);
    }
    if (!at(p, TK_INDENT)) {
        char msg[128];
        snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, line);
        Token *t = peek(p);
        p_error_pos(p, wf_exc_IndentationError, t->lineno, t->start, msg);
    }
    advance(p);
    while (!at(p, TK_DEDENT) && !at(p, TK_ENDMARKER))
        parse_statement(p, &body);
    accept(p, TK_DEDENT);
    return SEQ(StmtSeq, body);
}

/* `if x = 1:` — CPython's hints for '=' where '==' was meant. */
static void check_test_assign(Parser *p, Expr *test)
{
    if (!at(p, TK_EQUAL))
        return;
    if (test->kind == WF_EXPR_Name) {
        advance(p);
        Token *end = starts_expression(peek(p)->kind) ? expr_end_token(p) : prev(p);
        p_error_span(p, test, end, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    if (test->kind == WF_EXPR_Attribute || test->kind == WF_EXPR_Subscript || test->kind == WF_EXPR_Call ||
        test->kind == WF_EXPR_BinOp || test->kind == WF_EXPR_UnaryOp ||
        (test->kind == WF_EXPR_Constant && test->v.Constant.value != wf_None &&
         test->v.Constant.value != wf_True && test->v.Constant.value != wf_False)) {
        char msg[128];
        snprintf(msg, sizeof msg, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(test));
        p_error_expr(p, test, msg);
    }
}

static Stmt *parse_if(Parser *p, const char *kw)
{
    Token *st = advance(p);
    Expr *test = parse_named_expression(p);
    check_test_assign(p, test);
    expect_colon(p, false);
    char what[32];
    snprintf(what, sizeof what, "'%s' statement", kw);
    Stmt *s = new_stmt(p, WF_STMT_If, st);
    s->v.If.test = test;
    s->v.If.body = parse_block(p, what, st->lineno);
    if (at(p, TK_KW_elif)) {
        Stmt *e = parse_if(p, "elif");
        s->v.If.orelse = (StmtSeq){wf_arena_alloc(p->arena, sizeof(Stmt *)), 1};
        s->v.If.orelse.items[0] = e;
    } else if (at(p, TK_KW_else)) {
        Token *et = advance(p);
        expect_colon(p, true);
        s->v.If.orelse = parse_block(p, "'else' statement", et->lineno);
    }
    stmt_end(p, s);
    return s;
}

static StmtSeq parse_else(Parser *p)
{
    if (!at(p, TK_KW_else))
        return (StmtSeq){NULL, 0};
    Token *et = advance(p);
    expect_colon(p, true);
    return parse_block(p, "'else' statement", et->lineno);
}

static Stmt *parse_while(Parser *p)
{
    Token *st = advance(p);
    Expr *test = parse_named_expression(p);
    check_test_assign(p, test);
    expect_colon(p, false);
    Stmt *s = new_stmt(p, WF_STMT_While, st);
    s->v.While.test = test;
    s->v.While.body = parse_block(p, "'while' statement", st->lineno);
    s->v.While.orelse = parse_else(p);
    stmt_end(p, s);
    return s;
}

static Stmt *parse_for(Parser *p)
{
    Token *st = advance(p);
    Expr *target = parse_for_targets(p);
    expect(p, TK_KW_in);
    Expr *iter = parse_star_expressions(p);
    expect_colon(p, false);
    Stmt *s = new_stmt(p, WF_STMT_For, st);
    s->v.For.target = target;
    s->v.For.iter = iter;
    s->v.For.body = parse_block(p, "'for' statement", st->lineno);
    s->v.For.orelse = parse_else(p);
    stmt_end(p, s);
    return s;
}

static WithItem *parse_with_item(Parser *p)
{
    WithItem *w = wf_arena_alloc(p->arena, sizeof(WithItem));
    w->context_expr = parse_expression(p);
    if (accept(p, TK_KW_as)) {
        Expr *t = parse_star_expression(p);
        if (!at(p, TK_COMMA) && !at(p, TK_COLON) && !at(p, TK_RPAR))
            p_syntax_error(p);
        check_target(p, t, WF_CTX_Store);
        w->optional_vars = t;
    }
    return w;
}

/* `with (a as b, c as d):`; returns false (position restored) if the
 * parentheses turn out to belong to an expression. */
static bool try_paren_with_items(Parser *p, Vec *items)
{
    size_t save = p->pos;
    int depth = p->depth;
    jmp_buf jb, *outer = p->jb;
    p->jb = &jb;
    if (setjmp(jb)) {
        p->jb = outer;
        wf_err_clear();
        p->pos = save;
        p->depth = depth;
        items->count = 0;
        return false;
    }
    advance(p);
    do {
        if (at(p, TK_RPAR) && items->count)
            break;
        vec_push(p, items, parse_with_item(p));
    } while (accept(p, TK_COMMA));
    expect(p, TK_RPAR);
    if (!at(p, TK_COLON))
        p_jump(p);
    p->jb = outer;
    return true;
}

static Stmt *parse_with(Parser *p)
{
    Token *st = advance(p);
    Vec items = {0};
    if (!(at(p, TK_LPAR) && try_paren_with_items(p, &items))) {
        do
            vec_push(p, &items, parse_with_item(p));
        while (accept(p, TK_COMMA));
    }
    expect_colon(p, false);
    Stmt *s = new_stmt(p, WF_STMT_With, st);
    s->v.With.items = SEQ(WithItemSeq, items);
    s->v.With.body = parse_block(p, "'with' statement", st->lineno);
    stmt_end(p, s);
    return s;
}

static ExceptHandler *parse_except(Parser *p)
{
    Token *st = advance(p);
    if (at(p, TK_STAR))
        p_error_tok(p, peek(p), "except* is not supported");
    ExceptHandler *h = wf_arena_alloc(p->arena, sizeof(ExceptHandler));
    if (at(p, TK_NEWLINE))
        p_error_tok(p, peek(p), "expected ':'");
    if (!at(p, TK_COLON)) {
        h->type = parse_expression(p);
        if (at(p, TK_COMMA)) {
            Expr *first = h->type;
            while (accept(p, TK_COMMA) && !at(p, TK_COLON) && !at(p, TK_KW_as))
                parse_expression(p);
            if (at(p, TK_COLON) || at(p, TK_KW_as))
                p_error_expr(p, first, "multiple exception types must be parenthesized");
            p_syntax_error(p);
        }
        if (accept(p, TK_KW_as))
            h->name = p_ident(p, expect(p, TK_NAME));
    }
    expect_colon(p, false);
    h->body = parse_block(p, "'except' statement", st->lineno);
    h->lineno = st->lineno, h->col_offset = st->col;
    h->end_lineno = prev(p)->end_lineno, h->end_col_offset = prev(p)->end_col;
    return h;
}

static Stmt *parse_try(Parser *p)
{
    Token *st = advance(p);
    expect_colon(p, true);
    Stmt *s = new_stmt(p, WF_STMT_Try, st);
    s->v.Try.body = parse_block(p, "'try' statement", st->lineno);
    Vec handlers = {0};
    while (at(p, TK_KW_except))
        vec_push(p, &handlers, parse_except(p));
    s->v.Try.handlers = SEQ(ExceptHandlerSeq, handlers);
    if (handlers.count)
        s->v.Try.orelse = parse_else(p);
    if (at(p, TK_KW_finally)) {
        Token *ft = advance(p);
        expect_colon(p, true);
        s->v.Try.finalbody = parse_block(p, "'finally' statement", ft->lineno);
    }
    if (!handlers.count && !s->v.Try.finalbody.count)
        p_error_tok(p, peek(p), "expected 'except' or 'finally' block");
    stmt_end(p, s);
    return s;
}

static Stmt *parse_funcdef(Parser *p, ExprSeq decorators)
{
    Token *st = advance(p);
    Token *name = expect(p, TK_NAME);
    if (!at(p, TK_LPAR))
        p_error_tok(p, peek(p), "expected '('");
    advance(p);
    Arguments *args = parse_params(p, TK_RPAR, true);
    expect(p, TK_RPAR);
    Expr *returns = NULL;
    if (at(p, TK_RARROW)) {
        /* CPython: a '->' without an expression is skipped, then ':' is forced. */
        if (!starts_expression(peek_at(p, 1)->kind))
            p_error_tok(p, peek(p), "expected ':'");
        advance(p);
        returns = parse_expression(p);
    }
    expect_colon(p, true);
    Stmt *s = new_stmt(p, WF_STMT_FunctionDef, st);
    s->v.FunctionDef.name = p_ident(p, name);
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.returns = returns;
    s->v.FunctionDef.decorator_list = decorators;
    s->v.FunctionDef.body = parse_block(p, "function definition", st->lineno);
    stmt_end(p, s);
    return s;
}

static Stmt *parse_classdef(Parser *p, ExprSeq decorators)
{
    Token *st = advance(p);
    Token *name = expect(p, TK_NAME);
    Stmt *s = new_stmt(p, WF_STMT_ClassDef, st);
    if (at(p, TK_LPAR)) {
        Token *open = advance(p);
        parse_call_args(p, open, &s->v.ClassDef.bases, &s->v.ClassDef.keywords, false);
    }
    expect_colon(p, false);
    s->v.ClassDef.name = p_ident(p, name);
    s->v.ClassDef.decorator_list = decorators;
    s->v.ClassDef.body = parse_block(p, "class definition", st->lineno);
    stmt_end(p, s);
    return s;
}

static Stmt *parse_decorated(Parser *p)
{
    Vec decs = {0};
    while (accept(p, TK_AT)) {
        vec_push(p, &decs, parse_named_expression(p));
        expect(p, TK_NEWLINE);
    }
    if (at(p, TK_KW_def))
        return parse_funcdef(p, SEQ(ExprSeq, decs));
    if (at(p, TK_KW_class))
        return parse_classdef(p, SEQ(ExprSeq, decs));
    p_syntax_error(p);
}

/* One statement (compound, or a line of simple statements) appended to out. */
static Stmt *parse_statement(Parser *p, Vec *out)
{
    Stmt *s;
    switch (peek(p)->kind) {
    case TK_KW_if: s = parse_if(p, "if"); break;
    case TK_KW_while: s = parse_while(p); break;
    case TK_KW_for: s = parse_for(p); break;
    case TK_KW_with: s = parse_with(p); break;
    case TK_KW_try: s = parse_try(p); break;
    case TK_KW_def: s = parse_funcdef(p, (ExprSeq){NULL, 0}); break;
    case TK_KW_class: s = parse_classdef(p, (ExprSeq){NULL, 0}); break;
    case TK_AT: s = parse_decorated(p); break;
    default:
        parse_simple_stmts(p, out);
        return out->items[out->count - 1];
    }
    vec_push(p, out, s);
    return s;
}

/* ---- entry point ---- */

/* The source must be UTF-8 (no coding declarations are honoured). */
static int check_utf8(const char *src, size_t len, const char *filename)
{
    const unsigned char *s = (const unsigned char *)src, *e = s + len;
    int line = 1;
    while (s < e) {
        unsigned c = *s;
        int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 1 : (c & 0xF0) == 0xE0 ? 2
              : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 3 : -1;
        bool ok = n >= 0;
        for (int i = 1; ok && i <= n; i++)
            ok = s + i < e && (s[i] & 0xC0) == 0x80;
        if (!ok) {
            char msg[200];
            snprintf(msg, sizeof msg, "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                     "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                     c, filename, line);
            wf_err_syntax(wf_exc_SyntaxError, filename, line, 0, NULL, msg);
            return -1;
        }
        if (c == '\n')
            line++;
        s += n + 1;
    }
    return 0;
}

/* Copy src translating \r\n and \r to \n, as CPython's universal newlines
 * do before tokenizing; returns the new length. */
static size_t copy_newlines(char *dst, const char *src, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\r') {
            dst[k++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
        } else {
            dst[k++] = src[i];
        }
    }
    dst[k] = 0;
    return k;
}

/* Tokenize everything up front (see the top comment). */
static int tokenize_all(Parser *p, const char *src, size_t len, bool eval)
{
    Tokenizer *tz = wf_mem_alloc(sizeof(Tokenizer));
    const char *start = src;
    if (eval)
        while (start < src + len && (*start == ' ' || *start == '\t'))
            start++;
    wf_tok_init(tz, src, start, src + len, 1, src, p->filename, false);
    size_t cap = 256;
    p->toks = wf_mem_alloc(cap * sizeof(Token));
    p->ntoks = 0;
    for (;;) {
        if (p->ntoks == cap) {
            cap *= 2;
            p->toks = wf_mem_realloc(p->toks, cap * sizeof(Token));
        }
        Token *t = &p->toks[p->ntoks];
        if (wf_tok_next(tz, t) < 0) {
            /* Parse up to here: an earlier "unexpected indent" still wins. */
            p->tok_error = wf_err_fetch();
            p->tok_error_soft = tz->soft_error;
            t->kind = TK_ERRORTOKEN;
            t->start = t->end = tz->cur;
            t->lineno = t->end_lineno = tz->lineno;
            t->col = t->end_col = (int)(tz->cur - tz->line_start);
            p->ntoks++;
            break;
        }
        p->ntoks++;
        if (t->kind == TK_ENDMARKER)
            break;
    }
    if (tz->level > 0) {
        p->unclosed_level = tz->level;
        p->unclosed_char = tz->parenstack[tz->level - 1];
        p->unclosed_line = tz->parenline[tz->level - 1];
        p->unclosed_pos = tz->parenpos[tz->level - 1];
    }
    wf_mem_free(tz);
    return 0;
}

static Mod *parse_mod(Parser *p, int mode)
{
    Mod *m = wf_arena_alloc(p->arena, sizeof(Mod));
    Vec body = {0};
    if (mode == WF_MODE_EVAL) {
        m->kind = WF_MOD_Expression;
        while (accept(p, TK_NEWLINE))
            ;
        Expr *body = parse_star_expressions(p);
        /* eval input is `expressions`: no top-level `*x`. */
        if (body->kind == WF_EXPR_Starred)
            p_error_expr(p, body, "invalid syntax");
        if (body->kind == WF_EXPR_Tuple)
            for (size_t i = 0; i < body->v.Tuple.elts.count; i++)
                if (body->v.Tuple.elts.items[i]->kind == WF_EXPR_Starred)
                    p_error_expr(p, body->v.Tuple.elts.items[i], "invalid syntax");
        m->v.Expression.body = body;
        while (accept(p, TK_NEWLINE))
            ;
        if (!at(p, TK_ENDMARKER))
            p_syntax_error(p);
        return m;
    }
    while (!at(p, TK_ENDMARKER)) {
        if (accept(p, TK_NEWLINE))
            continue;
        parse_statement(p, &body);
        if (mode == WF_MODE_SINGLE) {
            Token *after = prev(p) + 1;   /* the statement's NEWLINE */
            while (accept(p, TK_NEWLINE) || accept(p, TK_DEDENT))
                ;
            if (!at(p, TK_ENDMARKER))
                p_error_tok(p, after, "multiple statements found while compiling a single statement");
            break;
        }
    }
    m->kind = mode == WF_MODE_SINGLE ? WF_MOD_Interactive : WF_MOD_Module;
    m->v.Module.body = SEQ(StmtSeq, body);
    return m;
}

/* CPython's priorities after a parser error: a tokenizer error anywhere in
 * the file wins (unless the parser saw an unexpected indent first), then a
 * bracket left open on an earlier line than the error. */
static void parse_fixup_error(Parser *p)
{
    bool reached = p->pos + 1 >= p->ntoks ||
                   (p->pos + 2 >= p->ntoks && p->toks[p->pos].kind != TK_NEWLINE);
    if (p->keep_error || (p->tok_error && p->tok_error_soft && !reached)) {
        wf_xdecref(p->tok_error);
        return;
    }
    if (p->tok_error) {
        wf_err_clear();
        wf_err_restore(p->tok_error);
        return;
    }
    Token *t = &p->toks[p->pos];
    /* CPython compares the line of the furthest token its parser fetched
     * (about one past the error token) with the bracket's line. */
    Token *far = p->looked_ahead && p->pos + 1 < p->ntoks ? &p->toks[p->pos + 1] : t;
    if (p->unclosed_level && wf_err_matches(wf_exc_SyntaxError) &&
        (far->kind == TK_ENDMARKER || far->lineno > p->unclosed_line)) {
        char msg[64];
        snprintf(msg, sizeof msg, "'%c' was never closed", p->unclosed_char);
        wf_err_clear();
        wf_tok_error_at(p->base, p->filename, wf_exc_SyntaxError, p->unclosed_line, p->unclosed_pos, msg);
    }
}

Mod *wf_parse(const char *src, size_t len, const char *filename, int mode, Arena *arena)
{
    Parser p;
    memset(&p, 0, sizeof p);
    p.filename = filename ? filename : "<string>";
    p.arena = arena;
    if (memchr(src, 0, len)) {
        wf_err_syntax(wf_exc_SyntaxError, p.filename, 0, 0, NULL, "source code cannot contain null bytes");
        return NULL;
    }
    if (check_utf8(src, len, p.filename) < 0)
        return NULL;
    /* A NUL-terminated copy: error reporting scans lines up to their end.
     * It lives in the arena because f-string tokens point into it. */
    char *copy = wf_arena_alloc(arena, len + 1);
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        src += 3, len -= 3;   /* a UTF-8 BOM is not part of the first line */
    len = copy_newlines(copy, src, len);
    p.base = copy;
    tokenize_all(&p, copy, len, mode == WF_MODE_EVAL);
    jmp_buf jb;
    p.jb = &jb;
    Mod *volatile m = NULL;
    if (setjmp(jb) == 0)
        m = parse_mod(&p, mode);
    if (!m)
        parse_fixup_error(&p);
    wf_mem_free(p.toks);
    return m;
}
