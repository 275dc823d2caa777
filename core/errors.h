/* weft: raising, catching and describing exceptions from C. */
/* C errors -> the thread state's current exception (core/exceptions.c). */
#ifndef WF_ERRORS_H
#define WF_ERRORS_H

#include "object.h"

/* The exception hierarchy. X(Name, Base): every built-in exception type, in
 * an order where each base precedes its subclasses. core/exceptions.c
 * creates them at start-up as TypeObject *wf_exc_<Name>. */
#define WF_EXCEPTIONS(X) \
    X(BaseException, NONE) \
    X(SystemExit, BaseException) \
    X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) \
    X(Exception, BaseException) \
    X(StopIteration, Exception) \
    X(StopAsyncIteration, Exception) \
    X(ArithmeticError, Exception) \
    X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    X(BufferError, Exception) \
    X(EOFError, Exception) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(KeyError, LookupError) \
    X(MemoryError, Exception) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(OSError, Exception) \
    X(FileNotFoundError, OSError) \
    X(FileExistsError, OSError) \
    X(PermissionError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(TimeoutError, OSError) \
    X(ReferenceError, Exception) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(SyntaxError, Exception) \
    X(IndentationError, SyntaxError) \
    X(TabError, IndentationError) \
    X(SystemError, Exception) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(Warning, Exception) \
    X(DeprecationWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(UserWarning, Warning)

#define X(name, base) extern TypeObject *wf_exc_##name;
WF_EXCEPTIONS(X)
#undef X

/* Layout of every exception instance (user subclasses add a dict). */
typedef struct ExceptionObject {
    Object ob;
    Value dict;              /* instance __dict__ (InstanceObject compatible) */
    Value args;              /* tuple */
    Value traceback;         /* TracebackObject or 0 */
    Value cause;             /* __cause__ or 0 */
    Value context;           /* __context__ or 0 */
    int suppress_context;    /* __suppress_context__ */
    Value value;             /* StopIteration.value, SystemExit.code, or 0 */
} ExceptionObject;

/* A traceback entry: one frame the exception passed through (innermost last
 * in the chain tb_next, as in CPython). */
typedef struct TracebackObject {
    Object ob;
    Value next;              /* TracebackObject or 0 */
    Value code;              /* CodeObject (file name, function name) */
    int lineno;
} TracebackObject;

/* Raising. All return 0 so that `return wf_err_format(...)` works in
 * functions returning Value; use `return wf_err...(), -1` elsewhere. */
Value wf_err_set_str(TypeObject *type, const char *msg);
/* printf-like: %s %d %i %u %ld %lld %zd %zu %c %%, plus %R (repr of a
 * Value), %S (str of a Value), %T (type name of a Value), %U (str Value). */
Value wf_err_format(TypeObject *type, const char *fmt, ...);
Value wf_err_set_value(TypeObject *type, Value arg);   /* type(arg) */
/* `raise x`: x is an exception instance or class (instantiated with no args). */
Value wf_err_raise(Value exc);
Value wf_err_no_memory(void);
/* SyntaxError with filename, lineno, offset (1-based column), source line. */
Value wf_err_syntax(TypeObject *type, const char *filename, int lineno, int offset,
                    const char *line, const char *msg);

/* Inspecting. */
int wf_err_occurred(void);                  /* an exception is set */
Value wf_err_peek(void);                    /* borrowed current exception or 0 */
int wf_err_matches(TypeObject *type);       /* current exception is an instance of type */
int wf_exc_matches(Value exc, Value cls);   /* isinstance for except clauses (cls may be a tuple) */
void wf_err_clear(void);
Value wf_err_fetch(void);                   /* takes the current exception (new ref), clears it */
void wf_err_restore(Value exc);             /* steals exc as the current exception */

/* Exception objects. */
Value wf_exc_new(TypeObject *type, const Value *args, size_t nargs);
Value wf_exc_args(Value exc);               /* borrowed tuple */
/* Prepend a traceback entry for (code, lineno) to exc's traceback. */
void wf_exc_add_traceback(Value exc, Value code, int lineno);
/* Print exc as CPython's default excepthook does (chained causes/contexts,
 * "Traceback (most recent call last):", source lines) to stderr. */
void wf_exc_print(Value exc);
/* StopIteration(value) raised with the right args; value may be 0 (None). */
Value wf_err_stop_iteration(Value value);

#endif
