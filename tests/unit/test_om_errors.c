/* weft: unit tests for exceptions raised and caught from C. */
/* wf_err_* -> the thread state's current exception -> fetch/restore, matching, messages. */
#include "om_check.h"

/* Take the current exception (must be of `type`) and return str() of it. */
static Value take_message(TypeObject *type)
{
    ASSERT(wf_err_occurred());
    ASSERT(wf_err_matches(type));
    Value exc = wf_err_fetch();
    ASSERT(exc);
    ASSERT(!wf_err_occurred());
    ASSERT(wf_type(exc) == type);
    Value s = wf_str(exc);
    ASSERT(s);
    wf_decref(exc);
    return s;
}

static void test_err_format_directives(void)
{
    Value l = wf_list_from_array((Value[]){ wf_small(1), wf_str_intern_c("two") }, 2);
    Value s = wf_str_from_cstr("caf\xc3\xa9");
    Value r = wf_err_format(wf_exc_ValueError, "R=%R S=%S T=%T d=%d", l, s, l, -42);
    ASSERT(r == 0);  /* returns 0 so that `return wf_err_format(...)` works */
    Value m = take_message(wf_exc_ValueError);
    ASSERT_STR(m, "R=[1, 'two'] S=caf\xc3\xa9 T=list d=-42");
    wf_decref(m);

    wf_err_format(wf_exc_TypeError, "%R|%S|%T", s, wf_small(7), wf_None);
    m = take_message(wf_exc_TypeError);
    ASSERT_STR(m, "'caf\xc3\xa9'|7|NoneType");
    wf_decref(m);

    wf_err_format(wf_exc_KeyError, "%s %i %u %ld %lld %zd %zu %c %% %U", "cs", 3, 4u, -5L,
                  (long long)INT64_MIN, (intptr_t)-6, (size_t)7, 'q', s);
    ASSERT(wf_err_matches(wf_exc_KeyError));
    Value exc = wf_err_fetch();
    Value args = wf_exc_args(exc);
    ASSERT_EQ(wf_tuple_size(args), 1);
    ASSERT_STR(wf_tuple_get(args, 0), "cs 3 4 -5 -9223372036854775808 -6 7 q % caf\xc3\xa9");
    wf_decref(exc);

    /* %d at the int limits, %T of a user class instance and of a heap int. */
    Value g = om_exec("class Thing:\n    def __repr__(self):\n        return '<thing>'\nt = Thing()\n");
    Value big = wf_int_from_i64(INT64_MAX);
    wf_err_format(wf_exc_RuntimeError, "%d %d %T %R %T %R", INT32_MAX, INT32_MIN, wf_dict_get_c(g, "t"),
                  wf_dict_get_c(g, "t"), big, big);
    m = take_message(wf_exc_RuntimeError);
    ASSERT_STR(m, "2147483647 -2147483648 Thing <thing> int 9223372036854775807");
    wf_decref(m);
    wf_decref(big);

    /* A repr that raises inside %R: the format fails with that exception set. */
    Value g2 = om_exec("class Bad:\n    def __repr__(self):\n        raise IndexError('bad repr')\nb = Bad()\n");
    ASSERT(wf_err_format(wf_exc_ValueError, "x=%R", wf_dict_get_c(g2, "b")) == 0);
    ASSERT(wf_err_occurred());
    ASSERT(wf_err_matches(wf_exc_IndexError));
    ASSERT(!wf_err_matches(wf_exc_ValueError));
    wf_err_clear();
    wf_decref(g2);
    wf_decref(g);
    wf_decref(s);
    wf_decref(l);
}

static void test_fetch_restore_round_trip(void)
{
    ASSERT(!wf_err_occurred());
    ASSERT(wf_err_fetch() == 0);   /* nothing set: 0, still nothing set */
    ASSERT(wf_err_peek() == 0);
    ASSERT(!wf_err_occurred());

    wf_err_set_str(wf_exc_ZeroDivisionError, "division by zero");
    Value peek = wf_err_peek();
    ASSERT(peek && wf_type(peek) == wf_exc_ZeroDivisionError);
    Value exc = wf_err_fetch();
    ASSERT(exc == peek);
    ASSERT(!wf_err_occurred());
    ASSERT(wf_err_peek() == 0);
    uint32_t rc = om_refcnt(exc);
    /* Something else can fail and be cleared in between. */
    wf_err_set_str(wf_exc_KeyError, "inner");
    wf_err_clear();
    wf_incref(exc);                    /* keep our own reference across the steal */
    wf_err_restore(exc);
    ASSERT(wf_err_occurred());
    ASSERT(wf_err_peek() == exc);
    ASSERT(wf_err_matches(wf_exc_ZeroDivisionError));
    ASSERT(wf_err_matches(wf_exc_ArithmeticError));
    ASSERT(wf_err_matches(wf_exc_Exception));
    ASSERT(wf_err_matches(wf_exc_BaseException));
    ASSERT(!wf_err_matches(wf_exc_LookupError));
    Value again = wf_err_fetch();
    ASSERT(again == exc);
    ASSERT_EQ(om_refcnt(exc), rc + 1);
    wf_decref(again);
    ASSERT_EQ(om_refcnt(exc), rc);
    Value m = wf_str(exc);
    ASSERT_STR(m, "division by zero");
    wf_decref(m);
    wf_decref(exc);

    /* Restore replaces a pending exception (the old one is dropped). */
    wf_err_set_str(wf_exc_TypeError, "old");
    Value repl = wf_exc_new(wf_exc_OSError, NULL, 0);
    wf_err_restore(repl);
    ASSERT(wf_err_matches(wf_exc_OSError));
    ASSERT(!wf_err_matches(wf_exc_TypeError));
    wf_err_clear();
    ASSERT(!wf_err_occurred());
    wf_err_restore(0);                 /* restoring "nothing" leaves nothing set */
    ASSERT(!wf_err_occurred());
}

static void test_raise_and_match(void)
{
    /* wf_err_raise: a class is instantiated, an instance is raised as is. */
    ASSERT(wf_err_raise(wf_val(wf_exc_StopIteration)) == 0);
    Value e = wf_err_fetch();
    ASSERT(wf_type(e) == wf_exc_StopIteration);
    ASSERT_EQ(wf_tuple_size(wf_exc_args(e)), 0);
    wf_incref(e);
    wf_err_raise(e);
    ASSERT(wf_err_peek() == e);
    wf_err_clear();
    wf_decref(e);
    wf_decref(e);
    /* Raising a non-exception is a TypeError. */
    ASSERT(wf_err_raise(wf_small(3)) == 0);
    ASSERT_RAISED(wf_exc_TypeError);
    /* wf_err_set_value: type(arg), so a tuple stays one argument. */
    Value t = wf_tuple_pack(2, wf_small(1), wf_small(2));
    wf_err_set_value(wf_exc_KeyError, t);
    e = wf_err_fetch();
    ASSERT_EQ(wf_tuple_size(wf_exc_args(e)), 1);
    ASSERT(wf_tuple_get(wf_exc_args(e), 0) == t);
    /* wf_exc_matches with a class and a tuple of classes. */
    ASSERT_EQ(wf_exc_matches(e, wf_val(wf_exc_LookupError)), 1);
    ASSERT_EQ(wf_exc_matches(e, wf_val(wf_exc_IndexError)), 0);
    Value tup = wf_tuple_pack(2, wf_val(wf_exc_TypeError), wf_val(wf_exc_KeyError));
    ASSERT_EQ(wf_exc_matches(e, tup), 1);
    wf_decref(tup);
    wf_decref(e);
    wf_decref(t);
    /* StopIteration(value). */
    wf_err_stop_iteration(wf_small(99));
    ASSERT(wf_err_matches(wf_exc_StopIteration));
    e = wf_err_fetch();
    Value v = wf_getattr_c(e, "value");
    ASSERT(v == wf_small(99));
    wf_decref(e);
    /* wf_exc_new: args kept in order. */
    Value s = wf_str_intern_c("msg");
    e = wf_exc_new(wf_exc_OSError, (Value[]){ wf_small(2), s }, 2);
    ASSERT(e && wf_isinstance_type(e, wf_exc_OSError));
    ASSERT(!wf_err_occurred());
    ASSERT_EQ(wf_tuple_size(wf_exc_args(e)), 2);
    ASSERT(wf_tuple_get(wf_exc_args(e), 1) == s);
    wf_decref(e);
}

/* Exceptions raised by Python code arrive in C as a 0 return plus the exception. */
static void test_python_exceptions_reach_c(void)
{
    Value g = om_exec(
        "class MyError(ValueError):\n    pass\n"
        "def fail(x):\n    raise MyError('bad', x)\n"
        "def catch():\n"
        "    try:\n        fail(1)\n    except ValueError as e:\n        return e.args\n");
    Value my = wf_dict_get_c(g, "MyError");
    Value r = wf_call1(wf_dict_get_c(g, "fail"), wf_small(5));
    ASSERT(r == 0);
    ASSERT(wf_err_matches(wf_as_type(my)));
    ASSERT(wf_err_matches(wf_exc_ValueError));
    Value e = wf_err_fetch();
    ASSERT(wf_type(e) == wf_as_type(my));
    ASSERT(((ExceptionObject *)wf_obj(e))->traceback != 0);
    ASSERT_EQ(wf_tuple_size(wf_exc_args(e)), 2);
    ASSERT(wf_tuple_get(wf_exc_args(e), 1) == wf_small(5));
    wf_decref(e);
    /* Caught inside Python: nothing escapes. */
    r = wf_call0(wf_dict_get_c(g, "catch"));
    ASSERT(r && !wf_err_occurred());
    ASSERT_EQ(wf_tuple_size(r), 2);
    wf_decref(r);
    /* An error in module-level code run from C. */
    const char *src = "1 / 0\n";
    r = wf_run_source(src, strlen(src), "<om>", g, WF_MODE_EXEC);
    ASSERT(r == 0);
    Value m = take_message(wf_exc_ZeroDivisionError);
    ASSERT_STR(m, "division by zero");
    wf_decref(m);
    /* A SyntaxError from the compiler. */
    src = "def (:\n";
    r = wf_run_source(src, strlen(src), "<om>", g, WF_MODE_EXEC);
    ASSERT(r == 0);
    ASSERT_RAISED(wf_exc_SyntaxError);
    wf_decref(g);
}

/* A long __cause__ / __context__ chain is freed completely, without deep C recursion. */
static void test_long_exception_chains(void)
{
    Value g = om_exec(
        "created = 0\ndeleted = 0\n"
        "class T:\n"
        "    def __init__(self):\n        global created\n        created += 1\n"
        "    def __del__(self):\n        global deleted\n        deleted += 1\n"
        "def chain(n, use_cause):\n"
        "    e = None\n"
        "    for i in range(n):\n"
        "        try:\n"
        "            if use_cause:\n"
        "                raise ValueError(T()) from e\n"
        "            try:\n"
        "                raise e if e is not None else KeyError(T())\n"
        "            except BaseException:\n"
        "                raise ValueError(T())\n"
        "        except ValueError as x:\n"
        "            e = x\n"
        "    return e\n");
    Value chain = wf_dict_get_c(g, "chain");
    for (int use_cause = 0; use_cause < 2; use_cause++) {
        /* Setting __context__ walks the chain (cycle check, as CPython): keep that one shorter. */
        int n = use_cause ? 100000 : 20000;
        Value e = wf_call2(chain, wf_small(n), wf_bool(use_cause));
        ASSERT(e && wf_isinstance_type(e, wf_exc_ValueError));
        ExceptionObject *eo = (ExceptionObject *)wf_obj(e);
        ASSERT(use_cause ? eo->cause != 0 : eo->context != 0);
        /* Restore and fetch it once: the chain survives the thread-state round trip. */
        wf_err_restore(e);
        e = wf_err_fetch();
        ASSERT(e == wf_val(eo));
        wf_decref(e);   /* the whole chain goes now */
        int64_t c = -1, d = -2;
        ASSERT(wf_int_as_i64(wf_dict_get_c(g, "created"), &c) == 0);
        ASSERT(wf_int_as_i64(wf_dict_get_c(g, "deleted"), &d) == 0);
        ASSERT(c >= n);
        ASSERT_EQ(d, c);
        ASSERT(wf_dict_set_c(g, "created", wf_small(0)) == 0);
        ASSERT(wf_dict_set_c(g, "deleted", wf_small(0)) == 0);
    }
    wf_decref(g);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    OM_RUN(test_err_format_directives);
    OM_RUN(test_fetch_restore_round_trip);
    OM_RUN(test_raise_and_match);
    OM_RUN(test_python_exceptions_reach_c);
    OM_RUN(test_long_exception_chains);
    return om_end("test_om_errors");
}
