/* weft: the parser's entry point. */
/* Source text -> tokens (core/tokenize.c) -> AST (core/ast.h). */
#ifndef WF_PARSE_H
#define WF_PARSE_H

#include "ast.h"

/*
 * Parse `len` bytes of UTF-8 source. mode is WF_MODE_EXEC (Module),
 * WF_MODE_EVAL (Expression) or WF_MODE_SINGLE (Interactive), see interp.h.
 * All nodes are allocated in `arena`. Returns NULL with a SyntaxError (or
 * IndentationError / TabError) set, carrying filename, line, 1-based offset
 * and the source line, as CPython 3.11 reports it.
 */
Mod *wf_parse(const char *src, size_t len, const char *filename, int mode, Arena *arena);

#endif
