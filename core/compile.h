/* weft: the bytecode compiler. */
/* AST (core/ast.h) -> symbol tables -> instructions -> assembled code objects. */
#ifndef WF_COMPILE_H
#define WF_COMPILE_H

#include "ast.h"

/* Compile a parsed module (from wf_parse) into a code object. src/len are
 * the source text (for the line shown with a SyntaxError). */
Value wf_compile_mod(Mod *mod, const char *filename, int mode, const char *src, size_t len);

#endif
