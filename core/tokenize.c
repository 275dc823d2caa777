/* weft: the tokenizer. */
/* UTF-8 source bytes -> Tokens with positions (INDENT/DEDENT, NEWLINE, literals). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "tokenize.h"
#include "strimpl.h"   /* wf_uc_flags: XID_Start / XID_Continue of non-ASCII names */

/*
 * Tokens are produced one at a time on demand, so that a syntax error early
 * in a file is reported before a tokenizer error later in it (as CPython).
 * Rules kept from CPython's tokenizer.c:
 *  1. Blank and comment-only lines produce nothing, not even NEWLINE.
 *  2. Inside brackets, newlines and indentation are ignored.
 *  3. At the end: NEWLINE (if the last line had tokens), DEDENTs, ENDMARKER.
 *  4. With unclosed brackets at the end, ENDMARKER is still produced; the
 *     parser reports "'(' was never closed" from tz->level and parenpos.
 */

const char *const wf_tok_names[TK_COUNT] = {
#define X(n, s) s,
    WF_TOKENS(X)
#undef X
};

void wf_tok_init(Tokenizer *tz, const char *base, const char *start, const char *end,
                 int lineno, const char *line_start, const char *filename, bool nested)
{
    memset(tz, 0, sizeof *tz);
    tz->base = base;
    tz->cur = start;
    tz->end = end;
    tz->lineno = lineno;
    tz->line_start = line_start;
    tz->filename = filename;
    tz->atbol = !nested;
    tz->nested = nested;
    tz->last_kind = -1;
}

/* Number of UTF-8 code points in [s, e). */
static int tok_nchars(const char *s, const char *e)
{
    int n = 0;
    for (; s < e; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

int wf_tok_error_at(const char *base, const char *filename, TypeObject *type, int lineno,
                    const char *pos, const char *msg)
{
    return wf_tok_error_range(base, filename, type, lineno, pos, 0, NULL, msg);
}

int wf_tok_error_range(const char *base, const char *filename, TypeObject *type, int lineno,
                       const char *pos, int end_lineno, const char *end_pos, const char *msg)
{
    const char *ls = pos;
    while (ls > base && ls[-1] != '\n')
        ls--;
    const char *le = pos;
    while (*le && *le != '\n')
        le++;
    if (*le == '\n')
        le++;
    size_t n = (size_t)(le - ls);
    char *line = wf_mem_alloc(n + 1);
    memcpy(line, ls, n);
    line[n] = 0;
    if (end_pos) {
        const char *els = end_pos;
        while (els > base && els[-1] != '\n')
            els--;
        wf_err_syntax_range(type, filename, lineno, tok_nchars(ls, pos) + 1, end_lineno,
                            tok_nchars(els, end_pos) + 1, line, msg);
    } else {
        wf_err_syntax(type, filename, lineno, tok_nchars(ls, pos) + 1, line, msg);
    }
    wf_mem_free(line);
    return -1;
}

static int tok_err(Tokenizer *tz, const char *pos, const char *msg)
{
    return wf_tok_error_at(tz->base, tz->filename, wf_exc_SyntaxError, tz->lineno, pos, msg);
}

static int tok_peekc(Tokenizer *tz, int ahead)
{
    const char *p = tz->cur + ahead;
    return p < tz->end ? (unsigned char)*p : -1;
}

static void tok_newline(Tokenizer *tz, const char *after)
{
    tz->lineno++;
    tz->line_start = after;
}

static bool tok_is_name_start(int c)
{
    return c >= 0x80 || c == '_' || isalpha(c);
}

static bool tok_is_name_char(int c)
{
    return c >= 0x80 || c == '_' || isalnum(c);
}

/* ---- indentation ---- */

/* Measure the indentation at the beginning of a line. Returns 1 if the line
 * is blank or a comment (ignored), 0 otherwise, -1 on error. */
static int tok_indentation(Tokenizer *tz)
{
    int col = 0, altcol = 0;
    const char *p = tz->cur;
    for (; p < tz->end; p++) {
        if (*p == ' ')
            col++, altcol++;
        else if (*p == '\t')
            col = (col / 8 + 1) * 8, altcol++;
        else if (*p == '\f')
            col = altcol = 0;
        else
            break;
    }
    tz->cur = p;
    if (p >= tz->end || *p == '#' || *p == '\n' || *p == '\r' ||
        (*p == '\\' && (p + 1 >= tz->end || p[1] == '\n' || p[1] == '\r')))
        return p >= tz->end || *p != '\\' ? 1 : 0;
    int top = tz->indent;
    if (col == tz->indstack[top]) {
        if (altcol != tz->altstack[top])
            goto taberr;
    } else if (col > tz->indstack[top]) {
        tz->soft_error = true;
        if (top + 1 >= WF_TOK_MAXINDENT)
            return wf_tok_error_at(tz->base, tz->filename, wf_exc_IndentationError, tz->lineno, p,
                                   "too many levels of indentation");
        if (altcol <= tz->altstack[top])
            goto taberr;
        tz->pending++;
        tz->indent++;
        tz->indstack[tz->indent] = col;
        tz->altstack[tz->indent] = altcol;
    } else {
        while (tz->indent > 0 && col < tz->indstack[tz->indent]) {
            tz->pending--;
            tz->indent--;
        }
        const char *eol = p;
        while (eol < tz->end && *eol != '\n' && *eol != '\r')
            eol++;
        tz->soft_error = true;
        if (col != tz->indstack[tz->indent])
            return wf_tok_error_at(tz->base, tz->filename, wf_exc_IndentationError, tz->lineno, eol,
                                   "unindent does not match any outer indentation level");
        if (altcol != tz->altstack[tz->indent])
            goto taberr;
    }
    tz->soft_error = false;
    return 0;
taberr:
    tz->soft_error = true;
    return wf_tok_error_at(tz->base, tz->filename, wf_exc_TabError, tz->lineno, p,
                           "inconsistent use of tabs and spaces in indentation");
}

/* ---- numbers ---- */

static bool tok_digit_in(int c, int base)
{
    switch (base) {
    case 16: return isxdigit(c);
    case 8: return c >= '0' && c <= '7';
    case 2: return c == '0' || c == '1';
    default: return isdigit(c);
    }
}

/* Digits of `base` with single underscores between them. */
static int tok_digits(Tokenizer *tz, int base, const char *kind)
{
    for (;;) {
        int c = tok_peekc(tz, 0);
        if (tok_digit_in(c, base)) {
            tz->cur++;
            continue;
        }
        if (c == '_') {
            if (!tok_digit_in(tok_peekc(tz, 1), base)) {
                char msg[64];
                snprintf(msg, sizeof msg, "invalid %s literal", kind);
                return tok_err(tz, tz->cur, msg);
            }
            tz->cur++;
            continue;
        }
        return 0;
    }
}

/* A SyntaxWarning, printed as warnings.showwarning does (file:line: ...,
 * then the stripped source line for a real file). */
static void tok_warning(Tokenizer *tz, const char *text)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s:%d: SyntaxWarning: %s\n", tz->filename, tz->lineno, text);
    wf_sys_write_stderr(msg);
    if (tz->filename[0] != '<') {
        const char *s = tz->line_start, *e = s;
        while (*s == ' ' || *s == '\t')
            s++;
        e = s;
        while (e < tz->end && *e != '\n')
            e++;
        snprintf(msg, sizeof msg, "  %.*s\n", (int)(e - s > 400 ? 400 : e - s), s);
        wf_sys_write_stderr(msg);
    }
    if (wf_err_occurred())
        wf_err_clear();
}

/* A number must not run into a name: `1abc` is an invalid decimal literal. */
static int tok_number_end(Tokenizer *tz, const char *start, const char *kind)
{
    int c = tok_peekc(tz, 0);
    if (!tok_is_name_char(c))
        return 0;
    /* `1if x else y` and `0x1for` are still accepted by CPython with a warning. */
    static const char *const kws[] = {"and", "else", "for", "if", "in", "is", "not", "or", NULL};
    for (int i = 0; kws[i]; i++) {
        size_t n = strlen(kws[i]);
        if ((size_t)(tz->end - tz->cur) >= n && memcmp(tz->cur, kws[i], n) == 0 &&
            !tok_is_name_char(tok_peekc(tz, (int)n))) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            tok_warning(tz, msg);
            return 0;
        }
    }
    char msg[64];
    snprintf(msg, sizeof msg, "invalid %s literal", kind);
    return tok_err(tz, tz->cur > start ? tz->cur - 1 : start, msg);
}

static int tok_exponent_and_imag(Tokenizer *tz, const char *start)
{
    int c = tok_peekc(tz, 0);
    if (c == 'e' || c == 'E') {
        int c1 = tok_peekc(tz, 1), off = 1;
        if (c1 == '+' || c1 == '-')
            c1 = tok_peekc(tz, 2), off = 2;
        if (!isdigit(c1))
            return tok_number_end(tz, start, "decimal");
        tz->cur += off;
        if (tok_digits(tz, 10, "decimal") < 0)
            return -1;
    }
    c = tok_peekc(tz, 0);
    if (c == 'j' || c == 'J')
        return tok_err(tz, start, "complex numbers are not supported");
    return tok_number_end(tz, start, "decimal");
}

static int tok_number(Tokenizer *tz)
{
    const char *start = tz->cur;
    int c = tok_peekc(tz, 0);
    if (c == '0') {
        int c1 = tok_peekc(tz, 1) | 0x20;
        int base = c1 == 'x' ? 16 : c1 == 'o' ? 8 : c1 == 'b' ? 2 : 0;
        if (base) {
            const char *kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
            tz->cur += 2;
            if (tok_peekc(tz, 0) == '_')
                tz->cur++;
            if (!tok_digit_in(tok_peekc(tz, 0), base)) {
                char msg[80];
                if (isdigit(tok_peekc(tz, 0))) {
                    snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", tok_peekc(tz, 0), kind);
                    return tok_err(tz, tz->cur, msg);
                }
                snprintf(msg, sizeof msg, "invalid %s literal", kind);
                return tok_err(tz, tz->cur - 1, msg);
            }
            if (tok_digits(tz, base, kind) < 0)
                return -1;
            if (isdigit(tok_peekc(tz, 0))) {
                char msg[64];
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", tok_peekc(tz, 0), kind);
                return tok_err(tz, tz->cur, msg);
            }
            return tok_number_end(tz, start, kind);
        }
    }
    if (c != '.') {
        if (tok_digits(tz, 10, "decimal") < 0)
            return -1;
        c = tok_peekc(tz, 0);
        if (c != '.' && c != 'e' && c != 'E' && c != 'j' && c != 'J') {
            /* An integer: leading zeros are only allowed for zero itself. */
            if (*start == '0') {
                for (const char *p = start; p < tz->cur; p++)
                    if (*p != '0' && *p != '_')
                        return tok_err(tz, start, "leading zeros in decimal integer literals are "
                                                  "not permitted; use an 0o prefix for octal integers");
            }
            return tok_number_end(tz, start, "decimal");
        }
    }
    if (tok_peekc(tz, 0) == '.') {
        tz->cur++;
        if (isdigit(tok_peekc(tz, 0)) && tok_digits(tz, 10, "decimal") < 0)
            return -1;
    }
    return tok_exponent_and_imag(tz, start);
}

/* ---- strings ---- */

/* A string prefix is any case mix of r, u, f, b, rb, br, fr, rf. */
static bool tok_is_prefix(const char *s, size_t n)
{
    if (n == 0 || n > 2)
        return false;
    char a = (char)tolower((unsigned char)s[0]);
    if (n == 1)
        return a == 'r' || a == 'u' || a == 'f' || a == 'b';
    char b = (char)tolower((unsigned char)s[1]);
    return (a == 'r' && (b == 'b' || b == 'f')) || (b == 'r' && (a == 'b' || a == 'f'));
}

/* tz->cur is at the opening quote; the token started at `start` (prefix). */
static int tok_string(Tokenizer *tz, const char *start)
{
    char q = *tz->cur;
    int startline = tz->lineno;
    bool triple = tok_peekc(tz, 1) == q && tok_peekc(tz, 2) == q;
    tz->cur += triple ? 3 : 1;
    for (;;) {
        if (tz->cur >= tz->end) {
            char msg[96];
            int at_line = tz->lineno - (tz->cur > tz->base && tz->cur[-1] == '\n' && tz->lineno > startline);
            snprintf(msg, sizeof msg, "unterminated %sstring literal (detected at line %d)",
                     triple ? "triple-quoted " : "", at_line);
            return wf_tok_error_at(tz->base, tz->filename, wf_exc_SyntaxError, startline, start, msg);
        }
        char c = *tz->cur;
        if (c == q) {
            if (!triple) {
                tz->cur++;
                return 0;
            }
            if (tok_peekc(tz, 1) == q && tok_peekc(tz, 2) == q) {
                tz->cur += 3;
                return 0;
            }
            tz->cur++;
        } else if (c == '\\') {
            tz->cur++;
            if (tz->cur < tz->end) {
                if (*tz->cur == '\n')
                    tok_newline(tz, tz->cur + 1);
                tz->cur++;
            }
        } else if (c == '\n') {
            if (!triple) {
                char msg[96];
                snprintf(msg, sizeof msg, "unterminated string literal (detected at line %d)", tz->lineno);
                return wf_tok_error_at(tz->base, tz->filename, wf_exc_SyntaxError, startline, start, msg);
            }
            tz->cur++;
            tok_newline(tz, tz->cur);
        } else {
            tz->cur++;
        }
    }
}

/* ---- operators ---- */

typedef struct { const char *s; TokKind k; } TokOp;

/* Longest first within each starting character. */
static const TokOp tok_ops[] = {
    {"**=", TK_DOUBLESTAREQUAL}, {"//=", TK_DOUBLESLASHEQUAL}, {">>=", TK_RIGHTSHIFTEQUAL},
    {"<<=", TK_LEFTSHIFTEQUAL}, {"...", TK_ELLIPSIS},
    {"==", TK_EQEQUAL}, {"!=", TK_NOTEQUAL}, {"<=", TK_LESSEQUAL}, {">=", TK_GREATEREQUAL},
    {"<<", TK_LEFTSHIFT}, {">>", TK_RIGHTSHIFT}, {"**", TK_DOUBLESTAR}, {"+=", TK_PLUSEQUAL},
    {"-=", TK_MINEQUAL}, {"*=", TK_STAREQUAL}, {"/=", TK_SLASHEQUAL}, {"%=", TK_PERCENTEQUAL},
    {"&=", TK_AMPEREQUAL}, {"|=", TK_VBAREQUAL}, {"^=", TK_CIRCUMFLEXEQUAL}, {"//", TK_DOUBLESLASH},
    {"@=", TK_ATEQUAL}, {"->", TK_RARROW}, {":=", TK_COLONEQUAL}, {"<>", TK_ERRORTOKEN},
    {"(", TK_LPAR}, {")", TK_RPAR}, {"[", TK_LSQB}, {"]", TK_RSQB}, {"{", TK_LBRACE},
    {"}", TK_RBRACE}, {":", TK_COLON}, {",", TK_COMMA}, {";", TK_SEMI}, {"+", TK_PLUS},
    {"-", TK_MINUS}, {"*", TK_STAR}, {"/", TK_SLASH}, {"|", TK_VBAR}, {"&", TK_AMPER},
    {"<", TK_LESS}, {">", TK_GREATER}, {"=", TK_EQUAL}, {".", TK_DOT}, {"%", TK_PERCENT},
    {"~", TK_TILDE}, {"^", TK_CIRCUMFLEX}, {"@", TK_AT},
    {NULL, TK_ERRORTOKEN},
};

static TokKind tok_operator(Tokenizer *tz)
{
    size_t avail = (size_t)(tz->end - tz->cur);
    for (const TokOp *op = tok_ops; op->s; op++) {
        size_t n = strlen(op->s);
        if (n <= avail && memcmp(tz->cur, op->s, n) == 0) {
            tz->cur += n;
            return op->k;
        }
    }
    tz->cur++;
    return TK_ERRORTOKEN;
}

static int tok_paren_open(Tokenizer *tz, const char *pos)
{
    if (tz->level >= WF_TOK_MAXLEVEL)
        return tok_err(tz, pos, "too many nested parentheses");
    tz->parenstack[tz->level] = *pos;
    tz->parenline[tz->level] = tz->lineno;
    tz->parenpos[tz->level] = pos;
    tz->level++;
    return 0;
}

static int tok_paren_close(Tokenizer *tz, const char *pos)
{
    char c = *pos;
    char msg[128];
    if (tz->level == 0) {
        if (tz->nested)  /* the '}' closing an f-string field is the caller's business */
            return 0;
        snprintf(msg, sizeof msg, "unmatched '%c'", c);
        return tok_err(tz, pos, msg);
    }
    tz->level--;
    char o = tz->parenstack[tz->level];
    if ((o == '(' && c == ')') || (o == '[' && c == ']') || (o == '{' && c == '}'))
        return 0;
    if (tz->parenline[tz->level] != tz->lineno)
        snprintf(msg, sizeof msg,
                 "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                 c, o, tz->parenline[tz->level]);
    else
        snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
    return tok_err(tz, pos, msg);
}

/* ---- keywords ---- */

static TokKind tok_keyword(const char *s, size_t n)
{
    if (n < 2 || n > 8 || !(islower((unsigned char)s[0]) || s[0] == 'F' || s[0] == 'N' || s[0] == 'T'))
        return TK_NAME;
    for (int k = TK_FIRST_KEYWORD; k < TK_COUNT; k++) {
        const char *kw = wf_tok_names[k];
        if (strlen(kw) == n && memcmp(kw, s, n) == 0)
            return (TokKind)k;
    }
    return TK_NAME;
}

/* ---- the main loop ---- */

static void tok_set(Tokenizer *tz, Token *t, TokKind k, const char *start, int lineno, const char *ls)
{
    t->kind = k;
    t->start = start;
    t->end = tz->cur;
    t->lineno = lineno;
    t->col = (int)(start - ls);
    t->end_lineno = tz->lineno;
    t->end_col = (int)(tz->cur - tz->line_start);
    tz->last_kind = k;
}

/* Skip spaces, comments and (inside brackets) newlines and continuations.
 * Returns 1 when a NEWLINE token should be produced at tz->cur, 0 otherwise. */
static int tok_skip_space(Tokenizer *tz)
{
    tz->comment = NULL;
    for (;;) {
        int c = tok_peekc(tz, 0);
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
            tz->cur++;
        } else if (c == '#') {
            tz->comment = tz->cur;
            while (tz->cur < tz->end && *tz->cur != '\n')
                tz->cur++;
        } else if (c == '\\') {
            int c1 = tok_peekc(tz, 1);
            if (c1 == '\r' && tok_peekc(tz, 2) == '\n')
                tz->cur++, c1 = '\n';
            if (c1 == '\n') {
                tz->cur += 2;
                tok_newline(tz, tz->cur);
                if (tz->cur >= tz->end) {
                    tz->soft_error = true;
                    return tok_err(tz, tz->cur, "unexpected EOF while parsing") - 1;
                }
            } else if (c1 == -1) {
                tz->soft_error = true;
                tz->cur++;
                return tok_err(tz, tz->cur, "unexpected EOF while parsing") - 1;
            } else {
                tz->cur++;
                tz->soft_error = true;
                return tok_err(tz, tz->cur, "unexpected character after line continuation character") - 1;
            }
        } else if (c == '\n' && (tz->level > 0 || tz->nested)) {
            tz->cur++;
            tok_newline(tz, tz->cur);
            tz->comment = NULL;
        } else {
            return c == '\n';
        }
    }
}

/* Begin a logical line: skip blank lines and compute INDENT/DEDENT. */
static int tok_begin_line(Tokenizer *tz)
{
    while (tz->atbol) {
        int r = tok_indentation(tz);
        if (r < 0)
            return -1;
        if (r == 0) {
            tz->atbol = false;
            break;
        }
        while (tz->cur < tz->end && *tz->cur != '\n')
            tz->cur++;
        if (tz->cur >= tz->end)
            break;
        tz->cur++;
        tok_newline(tz, tz->cur);
    }
    return 0;
}

static int tok_eof(Tokenizer *tz, Token *t)
{
    if (!tz->nested && tz->level == 0) {
        if (tz->last_kind != -1 && tz->last_kind != TK_NEWLINE && tz->last_kind != TK_DEDENT &&
            tz->last_kind != TK_INDENT) {
            tok_set(tz, t, TK_NEWLINE, tz->cur, tz->lineno, tz->line_start);
            return 0;
        }
        if (tz->indent > 0) {
            tz->indent--;
            tok_set(tz, t, TK_DEDENT, tz->cur, tz->lineno, tz->line_start);
            return 0;
        }
    }
    tz->eof_done = true;
    tok_set(tz, t, TK_ENDMARKER, tz->cur, tz->lineno, tz->line_start);
    return 0;
}

/* Decode the UTF-8 sequence at p (validated by the parser beforehand). */
static uint32_t tok_codepoint(const char *p, int *len)
{
    const unsigned char *s = (const unsigned char *)p;
    if (s[0] < 0xE0) {
        *len = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (s[0] < 0xF0) {
        *len = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
           ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* Step over one non-ASCII identifier character, or raise CPython's
 * "invalid character" error. */
static int tok_unicode_name_char(Tokenizer *tz, bool first)
{
    int n;
    uint32_t cp = tok_codepoint(tz->cur, &n);
    if (tz->cur + n > tz->end)
        n = (int)(tz->end - tz->cur);
    unsigned fl = wf_uc_flags(cp);
    if (fl & (first ? WF_UC_XID_START : WF_UC_XID_CONTINUE)) {
        tz->cur += n;
        return 0;
    }
    char msg[64];
    if (fl & WF_UC_PRINTABLE)
        snprintf(msg, sizeof msg, "invalid character '%.*s' (U+%04X)", n, tz->cur, (unsigned)cp);
    else
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", (unsigned)cp);
    return tok_err(tz, tz->cur, msg);
}

/* A STRING token from start (its prefix included); it starts on the line
 * the quote is on, which a triple-quoted string may leave behind. */
static int tok_string_token(Tokenizer *tz, Token *t, const char *start)
{
    int line = tz->lineno;
    const char *ls = tz->line_start;
    if (tok_string(tz, start) < 0)
        return -1;
    tok_set(tz, t, TK_STRING, start, line, ls);
    return 0;
}

static int tok_name_or_string(Tokenizer *tz, Token *t, const char *start)
{
    while (tz->cur < tz->end && tok_is_name_char((unsigned char)*tz->cur)) {
        if ((unsigned char)*tz->cur < 0x80)
            tz->cur++;
        else if (tok_unicode_name_char(tz, tz->cur == start) < 0)
            return -1;
    }
    size_t n = (size_t)(tz->cur - start);
    int c = tok_peekc(tz, 0);
    if ((c == '"' || c == '\'') && tok_is_prefix(start, n))
        return tok_string_token(tz, t, start);
    tok_set(tz, t, tok_keyword(start, n), start, tz->lineno, tz->line_start);
    return 0;
}

int wf_tok_next(Tokenizer *tz, Token *t)
{
    for (;;) {
        if (tz->atbol && !tz->nested && tz->level == 0) {
            if (tok_begin_line(tz) < 0)
                return -1;
        }
        if (tz->pending > 0) {
            tz->pending--;
            tok_set(tz, t, TK_INDENT, tz->cur, tz->lineno, tz->line_start);
            t->start = tz->line_start;
            t->col = 0;
            return 0;
        }
        if (tz->pending < 0) {
            tz->pending++;
            tok_set(tz, t, TK_DEDENT, tz->cur, tz->lineno, tz->line_start);
            return 0;
        }
        int nl = tok_skip_space(tz);
        if (nl < 0)
            return -1;
        if (tz->cur >= tz->end)
            return tok_eof(tz, t);
        const char *start = tz->cur;
        int c = (unsigned char)*start;
        if (nl) {
            tz->cur++;
            tok_set(tz, t, TK_NEWLINE, start, tz->lineno, tz->line_start);
            if (tz->comment) {
                /* CPython's NEWLINE token covers a trailing comment. */
                t->start = tz->comment;
                t->col = (int)(tz->comment - tz->line_start);
                t->end = start;
                t->end_col = (int)(start - tz->line_start);
            }
            tok_newline(tz, tz->cur);
            tz->atbol = true;
            return 0;
        }
        if (tok_is_name_start(c))
            return tok_name_or_string(tz, t, start);
        if (isdigit(c) || (c == '.' && isdigit(tok_peekc(tz, 1)))) {
            if (tok_number(tz) < 0)
                return -1;
            tok_set(tz, t, TK_NUMBER, start, tz->lineno, tz->line_start);
            return 0;
        }
        if (c == '"' || c == '\'')
            return tok_string_token(tz, t, start);
        TokKind k = tok_operator(tz);
        if ((k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE) && tok_paren_open(tz, start) < 0)
            return -1;
        if ((k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE) && tok_paren_close(tz, start) < 0)
            return -1;
        tok_set(tz, t, k, start, tz->lineno, tz->line_start);
        return 0;
    }
}
