/* weft: the assertion harness of the object-model unit tests (test_om_*.c). */
/* One failed ASSERT -> file:line and the expression on stderr -> exit 1. */
#ifndef WF_TEST_OM_CHECK_H
#define WF_TEST_OM_CHECK_H

/*
 * Each test_om_*.c file is one executable of meson suite 'unit'. It starts the
 * runtime with om_begin(), runs its test functions through OM_RUN (which
 * prints "ok NAME", or "skip NAME: reason" when the test called OM_SKIP), and
 * ends with om_end(), which prints a summary line and returns the exit status.
 *
 * Rules the tests follow:
 *  1. Only the public API of the core headers: the object model is being optimised
 *     underneath, and these tests pin its contract, not its layout.
 *  2. The first failed ASSERT stops the program (exit 1): a broken invariant
 *     usually corrupts what the next check would read.
 *  3. Every test leaves no exception set (om_run checks) and drops the
 *     references it created, so the suite is clean under ASan.
 *  4. A test that found a bug in core/ is kept, but skipped with its reason
 *     printed (OM_SKIP), so the suite stays green until core/ is fixed.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "weft.h"

#define ASSERT(cond) do { \
    if (!(cond)) { \
        fflush(stdout); \
        fprintf(stderr, "%s:%d: ASSERT failed: %s\n", __FILE__, __LINE__, #cond); \
        om_print_exception(); \
        exit(1); \
    } \
} while (0)

/* Two integer expressions, both values printed on failure. */
#define ASSERT_EQ(a, b) do { \
    long long a_ = (long long)(a), b_ = (long long)(b); \
    if (a_ != b_) { \
        fflush(stdout); \
        fprintf(stderr, "%s:%d: ASSERT failed: %s == %s (%lld != %lld)\n", \
                __FILE__, __LINE__, #a, #b, a_, b_); \
        om_print_exception(); \
        exit(1); \
    } \
} while (0)

/* A str Value equal to a C string (both printed on failure). */
#define ASSERT_STR(v, s) do { \
    Value v_ = (v); \
    if (!v_ || !wf_is_str(v_) || !wf_str_eq_c(v_, (s))) { \
        fflush(stdout); \
        fprintf(stderr, "%s:%d: ASSERT failed: %s == \"%s\" (got %s%s%s)\n", \
                __FILE__, __LINE__, #v, (s), v_ && wf_is_str(v_) ? "\"" : "", \
                v_ && wf_is_str(v_) ? wf_str_cstr(v_) : (v_ ? "a non-str" : "0"), \
                v_ && wf_is_str(v_) ? "\"" : ""); \
        om_print_exception(); \
        exit(1); \
    } \
} while (0)

/* The call just made failed with an exception of `type` set: check and clear it. */
#define ASSERT_RAISED(type) do { \
    ASSERT(wf_err_occurred()); \
    ASSERT(wf_err_matches(type)); \
    wf_err_clear(); \
    ASSERT(!wf_err_occurred()); \
} while (0)

/* The test is skipped: a bug in core/ (named in the reason) makes it fail. */
#define OM_SKIP(reason) do { om_skip_reason = (reason); return; } while (0)

#define OM_RUN(test) om_run(#test, test)

static const char *om_skip_reason;
static int om_passed, om_skipped;

/* The pending exception (if any) as "Type: message", to explain a failure. */
static inline void om_print_exception(void)
{
    if (!wf_tstate() || !wf_err_occurred())
        return;
    Value exc = wf_err_fetch();
    Value s = wf_str(exc);
    fprintf(stderr, "  pending exception: %s: %s\n", wf_type_name(exc),
            s ? wf_str_cstr(s) : "<str() failed>");
    wf_err_clear();
    wf_decref(s);
    wf_decref(exc);
}

static inline void om_begin(int argc, char **argv)
{
    if (wf_runtime_init(argc, argv) < 0) {
        fprintf(stderr, "wf_runtime_init failed\n");
        om_print_exception();
        exit(1);
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
}

static inline void om_run(const char *name, void (*fn)(void))
{
    om_skip_reason = NULL;
    fn();
    if (wf_err_occurred()) {
        fprintf(stderr, "%s: left an exception set\n", name);
        om_print_exception();
        exit(1);
    }
    if (om_skip_reason) {
        printf("skip %s: %s\n", name, om_skip_reason);
        om_skipped++;
    } else {
        printf("ok %s\n", name);
        om_passed++;
    }
    fflush(stdout);
}

static inline int om_end(const char *file)
{
    printf("%s: %d passed, %d skipped\n", file, om_passed, om_skipped);
    fflush(stdout);
    return 0;
}

/* Run Python source in a fresh module namespace; returns the globals dict. */
static inline Value om_exec(const char *src)
{
    Value g = wf_dict_new();
    ASSERT(g);
    ASSERT(wf_dict_set_c(g, "__name__", wf_str_intern_c("om_test")) == 0);
    ASSERT(wf_dict_set_c(g, "__builtins__", wf_builtins_module) == 0);
    Value r = wf_run_source(src, strlen(src), "<om_test>", g, WF_MODE_EXEC);
    ASSERT(r);
    wf_decref(r);
    return g;
}

/* The local reference count of a heap object (the owner's count). */
static inline uint32_t om_refcnt(Value v)
{
    return wf_obj(v)->ob_ref_local;
}

#endif
