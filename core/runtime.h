/* weft: internal interfaces between the runtime area's files. */
/* main.c, runtime.c, sysmodule.c, fileobject.c, import.c, builtins.c, mathmodule.c, timemodule.c -> each other. */
#ifndef WF_RUNTIME_H
#define WF_RUNTIME_H

#include "weft.h"

/* ---- start-up and shut-down (core/runtime.c) ---- */
/* Handle the exception that ended the program: SystemExit gives its code,
 * anything else is printed with its traceback; returns the exit status. */
int wf_runtime_exit_status(void);
/* Flush sys.stdout, sys.stderr and every open file (at exit, also on
 * errors); -1 if a standard stream could not be flushed (exit status 120). */
int wf_runtime_fini(void);
/* Print the pending exception as CPython's unraisable hook does:
 * "<what>: <repr(obj)>" (fallback when repr fails), then the traceback. */
void wf_runtime_report_ignored(const char *what, Value obj, const char *fallback);

/* -X gil=V from the command line (main.c sets it before wf_runtime_init). */
extern const char *wf_runtime_gil_option;
/* At the end of the main program: threading._shutdown() (waits for
 * non-daemon threads) when threading was imported; errors are reported. */
void wf_runtime_wait_threads(void);

/* Ctrl-C (core/runtime.c): set by the SIGINT handler while a read blocks. */
#include <signal.h>
extern volatile sig_atomic_t wf_sigint_pending;
extern volatile sig_atomic_t wf_sigint_blocking;

/* ---- sys (core/sysmodule.c) ---- */
/* -E / -I: ignore PYTHONPATH and the other PYTHON* variables (set by main before start-up). */
extern bool wf_sys_ignore_environment;
/* Creates the sys module; called by wf_modules_init. */
Value wf_sys_create(void);
void wf_sys_set_argv(int argc, char **argv);
void wf_sys_set_orig_argv(int argc, char **argv);   /* the whole command line */
/* sys._xoptions[name] = value (value NULL: True). */
void wf_sys_add_xoption(const char *name, const char *value);
/* Set sys.path[0] (the main script's directory, '' for -c). */
void wf_sys_set_path0(const char *dir);
/* repr of a struct sequence: "name(field=repr, ...)" over its first n items
 * (sys.flags and the like, time.struct_time). */
Value wf_structseq_repr(Value self, const char *name, const char *const *fields, size_t n);
/* sys.exit([status]): raises SystemExit; also builtins exit() and quit(). */
Value wf_sys_exit(Value self, const Value *args, size_t nargs, Value kwnames);

/* ---- text files (core/fileobject.c) ---- */
extern TypeObject wf_type_textfile;
/* A text file over an open descriptor; name is a str Value (borrowed). */
Value wf_file_from_fd(int fd, Value name, const char *mode, bool closefd);
/* open(file, mode, encoding, newline) semantics; raises OSError and friends. */
Value wf_file_open(Value file, const char *mode);
/* Write UTF-8 text (fast path for print and tracebacks); -1 on error. */
int wf_file_write_c(Value file, const char *s, size_t len);
int wf_file_flush(Value file);
/* Line buffered (tty) or unbuffered (-u). */
void wf_file_set_buffering(Value file, bool line, bool unbuffered);
/* Flush every open file (at exit). */
void wf_file_flush_all(void);
/* open() itself (a builtin function), and the type's start-up. */
Value wf_builtin_open(Value self, const Value *args, size_t nargs, Value kwnames);
void wf_file_init(void);
/* Read one line (with its '\n'); "" at EOF. */
Value wf_file_readline(Value file, intptr_t limit);

/* ---- io (core/iomodule.c) ---- */
extern TypeObject wf_type_stringio;
void wf_io_register(void);   /* registers the `io` module */
/* writelines(lines) of a text stream: write(self, line) for each line (also core/fileobject.c). */
Value wf_io_writelines(Value self, Value lines, CFunction write);
void wf_warnings_register(void);   /* registers `warnings` (core/warnings.c) */
/* atexit (core/atexitmodule.c): the module, and running the callbacks at exit. */
void wf_atexit_register_module(void);
void wf_atexit_run(void);

/* ---- import (core/import.c) ---- */
/* The file a top-level module would be loaded from (for -m): a str, or 0
 * without an exception when not found. */
Value wf_import_find_module(const char *name);
/* Sorted tuple of the registered built-in module names (sys.builtin_module_names). */
Value wf_import_builtin_names(void);

/* ---- builtins (core/builtins.c) ---- */
/* The default for print's file= and the like: sys.stdout looked up now. */
Value wf_builtins_stdout(void);
/* start OP item OP item ... over iterable, left to right (sum(), math.prod()). */
Value wf_builtins_fold(Value iterable, Value start, int op);

/* ---- exceptions (core/exceptions.c) ---- */
/* Exceptions defined beyond the shared WF_EXCEPTIONS list. */
extern TypeObject *wf_exc_UnicodeDecodeError;
extern TypeObject *wf_exc_UnicodeEncodeError;
extern TypeObject *wf_exc_UnsupportedOperation;  /* io.UnsupportedOperation (an OSError) */
/* Attach the currently handled exception as __context__ of exc (as CPython's
 * _PyErr_SetObject does for every raise); breaks cycles. */
void wf_exc_set_context_from_handled(Value exc);
/* Calls fn for every built-in exception class (for the builtins module). */
void wf_exceptions_each(void (*fn)(const char *name, TypeObject *type));
/* The printed report of exc as one str (chain: with causes and contexts). */
Value wf_exc_format(Value exc, bool chain);
/* A `frame` object: a snapshot of code, line, globals and caller (core/traceback.c). */
extern TypeObject wf_type_frame;
Value wf_frame_snapshot(Value code, int lineno, Value globals, Value back);
/* The built-in `traceback` module (core/traceback.c). */
Value wf_traceback_module_create(void);
/* The qualified class name as tracebacks print it ("ValueError", "helper.MyError"). */
Value wf_exc_type_display_name(TypeObject *type);

#endif
