/* weft: the tokenizer's interface, shared by the parser only. */
/* UTF-8 source bytes -> Tokens (kinds, positions) for core/parse.c. */
#ifndef WF_TOKENIZE_H
#define WF_TOKENIZE_H

#include "weft.h"

/* Token kinds: X(NAME, text) where text is the operator or keyword spelling
 * (or a description for the other kinds). Keywords are their own kinds. */
#define WF_TOKENS(X) \
    X(ENDMARKER, "end of file")   /* after the last DEDENT */ \
    X(NAME, "name")               /* identifier that is not a keyword */ \
    X(NUMBER, "number")           /* int or float literal, validated */ \
    X(STRING, "string")           /* one string literal with prefix and quotes */ \
    X(NEWLINE, "newline")         /* end of a logical line */ \
    X(INDENT, "indent")           /* deeper indentation than the enclosing block */ \
    X(DEDENT, "dedent")           /* one per closed indentation level */ \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(LBRACE, "{") X(RBRACE, "}") \
    X(COLON, ":") X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*") \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">") X(EQUAL, "=") \
    X(DOT, ".") X(PERCENT, "%") X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=") \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^") X(LEFTSHIFT, "<<") \
    X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**") X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") \
    X(STAREQUAL, "*=") X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=") \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=") \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=") X(DOUBLESLASH, "//") \
    X(DOUBLESLASHEQUAL, "//=") X(AT, "@") X(ATEQUAL, "@=") X(RARROW, "->") \
    X(ELLIPSIS, "...") X(COLONEQUAL, ":=") \
    X(ERRORTOKEN, "error")        /* a character no rule accepts ('!', '$', '?') */ \
    X(KW_False, "False") X(KW_None, "None") X(KW_True, "True") X(KW_and, "and") \
    X(KW_as, "as") X(KW_assert, "assert") X(KW_async, "async") X(KW_await, "await") \
    X(KW_break, "break") X(KW_class, "class") X(KW_continue, "continue") X(KW_def, "def") \
    X(KW_del, "del") X(KW_elif, "elif") X(KW_else, "else") X(KW_except, "except") \
    X(KW_finally, "finally") X(KW_for, "for") X(KW_from, "from") X(KW_global, "global") \
    X(KW_if, "if") X(KW_import, "import") X(KW_in, "in") X(KW_is, "is") \
    X(KW_lambda, "lambda") X(KW_nonlocal, "nonlocal") X(KW_not, "not") X(KW_or, "or") \
    X(KW_pass, "pass") X(KW_raise, "raise") X(KW_return, "return") X(KW_try, "try") \
    X(KW_while, "while") X(KW_with, "with") X(KW_yield, "yield")

typedef enum TokKind {
#define X(n, s) TK_##n,
    WF_TOKENS(X)
#undef X
    TK_COUNT
} TokKind;

#define TK_FIRST_KEYWORD TK_KW_False

extern const char *const wf_tok_names[TK_COUNT];

typedef struct Token {
    TokKind kind;
    const char *start, *end;      /* the token's bytes in the source */
    int lineno, col;              /* start: 1-based line, 0-based byte column */
    int end_lineno, end_col;      /* exclusive end */
} Token;

#define WF_TOK_MAXINDENT 100
#define WF_TOK_MAXLEVEL 200

typedef struct Tokenizer {
    const char *base;             /* start of the whole source (for line lookup) */
    const char *cur, *end;        /* scan position, end of the range to scan */
    const char *line_start;       /* start of the current physical line */
    int lineno;
    const char *filename;
    int indstack[WF_TOK_MAXINDENT + 1];    /* columns, tabs to multiples of 8 */
    int altstack[WF_TOK_MAXINDENT + 1];    /* columns, tabs as 1 (TabError check) */
    int indent;                   /* top of the stacks */
    int pending;                  /* > 0: INDENTs to emit, < 0: DEDENTs */
    int level;                    /* bracket depth */
    char parenstack[WF_TOK_MAXLEVEL];
    int parenline[WF_TOK_MAXLEVEL];
    const char *parenpos[WF_TOK_MAXLEVEL];
    bool atbol;                   /* at the beginning of a logical line */
    bool nested;                  /* f-string expression: no NEWLINE/INDENT at all */
    bool eof_done;                /* ENDMARKER produced */
    int last_kind;                /* kind of the previous token (-1 at start) */
    const char *comment;          /* start of a comment just skipped on this line */
    bool soft_error;              /* the error is one CPython reports only when the
                                     parser reaches it (indentation, continuation) */
} Tokenizer;

/* Tokenize [start, end) of a source whose first byte is base; lineno and
 * line_start give the position of start. nested: tokens of an f-string
 * replacement field (no NEWLINE/INDENT/DEDENT; newlines are whitespace). */
void wf_tok_init(Tokenizer *tz, const char *base, const char *start, const char *end,
                 int lineno, const char *line_start, const char *filename, bool nested);
/* The next token; 0 on success, -1 with a SyntaxError set. */
int wf_tok_next(Tokenizer *tz, Token *tok);

/* Raise `type` (SyntaxError, IndentationError ...) at byte position pos of
 * line lineno. The offset is converted to 1-based characters as CPython does.
 * Returns -1. */
int wf_tok_error_at(const char *base, const char *filename, TypeObject *type, int lineno,
                    const char *pos, const char *msg);
/* The same with the (exclusive) end of the offending range, for carets. */
int wf_tok_error_range(const char *base, const char *filename, TypeObject *type, int lineno,
                       const char *pos, int end_lineno, const char *end_pos, const char *msg);

#endif
