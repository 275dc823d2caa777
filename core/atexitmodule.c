/* weft: the atexit module. */
/* atexit.register(func, *args, **kwargs) -> calls in reverse order at interpreter exit. */
#include "runtime.h"

/*
 * Callbacks are kept as (func, args tuple, kwargs dict or None) triples in
 * one list. wf_atexit_run() is called by main once the program has finished
 * (after an uncaught exception has been printed, before the streams are
 * flushed), as CPython's Py_FinalizeEx does. An exception in a callback is
 * reported and the remaining callbacks still run.
 *
 * Threads: the list is created at start-up (wf_atexit_register_module) and
 * never replaced, so every access is one list operation, atomic on its own:
 * register appends, unregister and _clear replace the contents with one
 * slice assignment, the exit run pops the last entry. No lock is held while
 * callbacks or __eq__ run.
 */

static Value atexit_callbacks;   /* list, created at start-up, never replaced */

/* atexit_callbacks[:] = items, one list operation. */
static int atexit_set_contents(Value items)
{
    Value all = wf_slice_new(wf_None, wf_None, wf_None);
    if (!all)
        return -1;
    int r = wf_setitem(atexit_callbacks, all, items);
    wf_decref(all);
    return r;
}

static Value atexit_register(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (nargs == 0)
        return wf_err_set_str(wf_exc_TypeError, "register() takes at least 1 argument (0 given)");
    if (!wf_callable(args[0]))
        return wf_err_set_str(wf_exc_TypeError, "the first argument must be callable");
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    Value kwargs = wf_None;
    if (nkw) {
        kwargs = wf_dict_new();
        for (size_t i = 0; kwargs && i < nkw; i++)
            if (wf_dict_set(kwargs, wf_tuple_get(kwnames, i), args[nargs + i]) < 0)
                return 0;  /* LEAK: the partial kwargs dict */
        if (!kwargs)
            return 0;
    } else {
        wf_incref(kwargs);
    }
    Value pos = wf_tuple_from_array(args + 1, nargs - 1);
    Value entry = pos ? wf_tuple_pack(3, args[0], pos, kwargs) : 0;
    wf_xdecref(pos);
    wf_decref(kwargs);
    if (!entry)
        return 0;
    int r = wf_list_append(atexit_callbacks, entry);
    wf_decref(entry);
    return r < 0 ? 0 : wf_incref(args[0]);
}

static Value atexit_unregister(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("unregister", kwnames) < 0 || wf_check_nargs("unregister", nargs, 1, 1) < 0)
        return 0;
    /* Compare on a snapshot (__eq__ may run anything), then swap the contents. */
    Value snap = wf_list_from_iterable(atexit_callbacks);
    Value keep = snap ? wf_list_new(0) : 0;
    for (size_t i = 0; keep && i < wf_list_size(snap); i++) {
        Value entry = wf_list_get(snap, i);
        int eq = wf_richcompare_bool(wf_tuple_get(entry, 0), args[0], WF_EQ);
        if (eq < 0 || (!eq && wf_list_append(keep, entry) < 0)) {
            wf_decref(keep);
            keep = 0;
        }
    }
    wf_xdecref(snap);
    if (!keep)
        return 0;
    int r = atexit_set_contents(keep);
    wf_decref(keep);
    return r < 0 ? 0 : wf_incref(wf_None);
}

static Value atexit_ncallbacks(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return wf_int_from_i64(wf_len(atexit_callbacks));
}

static Value atexit_clear(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value empty = wf_list_new(0);
    int r = empty ? atexit_set_contents(empty) : -1;
    wf_xdecref(empty);
    return r < 0 ? 0 : wf_incref(wf_None);
}

/* func(*args, **kwargs) in the vectorcall convention (kwargs: dict or None). */
static Value atexit_call(Value func, Value args, Value kwargs)
{
    size_t np = wf_tuple_size(args);
    intptr_t nk = kwargs == wf_None ? 0 : wf_dict_size(kwargs);
    if (nk <= 0)
        return wf_call(func, wf_as_tuple(args)->items, np, 0);
    Value *argv = wf_mem_alloc((np + (size_t)nk) * sizeof(Value));
    memcpy(argv, wf_as_tuple(args)->items, np * sizeof(Value));
    Value kwnames = wf_tuple_new((size_t)nk);
    size_t pos = 0, i = 0;
    Value k, v;
    while (wf_dict_next(kwargs, &pos, &k, &v) && i < (size_t)nk) {
        wf_as_tuple(kwnames)->items[i] = wf_incref(k);
        argv[np + i++] = v;
    }
    Value r = wf_call(func, argv, np, kwnames);
    wf_decref(kwnames);
    wf_mem_free(argv);
    return r;
}

void wf_atexit_run(void)
{
    Value pending = wf_err_fetch();
    /* Callbacks may register more callbacks; take them from the end until none is left. */
    while (atexit_callbacks && wf_len(atexit_callbacks) > 0) {
        Value entry = wf_call_method(atexit_callbacks, "pop", NULL, 0);  /* one atomic list operation */
        if (!entry) {
            wf_err_clear();  /* another thread emptied it meanwhile */
            break;
        }
        Value func = wf_tuple_get(entry, 0), kwargs = wf_tuple_get(entry, 2);
        Value r = atexit_call(func, wf_tuple_get(entry, 1), kwargs);
        if (r) {
            wf_decref(r);
        } else if (wf_err_matches(wf_exc_SystemExit)) {
            wf_err_clear();  /* CPython ignores SystemExit raised by a callback */
        } else {
            wf_runtime_report_ignored("Exception ignored in atexit callback", func, "<callback>");
        }
        wf_decref(entry);
    }
    wf_err_restore(pending);
}

static Value atexit_run_exitfuncs(Value self, const Value *args, size_t nargs, Value kwnames)
{
    wf_atexit_run();
    return wf_incref(wf_None);
}

static const MethodDef atexit_functions[] = {
    {"register", atexit_register, 0, "Register a function to be executed upon normal program termination."},
    {"unregister", atexit_unregister, 0, NULL},
    {"_ncallbacks", atexit_ncallbacks, 0, NULL},
    {"_clear", atexit_clear, 0, NULL},
    {"_run_exitfuncs", atexit_run_exitfuncs, 0, NULL},
    {NULL},
};

static Value atexit_create(void)
{
    Value m = wf_module_new("atexit");
    if (!m || wf_module_add_functions(m, atexit_functions) < 0)
        return 0;
    return m;
}

void wf_atexit_register_module(void)
{
    atexit_callbacks = wf_list_new(0);
    wf_register_builtin_module("atexit", atexit_create);
}
