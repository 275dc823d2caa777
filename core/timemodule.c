/* weft: the time module. */
/* OS clocks -> float seconds and int nanoseconds. */
#include <math.h>
#include <time.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "int.h"
#include "runtime.h"
#include "sync/eval_breaker.h"

static int64_t tm_clock_ns(clockid_t id)
{
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0)
        WF_DIE("clock_gettime", errno);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Seconds as a float: split so that large epoch values keep their precision
 * the way CPython's _PyTime_AsSecondsDouble does (ns / 1e9). */
static Value tm_seconds(clockid_t id) { return wf_float_new((double)tm_clock_ns(id) / 1e9); }

#define TM_CLOCK(name, id) \
    static Value tm_##name(Value self, const Value *args, size_t nargs, Value kw) \
    { \
        if (wf_check_nargs("time." #name, nargs, 0, 0) < 0) \
            return 0; \
        return tm_seconds(id); \
    } \
    static Value tm_##name##_ns(Value self, const Value *args, size_t nargs, Value kw) \
    { \
        if (wf_check_nargs("time." #name "_ns", nargs, 0, 0) < 0) \
            return 0; \
        return wf_int_from_i64(tm_clock_ns(id)); \
    }
TM_CLOCK(time, CLOCK_REALTIME)
TM_CLOCK(perf_counter, CLOCK_MONOTONIC)
TM_CLOCK(monotonic, CLOCK_MONOTONIC)
TM_CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)
TM_CLOCK(thread_time, CLOCK_THREAD_CPUTIME_ID)

static Value tm_sleep(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("time.sleep", nargs, 1, 1) < 0)
        return 0;
    double secs;
    int rc = wf_float_convert(args[0], &secs);
    if (rc < 0)
        return 0;
    if (rc == 0)
        return wf_err_format(wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             wf_type_name(args[0]));
    if (isnan(secs))
        return wf_err_set_str(wf_exc_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0)
        return wf_err_set_str(wf_exc_ValueError, "sleep length must be non-negative");
    if (secs > 9.2e9)
        return wf_err_set_str(wf_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    struct timespec req;
    req.tv_sec = (time_t)secs;
    req.tv_nsec = (long)((secs - (double)req.tv_sec) * 1e9);
    /* A blocking call: the thread goes offline (RCU, GIL, critical sections)
     * for the wait (core/thread.h). The SIGINT handler is installed without
     * SA_RESTART, so Ctrl-C ends the sleep with EINTR; threads started by
     * _thread block SIGINT, so only the main thread sees it, and the flag it
     * reads was written by its own handler (core/threadmodule.c, rule 2). */
    int rc2;
    for (;;) {
        wf_blocking_begin();
        rc2 = nanosleep(&req, &req);
        int err = errno;
        wf_blocking_end();
        if (rc2 == 0 || err != EINTR)
            break;
        if (wf_sigint_pending) {
            wf_sigint_pending = 0;
            wf_eval_breaker_take(&wf_main_tstate->entry.eval_breaker, WF_EB_SIGNALS_PENDING);
            return wf_err_raise(wf_val(wf_exc_KeyboardInterrupt));
        }
    }
    return wf_None;
}

/* ---- struct_time: a tuple subclass with named fields ----
 * Instances use the tuple layout (9 items, then the dict slot tuple.c keeps
 * for subclasses) followed by tm_zone and tm_gmtoff, which are immortal
 * (an interned str) or tagged (a small int), so tuple's dealloc may ignore them. */

#define TM_NFIELDS 9
static const char *const tm_names[TM_NFIELDS] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
};

static TypeObject struct_time_type;

static Value *tm_extra(Value v) { return &wf_as_tuple(v)->items[TM_NFIELDS + 1]; }

static Value tm_new_struct(const Value *fields, Value zone, Value gmtoff)
{
    TupleObject *t = (TupleObject *)wf_object_alloc(&struct_time_type,
        sizeof(TupleObject) + (TM_NFIELDS + 3) * sizeof(Value));
    t->size = TM_NFIELDS;
    t->hash_cache = -1;
    for (int i = 0; i < TM_NFIELDS; i++)
        t->items[i] = wf_incref(fields[i]);
    tm_extra(wf_val(t))[0] = zone ? zone : wf_None;
    tm_extra(wf_val(t))[1] = gmtoff ? gmtoff : wf_None;
    return wf_val(t);
}

static Value tm_struct(const struct tm *t)
{
    int wday = (t->tm_wday + 6) % 7;  /* Python: Monday == 0 */
    Value fields[TM_NFIELDS] = {
        wf_small(t->tm_year + 1900), wf_small(t->tm_mon + 1), wf_small(t->tm_mday),
        wf_small(t->tm_hour), wf_small(t->tm_min), wf_small(t->tm_sec),
        wf_small(wday), wf_small(t->tm_yday + 1), wf_small(t->tm_isdst),
    };
    Value zone = t->tm_zone ? wf_str_intern_c(t->tm_zone) : wf_None;
    return tm_new_struct(fields, zone, wf_small(t->tm_gmtoff));
}

static Value tm_struct_repr(Value v)
{
    return wf_structseq_repr(v, "time.struct_time", tm_names, TM_NFIELDS);
}

#define TM_GETTER(i, name) \
    static Value tm_get_##name(Value v) { return wf_incref(wf_tuple_get(v, i)); }
TM_GETTER(0, tm_year)
TM_GETTER(1, tm_mon)
TM_GETTER(2, tm_mday)
TM_GETTER(3, tm_hour)
TM_GETTER(4, tm_min)
TM_GETTER(5, tm_sec)
TM_GETTER(6, tm_wday)
TM_GETTER(7, tm_yday)
TM_GETTER(8, tm_isdst)
static Value tm_get_tm_zone(Value v) { return wf_incref(tm_extra(v)[0]); }
static Value tm_get_tm_gmtoff(Value v) { return wf_incref(tm_extra(v)[1]); }

static const GetSetDef struct_time_getset[] = {
    {"tm_year", tm_get_tm_year, NULL}, {"tm_mon", tm_get_tm_mon, NULL},
    {"tm_mday", tm_get_tm_mday, NULL}, {"tm_hour", tm_get_tm_hour, NULL},
    {"tm_min", tm_get_tm_min, NULL}, {"tm_sec", tm_get_tm_sec, NULL},
    {"tm_wday", tm_get_tm_wday, NULL}, {"tm_yday", tm_get_tm_yday, NULL},
    {"tm_isdst", tm_get_tm_isdst, NULL}, {"tm_zone", tm_get_tm_zone, NULL},
    {"tm_gmtoff", tm_get_tm_gmtoff, NULL},
    {NULL, NULL, NULL},
};

/* struct_time(sequence): 9 to 11 items. */
static Value tm_struct_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("struct_time", kwnames) < 0 || wf_check_nargs("struct_time", nargs, 1, 1) < 0)
        return 0;
    Value t = wf_tuple_from_iterable(args[0]);
    if (!t)
        return 0;
    size_t n = wf_tuple_size(t);
    if (n < TM_NFIELDS || n > TM_NFIELDS + 2) {
        wf_decref(t);
        if (n < TM_NFIELDS)
            return wf_err_format(wf_exc_TypeError, "time.struct_time() takes an at least 9-sequence (%zu-sequence given)", n);
        return wf_err_format(wf_exc_TypeError, "time.struct_time() takes an at most 11-sequence (%zu-sequence given)", n);
    }
    /* Extra fields are kept only when immortal or tagged (tuple.c never
     * releases them); anything else reads back as None. */
    Value zone = n > 9 && (wf_is_small(wf_tuple_get(t, 9)) || wf_is_immortal(wf_obj(wf_tuple_get(t, 9)))) ? wf_tuple_get(t, 9) : 0;
    Value off = n > 10 && wf_is_small(wf_tuple_get(t, 10)) ? wf_tuple_get(t, 10) : 0;
    Value r = tm_new_struct(wf_as_tuple(t)->items, zone, off);
    wf_decref(t);
    return r;
}

static TypeObject struct_time_type = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "time.struct_time",
    .tp_base = &wf_type_tuple,
    .tp_flags = WF_TPF_TUPLE_SUBCLASS,
    .tp_repr = tm_struct_repr,
    .tp_str = tm_struct_repr,
    .tp_new = tm_struct_new,
    .tp_getset = struct_time_getset,
};

/* PyArg_ParseTuple-style count errors: "localtime() takes at most 1 argument (4 given)". */
static int tm_nargs(const char *fname, size_t nargs, size_t lo, size_t hi)
{
    if (nargs >= lo && nargs <= hi)
        return 0;
    size_t n = nargs < lo ? lo : hi;
    wf_err_format(wf_exc_TypeError, "%s() takes at %s %zu argument%s (%zu given)", fname,
                  nargs < lo ? "least" : "most", n, n == 1 ? "" : "s", nargs);
    return -1;
}

static int tm_arg_time(const Value *args, size_t nargs, time_t *out)
{
    if (nargs == 0 || args[0] == wf_None) {
        *out = time(NULL);
        return 0;
    }
    double d;
    int rc = wf_float_convert(args[0], &d);
    if (rc <= 0) {
        if (rc == 0)
            wf_err_format(wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          wf_type_name(args[0]));
        return -1;
    }
    *out = (time_t)floor(d);
    return 0;
}

/* name([secs]): the seconds (default now) broken down by convert
 * (localtime_r or gmtime_r) into *out. */
static int tm_broken_down(const char *name, const Value *args, size_t nargs,
                          struct tm *(*convert)(const time_t *, struct tm *), struct tm *out)
{
    time_t t;
    if (tm_nargs(name, nargs, 0, 1) < 0 || tm_arg_time(args, nargs, &t) < 0)
        return -1;
    if (!convert(&t, out)) {
        wf_err_set_str(wf_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    return 0;
}

static Value tm_localtime(Value self, const Value *args, size_t nargs, Value kw)
{
    struct tm tmv;
    if (tm_broken_down("localtime", args, nargs, localtime_r, &tmv) < 0)
        return 0;
    return tm_struct(&tmv);
}

static Value tm_gmtime(Value self, const Value *args, size_t nargs, Value kw)
{
    struct tm tmv;
    if (tm_broken_down("gmtime", args, nargs, gmtime_r, &tmv) < 0)
        return 0;
    return tm_struct(&tmv);
}

/* A 9-sequence (struct_time or tuple) -> struct tm. */
static int tm_from_tuple(Value v, struct tm *t)
{
    Value tup = wf_tuple_from_iterable(v);
    if (!tup)
        return -1;
    if (wf_tuple_size(tup) != 9) {
        wf_decref(tup);
        wf_err_set_str(wf_exc_TypeError, "time tuple must have exactly 9 elements");
        return -1;
    }
    int64_t f[9];
    for (int i = 0; i < 9; i++) {
        Value item = wf_tuple_get(tup, (size_t)i);
        if (!wf_is_int(item)) {
            wf_decref(tup);
            wf_err_format(wf_exc_TypeError, "'%s' object cannot be interpreted as an integer", wf_type_name(item));
            return -1;
        }
        if (wf_int_as_i64(item, &f[i]) < 0) {
            wf_decref(tup);
            return -1;
        }
    }
    wf_decref(tup);
    memset(t, 0, sizeof *t);
    t->tm_year = (int)f[0] - 1900;
    t->tm_mon = (int)f[1] - 1;
    t->tm_mday = (int)f[2];
    t->tm_hour = (int)f[3];
    t->tm_min = (int)f[4];
    t->tm_sec = (int)f[5];
    t->tm_wday = (int)((f[6] + 1) % 7);
    t->tm_yday = (int)f[7] - 1;
    t->tm_isdst = (int)f[8];
    return 0;
}

/* The time tuple v, or the local time now when v is 0. */
static int tm_from_tuple_or_now(Value v, struct tm *t)
{
    if (v)
        return tm_from_tuple(v, t);
    time_t now = time(NULL);
    localtime_r(&now, t);
    return 0;
}

static Value tm_strftime(Value self, const Value *args, size_t nargs, Value kw)
{
    if (tm_nargs("strftime", nargs, 1, 2) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
    struct tm t;
    if (tm_from_tuple_or_now(nargs == 2 ? args[1] : 0, &t) < 0)
        return 0;
    const char *fmt = wf_str_cstr(args[0]);
    if (!*fmt)
        return wf_str_new("", 0);
    for (size_t cap = 256; cap < (1u << 20); cap *= 2) {
        char *buf = wf_mem_alloc(cap);
        size_t n = strftime(buf, cap, fmt, &t);
        if (n > 0 || cap > 256 * strlen(fmt)) {
            Value r = wf_str_new(buf, n);
            wf_mem_free(buf);
            return r;
        }
        wf_mem_free(buf);
    }
    return wf_str_new("", 0);
}

static Value tm_mktime(Value self, const Value *args, size_t nargs, Value kw)
{
    struct tm t;
    if (wf_check_nargs("mktime", nargs, 1, 1) < 0 || tm_from_tuple(args[0], &t) < 0)
        return 0;
    t.tm_wday = -1;
    time_t r = mktime(&t);
    if (r == (time_t)-1 && t.tm_wday == -1)
        return wf_err_set_str(wf_exc_OverflowError, "mktime argument out of range");
    return wf_float_new((double)r);
}

/* clock_gettime(clk_id) and friends over the raw POSIX clocks: read clock
 * clk_id with fn (clock_gettime or clock_getres) into *ts. */
static int tm_clock_read(const Value *args, size_t nargs, const char *fname,
                         int (*fn)(clockid_t, struct timespec *), struct timespec *ts)
{
    int64_t c;
    if (wf_check_nargs(fname, nargs, 1, 1) < 0)
        return -1;
    if (!wf_is_int(args[0])) {
        wf_err_format(wf_exc_TypeError, "'%s' object cannot be interpreted as an integer", wf_type_name(args[0]));
        return -1;
    }
    if (wf_int_as_i64(args[0], &c) < 0)
        return -1;
    if (fn((clockid_t)c, ts) != 0) {
        wf_err_format(wf_exc_OSError, "[Errno %d] %s", errno, strerror(errno));
        return -1;
    }
    return 0;
}

static Value tm_clock_gettime(Value self, const Value *args, size_t nargs, Value kw)
{
    struct timespec ts;
    if (tm_clock_read(args, nargs, "time.clock_gettime", clock_gettime, &ts) < 0)
        return 0;
    return wf_float_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value tm_clock_gettime_ns(Value self, const Value *args, size_t nargs, Value kw)
{
    struct timespec ts;
    if (tm_clock_read(args, nargs, "time.clock_gettime_ns", clock_gettime, &ts) < 0)
        return 0;
    return wf_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

static Value tm_clock_getres(Value self, const Value *args, size_t nargs, Value kw)
{
    struct timespec ts;
    if (tm_clock_read(args, nargs, "time.clock_getres", clock_getres, &ts) < 0)
        return 0;
    return wf_float_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

/* CPython's _asctime: "Thu Jan  1 00:00:00 1970". */
static Value tm_format_asctime(const struct tm *t)
{
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", wday[((t->tm_wday % 7) + 7) % 7],
                     mon[((t->tm_mon % 12) + 12) % 12], t->tm_mday, t->tm_hour, t->tm_min, t->tm_sec,
                     1900 + t->tm_year);
    return wf_str_new(buf, (size_t)n);
}

static Value tm_asctime(Value self, const Value *args, size_t nargs, Value kw)
{
    struct tm t;
    if (tm_nargs("asctime", nargs, 0, 1) < 0)
        return 0;
    if (tm_from_tuple_or_now(nargs == 1 ? args[0] : 0, &t) < 0)
        return 0;
    return tm_format_asctime(&t);
}

static Value tm_ctime(Value self, const Value *args, size_t nargs, Value kw)
{
    struct tm t;
    if (tm_broken_down("ctime", args, nargs, localtime_r, &t) < 0)
        return 0;
    return tm_format_asctime(&t);
}

static const MethodDef time_functions[] = {
    {"clock_gettime", tm_clock_gettime, 0, "Return the time of the specified clock clk_id."},
    {"clock_gettime_ns", tm_clock_gettime_ns, 0, "Return the time of the specified clock clk_id as nanoseconds."},
    {"clock_getres", tm_clock_getres, 0, "Return the resolution (precision) of the specified clock clk_id."},
    {"asctime", tm_asctime, 0, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", tm_ctime, 0, "Convert a time in seconds since the Epoch to a string in local time."},
    {"time", tm_time, 0, "Return the current time in seconds since the Epoch."},
    {"time_ns", tm_time_ns, 0, "Return the current time in nanoseconds since the Epoch."},
    {"perf_counter", tm_perf_counter, 0, "Performance counter for benchmarking."},
    {"perf_counter_ns", tm_perf_counter_ns, 0, "Performance counter for benchmarking as nanoseconds."},
    {"monotonic", tm_monotonic, 0, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", tm_monotonic_ns, 0, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"process_time", tm_process_time, 0, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", tm_process_time_ns, 0, "Process time for profiling as nanoseconds."},
    {"thread_time", tm_thread_time, 0, "Thread time for profiling."},
    {"thread_time_ns", tm_thread_time_ns, 0, "Thread time for profiling as nanoseconds."},
    {"sleep", tm_sleep, 0, "Delay execution for a given number of seconds."},
    {"localtime", tm_localtime, 0, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"gmtime", tm_gmtime, 0, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"strftime", tm_strftime, 0, "Convert a time tuple to a string according to a format specification."},
    {"mktime", tm_mktime, 0, "Convert a time tuple in local time to seconds since the Epoch."},
    {NULL, NULL, 0, NULL},
};

Value wf_time_module_create(void)
{
    if (!(struct_time_type.tp_flags & WF_TPF_READY) && wf_type_ready(&struct_time_type) < 0)
        return 0;
    Value m = wf_module_new("time");
    if (!m || wf_module_add_functions(m, time_functions) < 0)
        return 0;
    wf_dict_set_c(struct_time_type.tp_dict, "__module__", wf_str_intern_c("time"));
    wf_module_add_object(m, "struct_time", wf_incref(wf_val(&struct_time_type)));
    tzset();
    wf_module_add_object(m, "timezone", wf_int_from_i64(timezone));
    wf_module_add_object(m, "daylight", wf_small(daylight));
    static const struct { const char *name; clockid_t id; } clocks[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME}, {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW}, {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID}, {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
    };
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++)
        wf_module_add_object(m, clocks[i].name, wf_small(clocks[i].id));
    wf_module_add_object(m, "altzone", wf_int_from_i64(daylight ? timezone - 3600 : timezone));
    Value names[2] = {wf_str_from_cstr(tzname[0]), wf_str_from_cstr(tzname[1])};
    wf_module_add_object(m, "tzname", wf_tuple_from_array(names, 2));
    wf_decref(names[0]);
    wf_decref(names[1]);
    return m;
}
