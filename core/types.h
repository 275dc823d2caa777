/* weft: the public C API of the built-in types, grouped by owning file. */
/* Built-in types -> constructors, accessors, operations others call. */
#ifndef WF_TYPES_H
#define WF_TYPES_H

#include "object.h"

/* ---- int, bool (core/int.c, core/bool.c) ----
 * Heap ints hold a GMP mpz_t (see core/int.c); values in the small range are
 * always tagged (value.h). */
Value wf_int_from_i64(int64_t i);
Value wf_int_from_u64(uint64_t u);
Value wf_int_from_double(double d);           /* int(3.7) == 3; OverflowError/ValueError for inf/nan */
Value wf_int_from_string(const char *s, size_t len, int base);  /* int("..", base): ValueError as CPython */
/* Convert to C: 0 on success, -1 + OverflowError if it does not fit. */
int wf_int_as_i64(Value v, int64_t *out);
double wf_int_as_double(Value v);             /* -1.0 + OverflowError when too large: check wf_err_occurred */
int wf_int_sign(Value v);                     /* -1, 0, 1 */
Value wf_int_to_base(Value v, int base, bool prefix);  /* hex/oct/bin/str */
Hash wf_int_hash(Value v);
/* Fast paths the interpreter calls directly on two ints (incl. bool). */
Value wf_int_add(Value a, Value b);
Value wf_int_sub(Value a, Value b);
Value wf_int_mul(Value a, Value b);
int wf_int_compare(Value a, Value b);         /* -1, 0, 1 (both ints) */
Value wf_bool_from_int(int b);                /* new ref of True/False */
Value wf_int_pow_mod(Value a, Value b, Value m);  /* pow(a, b, m) for ints, CPython's errors */
/* sys.get/set_int_max_str_digits: the int<->str digit limit, 0 = unlimited. */
extern int wf_int_max_str_digits;

/* ---- float (core/float.c) ---- */
Value wf_float_new(double d);
/* Exact floats have a per-thread free list of their own (as CPython's),
 * owned by float.c and exposed for the inline paths below; a free float's
 * first word links to the next one. */
#define WF_FLOAT_FREE_MAX 256
extern _Thread_local Object *wf_float_free_list __attribute__((tls_model("initial-exec")));
extern _Thread_local unsigned wf_float_free_count __attribute__((tls_model("initial-exec")));
/* wf_float_new with its common case inline: a float off the free list. */
static inline Value wf_float_new_inline(double d)
{
    Object *o = wf_float_free_list;
    if (WF_UNLIKELY(o == NULL))
        return wf_float_new(d);
    wf_float_free_list = *(Object **)o;
    wf_float_free_count--;
    wf_object_reinit_head(o, &wf_type_float);
    ((FloatObject *)o)->value = d;
    return wf_val(o);
}
/* Put a dead exact float (count 0, this thread's to free) on the free list;
 * false when the list is full (then free it the ordinary way). */
static inline bool wf_float_free_push(Object *o)
{
    if (WF_UNLIKELY(wf_float_free_count >= WF_FLOAT_FREE_MAX))
        return false;
    *(Object **)o = wf_float_free_list;
    wf_float_free_list = o;
    wf_float_free_count++;
    return true;
}
/* Drop a reference to an exact float (not a subclass: their dealloc
 * differs): wf_decref, whose owner's last reference puts the float straight
 * on this thread's free list instead of going through tp_dealloc. */
static inline void wf_float_decref(Value v)
{
    Object *o = wf_obj(v);
    WF_ASSERT(o->ob_type == &wf_type_float);
    if (WF_LIKELY(wf_object_is_owned(o))) {   /* never an immortal object */
        uint32_t local = wf_refcnt_local(o);
        __atomic_store_n(&o->ob_ref_local, local - 1, __ATOMIC_RELAXED);  /* object.h rule 2 */
        if (local == 1) {
            /* acquire: as wf_object_merge_zero_local's, pairs with the
             * release of non-owners' decrefs (their last uses come first) */
            if (!WF_LIKELY(atomic_load_explicit(&o->ob_ref_shared, memory_order_acquire) == 0 &&
                           wf_float_free_push(o)))
                wf_object_merge_zero_local(o);
        }
    } else if (!wf_is_immortal(o)) {
        wf_object_decref_shared(o);
    }
}
static inline double wf_float_val(Value v) { return ((FloatObject *)wf_obj(v))->value; }
/* float(x) for any object (str, int, __float__, __index__). */
Value wf_float_from_object(Value v);
/* Shortest repr that round-trips, formatted as CPython repr(float). */
Value wf_float_repr(double d);
/* Writes repr(d) into buf (>= 32 bytes); returns length. */
size_t wf_float_repr_buf(double d, char *buf);
Hash wf_float_hash(double d);
/* Value as a C double for int or float (TypeError otherwise): -1.0 + exception set on error. */
double wf_as_double(Value v);

/* ---- numeric formatting (core/numfmt.c) ---- */
Value wf_int_format(Value v, Value spec);     /* format(int, spec) */
Value wf_float_format(Value v, Value spec);   /* format(float, spec) */

/* ---- str (core/str.c, core/strformat.c) ---- */
Value wf_str_new(const char *utf8, size_t len);      /* copies; input must be valid UTF-8 */
Value wf_str_from_cstr(const char *s);
Value wf_str_intern(Value s);                 /* steals s, returns the immortal interned copy */
Value wf_str_intern_c(const char *s);         /* borrowed immortal interned string */
Value wf_str_printf(const char *fmt, ...);    /* same directives as wf_err_format */
Value wf_str_vprintf(const char *fmt, va_list ap);
Value wf_str_concat(Value a, Value b);
Value wf_str_join(Value sep, Value iterable);
bool wf_str_eq(Value a, Value b);             /* both str */
bool wf_str_eq_c(Value a, const char *s);
Hash wf_str_hash(Value s);
Value wf_str_repr(Value s);                   /* repr of a str, CPython quoting rules */
Value wf_str_from_codepoint(uint32_t cp);     /* chr() */
Value wf_str_substring(Value s, size_t start_char, size_t end_char);
Value wf_str_percent_format(Value fmt, Value args);  /* fmt % args */
Value wf_str_format_spec(Value s, Value spec);       /* format(str, spec) */
Value wf_str_format_method(Value fmt, const Value *args, size_t nargs, Value kwnames); /* str.format */
/* s with every non-ASCII code point escaped as \xNN, \uNNNN or \UNNNNNNNN:
 * ascii(v) is wf_str_to_ascii(repr(v)). */
Value wf_str_to_ascii(Value s);
/* a + b for the interpreter's `s += t` (steals a): when the caller holds the
 * only reference to a (exact, non-interned str, refcount 1), a is grown in
 * place (it may move), making repeated appends linear as in CPython. */
Value wf_str_append_unique(Value a, Value b);

/* A growable UTF-8 buffer for building strings. */
typedef struct StrBuilder {
    char *buf;
    size_t len, cap;
    size_t nchars;
    bool ascii;
} StrBuilder;
void wf_sb_init(StrBuilder *sb);
void wf_sb_add(StrBuilder *sb, const char *s, size_t len);   /* valid UTF-8 */
void wf_sb_add_c(StrBuilder *sb, const char *s);
void wf_sb_add_char(StrBuilder *sb, char c);                 /* ASCII */
void wf_sb_add_codepoint(StrBuilder *sb, uint32_t cp);
void wf_sb_add_str(StrBuilder *sb, Value s);                 /* a str Value */
int wf_sb_add_repr(StrBuilder *sb, Value v);                 /* -1 on error */
int wf_sb_add_strof(StrBuilder *sb, Value v);                /* str(v); -1 on error */
Value wf_sb_finish(StrBuilder *sb);                          /* frees the buffer */
void wf_sb_discard(StrBuilder *sb);

/* ---- tuple (core/tuple.c) ---- */
Value wf_tuple_new(size_t n);                 /* items zero: fill them before use */
Value wf_tuple_pack(size_t n, ...);           /* new refs taken of each item (borrowed in) */
Value wf_tuple_from_array(const Value *items, size_t n);   /* increfs items */
Value wf_tuple_from_iterable(Value it);
extern Value wf_empty_tuple;                  /* immortal () */
static inline size_t wf_tuple_size(Value t) { return wf_as_tuple(t)->size; }
static inline Value wf_tuple_get(Value t, size_t i) { return wf_as_tuple(t)->items[i]; } /* borrowed */

/* ---- list (core/list.c, core/sort.c) ---- */
Value wf_list_new(size_t n);                  /* n items set to 0: fill them */
Value wf_list_from_array(const Value *items, size_t n);    /* increfs */
Value wf_list_from_iterable(Value it);
int wf_list_append(Value list, Value v);      /* increfs v */
int wf_list_extend(Value list, Value iterable);
int wf_list_sort(Value list, Value key, bool reverse);     /* stable; key may be 0 */
Value wf_list_as_tuple(Value list);
/* relaxed: other threads may append meanwhile (seq.h has the list's rules) */
static inline size_t wf_list_size(Value l)
{
    return atomic_load_explicit((_Atomic size_t *)&wf_as_list(l)->size, memory_order_relaxed);
}
static inline Value wf_list_get(Value l, size_t i) { return wf_as_list(l)->items[i]; } /* borrowed */

/* ---- dict (core/dict.c) ----
 * Insertion-ordered hash table (CPython's compact layout). Every operation is
 * atomic with respect to other threads (per-object lock, runtime issue). */
Value wf_dict_new(void);
Value wf_dict_get(Value d, Value key);        /* borrowed; 0 without exception if absent; 0 + exception on hash error */
Value wf_dict_get_c(Value d, const char *key);/* borrowed */
int wf_dict_set(Value d, Value key, Value v); /* increfs both */
int wf_dict_set_c(Value d, const char *key, Value v);
int wf_dict_del(Value d, Value key);          /* KeyError if absent */
int wf_dict_contains(Value d, Value key);
intptr_t wf_dict_size(Value d);
/* Iterate: pos starts at 0; returns 1 with borrowed key and value, 0 at the end. */
int wf_dict_next(Value d, size_t *pos, Value *key, Value *value);
Value wf_dict_copy(Value d);
int wf_dict_update(Value d, Value other);     /* dict.update(other) (mapping or pairs) */
Value wf_dict_keys_list(Value d);
uint64_t wf_dict_version(Value d);            /* bumped on every mutation (guards, later) */
/* Instances of dict subclasses: address of their attribute `Value dict` slot
 * (at tp_dictoffset, after the DictObject of core/dict.h); NULL for exact dicts. */
Value *wf_dict_dict_slot(Value d);

/* ---- set, frozenset (core/set.c): CPython's probing, so int sets print in CPython's order ---- */
Value wf_set_new(Value iterable);             /* iterable may be 0 */
Value wf_frozenset_new(Value iterable);
int wf_set_add(Value s, Value key);
int wf_set_contains(Value s, Value key);
int wf_set_discard(Value s, Value key);
intptr_t wf_set_size(Value s);
int wf_set_next(Value s, size_t *pos, Value *key);  /* borrowed */
/* s.update(iterable), CPython's _PySet_Update: from a set it copies the table
 * layout, so SET_UPDATE must use it for {*a} to print in CPython's order. */
int wf_set_update(Value s, Value iterable);
/* The constant for a set display of more than two constants (tuple of them):
 * compile {3, 1, 2} as BUILD_SET 0; LOAD_CONST this; SET_UPDATE 1, as CPython. */
Value wf_frozenset_const(Value tuple);

/* ---- range, slice, iterators (core/range.c, core/slice.c, core/iterobject.c) ---- */
Value wf_range_new(Value start, Value stop, Value step);
typedef struct SliceObject { Object ob; Value start, stop, step; } SliceObject;
Value wf_slice_new(Value start, Value stop, Value step);   /* 0 means None */
/* Resolve a slice against a length (CPython's PySlice_GetIndicesEx). */
int wf_slice_indices(Value slice, intptr_t length, intptr_t *start, intptr_t *stop,
                     intptr_t *step, intptr_t *slicelength);
Value wf_seqiter_new(Value seq);              /* iterator over __getitem__ / len */
Value wf_enumerate_new(Value iterable, Value start);
Value wf_reversed_new(Value seq);
Value wf_calliter_new(Value callable, Value sentinel);   /* iter(callable, sentinel) */
extern TypeObject wf_type_enumerate, wf_type_zip, wf_type_map, wf_type_filter, wf_type_reversed;
/* Instances of class-statement tuple subclasses are a TupleObject followed, after its items,
 * by one `Value dict` slot (0 until used): its address. */
Value *wf_tuple_dict_slot(Value t);

/* ---- functions, code, generators, cells (core/code.c, core/funcobject.c, core/genobject.c) ---- */
Value wf_method_new(Value func, Value self); /* bound method */

/* ---- modules and the runtime (core/builtins.c, core/sysmodule.c, core/import.c, ...) ---- */
extern Value wf_builtins_module;              /* the `builtins` module */
extern Value wf_builtins_dict;                /* its dict (borrowed, immortal) */
extern Value wf_sys_module;
extern Value wf_sys_modules;                  /* sys.modules dict */
/* Import a module by name (builtin module or NAME.py beside the main script). */
Value wf_import(Value name, Value globals, Value fromlist, int level);
/* Register a built-in module: its creation function runs on first import. */
void wf_register_builtin_module(const char *name, Value (*create)(void));
/* The _thread module (core/threadmodule.c). */
Value wf_thread_module_create(void);
Value wf_weft_module_create(void);      /* core/weftmodule.c: introspection for tests */
Value wf_sys_get(const char *name);           /* borrowed sys.NAME, or 0 */
/* Write a C string to sys.stdout / sys.stderr (through their write methods). */
int wf_sys_write_stdout(const char *s);
int wf_sys_write_stderr(const char *s);
int wf_print_value(Value v, Value file);      /* print(v, file=file) */
/* wf_err_syntax with the end position too (SyntaxError.end_lineno/end_offset:
 * the traceback prints end_offset - offset carets); 0 / 0 = unknown, and
 * offset 0 prints no caret, as CPython for errors at end of input. */
Value wf_err_syntax_range(TypeObject *type, const char *filename, int lineno, int offset,
                          int end_lineno, int end_offset, const char *line, const char *msg);

/* Each area's start-up hook, called in this order by wf_runtime_init()
 * (core/runtime.c): readies its types and registers its modules. */
void wf_object_init(void);
void wf_object_init_late(void);  /* object model: call right after wf_dict_init() */
void wf_ids_init(void);
void wf_str_init(void);
void wf_int_init(void);
void wf_float_init(void);
void wf_tuple_init(void);
void wf_list_init(void);
void wf_dict_init(void);
void wf_set_init(void);
void wf_range_init(void);
void wf_iter_init(void);
void wf_exceptions_init(void);
void wf_func_init(void);
void wf_builtins_init(void);
void wf_modules_init(void);
int wf_runtime_init(int argc, char **argv);

#endif
