/* weft: unit tests for reference counting and deallocation. */
/* incref/decref, immortals, containers' references -> tp_dealloc / __del__ at zero, exactly once. */
#include "om_check.h"

/* A C type whose deallocation we can count: the dealloc hook the API lacks. */
typedef struct CountedObject {
    Object ob;
    int id;
} CountedObject;

static int counted_deallocs;
static int counted_last_id;

static void counted_dealloc(Object *o)
{
    counted_deallocs++;
    counted_last_id = ((CountedObject *)o)->id;
    wf_object_free(o);
}

static TypeObject om_type_counted = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "om_counted",
    .tp_basicsize = sizeof(CountedObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = counted_dealloc,
};

static Value counted_new(int id)
{
    CountedObject *c = (CountedObject *)wf_object_alloc(&om_type_counted, sizeof(CountedObject));
    c->id = id;
    return wf_val(c);
}

static void test_new_object_has_one_ref(void)
{
    Value objs[] = { wf_list_new(0), wf_dict_new(), wf_float_new(2.5), wf_str_new("not interned", 12),
                     wf_tuple_pack(1, wf_small(1)), wf_set_new(0), counted_new(0),
                     wf_int_from_i64(INT64_MAX) };
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++) {
        ASSERT(objs[i]);
        ASSERT(wf_is_obj(objs[i]));
        ASSERT(!wf_is_immortal(wf_obj(objs[i])));
        ASSERT_EQ(om_refcnt(objs[i]), 1);
    }
    counted_deallocs = 0;
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++)
        wf_decref(objs[i]);
    ASSERT_EQ(counted_deallocs, 1);
}

static void test_incref_decref_balance(void)
{
    counted_deallocs = 0;
    Value c = counted_new(7);
    ASSERT(wf_incref(c) == c);  /* returns its argument */
    ASSERT_EQ(om_refcnt(c), 2);
    for (int i = 0; i < 1000; i++)
        wf_incref(c);
    ASSERT_EQ(om_refcnt(c), 1002);
    for (int i = 0; i < 1000; i++)
        wf_decref(c);
    ASSERT_EQ(om_refcnt(c), 2);
    wf_decref(c);
    ASSERT_EQ(om_refcnt(c), 1);
    ASSERT_EQ(counted_deallocs, 0);
    wf_decref(c);  /* to zero: deallocated now, once */
    ASSERT_EQ(counted_deallocs, 1);
    ASSERT_EQ(counted_last_id, 7);
    /* Small ints and 0 are no objects: incref/decref/xdecref ignore them. */
    ASSERT(wf_incref(wf_small(5)) == wf_small(5));
    wf_decref(wf_small(5));
    wf_xdecref(0);
    ASSERT(wf_incref(0) == 0);
}

static void test_immortals_ignore_counting(void)
{
    Value imm[] = { wf_None, wf_True, wf_False, wf_NotImplemented, wf_Ellipsis, wf_empty_tuple,
                    wf_str_intern_c("om_immortal_name"), wf_val(&wf_type_int), wf_val(&wf_type_list),
                    wf_val(wf_exc_ValueError), wf_builtins_module, wf_bool_from_int(1) };
    for (size_t i = 0; i < sizeof imm / sizeof *imm; i++) {
        Value v = imm[i];
        ASSERT(wf_is_obj(v));
        ASSERT(wf_is_immortal(wf_obj(v)));
        ASSERT(om_refcnt(v) == WF_IMMORTAL_REFCNT);
        for (int k = 0; k < 100; k++)
            wf_incref(v);
        ASSERT(om_refcnt(v) == WF_IMMORTAL_REFCNT);
        for (int k = 0; k < 300; k++)  /* more decrefs than increfs: still alive */
            wf_decref(v);
        ASSERT(om_refcnt(v) == WF_IMMORTAL_REFCNT);
        ASSERT(wf_is_immortal(wf_obj(v)));
    }
    /* Still usable after all that. */
    ASSERT(wf_truthy(wf_None) == 0);
    ASSERT(wf_truthy(wf_True) == 1);
    ASSERT_EQ(wf_tuple_size(wf_empty_tuple), 0);
    /* The empty tuple is a singleton: an empty pack returns it. */
    Value e = wf_tuple_pack(0);
    ASSERT(e == wf_empty_tuple);
    wf_decref(e);
    e = wf_tuple_from_array(NULL, 0);
    ASSERT(e == wf_empty_tuple);
    wf_decref(e);
    /* wf_str_intern makes a fresh string immortal. */
    Value s = wf_str_new("om_fresh_interned", 17);
    ASSERT_EQ(om_refcnt(s), 1);
    Value si = wf_str_intern(s);
    ASSERT(wf_is_immortal(wf_obj(si)));
    ASSERT(wf_obj(si)->ob_flags & WF_OBF_INTERNED);
    ASSERT(si == wf_str_intern_c("om_fresh_interned"));
    /* wf_make_immortal */
    Value l = wf_list_new(0);
    wf_make_immortal(l);
    wf_decref(l);
    wf_decref(l);
    ASSERT_EQ(wf_list_size(l), 0);  /* LEAK: an immortal list, on purpose */
}

static void test_containers_own_their_items(void)
{
    counted_deallocs = 0;
    Value c = counted_new(1);
    Value l = wf_list_new(0);
    ASSERT(wf_list_append(l, c) == 0);
    ASSERT(wf_list_append(l, c) == 0);
    ASSERT_EQ(om_refcnt(c), 3);
    Value t = wf_tuple_pack(3, c, c, wf_None);
    ASSERT_EQ(om_refcnt(c), 5);
    Value d = wf_dict_new();
    ASSERT(wf_dict_set(d, wf_small(1), c) == 0);
    ASSERT_EQ(om_refcnt(c), 6);
    ASSERT(wf_dict_set(d, wf_small(1), c) == 0);  /* same key again: still one reference */
    ASSERT_EQ(om_refcnt(c), 6);
    ASSERT(wf_dict_get(d, wf_small(1)) == c);  /* borrowed: no new reference */
    ASSERT_EQ(om_refcnt(c), 6);
    ASSERT(wf_list_get(l, 0) == c);
    ASSERT(wf_tuple_get(t, 1) == c);
    ASSERT_EQ(om_refcnt(c), 6);
    /* Key references too. */
    Value key = wf_str_new("om_key", 6);
    ASSERT(wf_dict_set(d, key, wf_None) == 0);
    ASSERT_EQ(om_refcnt(key), 2);
    ASSERT(wf_dict_del(d, key) == 0);
    ASSERT_EQ(om_refcnt(key), 1);
    wf_decref(key);

    wf_decref(c);  /* only the containers hold it now */
    ASSERT_EQ(om_refcnt(c), 5);
    wf_decref(t);
    ASSERT_EQ(om_refcnt(c), 3);
    ASSERT(wf_dict_del(d, wf_small(1)) == 0);
    ASSERT_EQ(om_refcnt(c), 2);
    ASSERT_EQ(counted_deallocs, 0);
    wf_decref(d);
    wf_decref(l);  /* the last two references go with the list */
    ASSERT_EQ(counted_deallocs, 1);
}

static void test_setref_and_overwrite(void)
{
    counted_deallocs = 0;
    Value slot = counted_new(1);
    wf_setref(&slot, counted_new(2));  /* drops #1 */
    ASSERT_EQ(counted_deallocs, 1);
    ASSERT_EQ(counted_last_id, 1);
    /* Overwriting a dict value drops the old one. */
    Value d = wf_dict_new();
    ASSERT(wf_dict_set_c(d, "k", slot) == 0);
    wf_setref(&slot, 0);
    ASSERT_EQ(counted_deallocs, 1);
    Value three = counted_new(3);
    ASSERT(wf_dict_set_c(d, "k", three) == 0);
    ASSERT_EQ(counted_deallocs, 2);
    ASSERT_EQ(counted_last_id, 2);
    wf_decref(three);
    /* Replacing a list item through the protocol drops the old item. */
    Value l = wf_list_new(0);
    Value four = counted_new(4);
    ASSERT(wf_list_append(l, four) == 0);
    wf_decref(four);
    ASSERT(wf_setitem(l, wf_small(0), wf_None) == 0);
    ASSERT_EQ(counted_deallocs, 3);
    ASSERT_EQ(counted_last_id, 4);
    wf_decref(l);
    wf_decref(d);
    ASSERT_EQ(counted_deallocs, 4);
    ASSERT_EQ(counted_last_id, 3);
}

/* Many objects through one size class: no dealloc lost or doubled. */
static void test_many_alloc_free(void)
{
    counted_deallocs = 0;
    enum { N = 5000 };
    Value l = wf_list_new(0);
    for (int i = 0; i < N; i++) {
        Value c = counted_new(i);
        ASSERT(wf_list_append(l, c) == 0);
        wf_decref(c);
    }
    ASSERT_EQ(wf_list_size(l), N);
    ASSERT_EQ(counted_deallocs, 0);
    for (int i = 0; i < N; i++)
        ASSERT_EQ(((CountedObject *)wf_obj(wf_list_get(l, i)))->id, i);
    wf_decref(l);
    ASSERT_EQ(counted_deallocs, N);
}

static const char del_src[] =
    "log = []\n"
    "class D:\n"
    "    def __init__(self, name):\n"
    "        self.name = name\n"
    "    def __del__(self):\n"
    "        log.append(self.name)\n"
    "x = D('a')\n"
    "del x\n"
    "y = D('b')\n"
    "z = y\n"
    "del y\n"
    "after_y = list(log)\n"
    "del z\n";

static void test_del_runs_at_zero(void)
{
    Value g = om_exec(del_src);
    Value log = wf_dict_get_c(g, "log");
    ASSERT(log && wf_is_list(log));
    Value after_y = wf_dict_get_c(g, "after_y");
    ASSERT_EQ(wf_list_size(after_y), 1);       /* y had a second name: not yet */
    ASSERT_EQ(wf_list_size(log), 2);
    ASSERT_STR(wf_list_get(log, 0), "a");
    ASSERT_STR(wf_list_get(log, 1), "b");

    /* The same from C: an instance made by calling the class dies with its last reference. */
    Value cls = wf_dict_get_c(g, "D");
    ASSERT(cls && wf_is_type(cls));
    Value name = wf_str_from_cstr("c");
    Value inst = wf_call1(cls, name);
    wf_decref(name);
    ASSERT(inst);
    ASSERT_EQ(om_refcnt(inst), 1);
    Value l = wf_list_new(0);
    ASSERT(wf_list_append(l, inst) == 0);
    wf_decref(inst);
    ASSERT_EQ(wf_list_size(log), 2);
    wf_decref(l);  /* last reference, inside a container */
    ASSERT_EQ(wf_list_size(log), 3);
    ASSERT_STR(wf_list_get(log, 2), "c");
    wf_decref(g);
}

static const char resurrect_src[] =
    "saved = []\n"
    "calls = 0\n"
    "class R:\n"
    "    def __del__(self):\n"
    "        global calls\n"
    "        calls += 1\n"
    "        saved.append(self)\n"
    "r = R()\n"
    "del r\n"
    "n1 = len(saved)\n"
    "saved.clear()\n";

/* PEP 442: __del__ runs once even if it resurrects the object. */
static void test_del_resurrection_once(void)
{
    Value g = om_exec(resurrect_src);
    int64_t n1 = -1, calls = -1;
    ASSERT(wf_int_as_i64(wf_dict_get_c(g, "n1"), &n1) == 0);
    ASSERT(wf_int_as_i64(wf_dict_get_c(g, "calls"), &calls) == 0);
    ASSERT_EQ(n1, 1);
    ASSERT_EQ(calls, 1);
    wf_decref(g);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    ASSERT(wf_type_ready(&om_type_counted) == 0);
    OM_RUN(test_new_object_has_one_ref);
    OM_RUN(test_incref_decref_balance);
    OM_RUN(test_immortals_ignore_counting);
    OM_RUN(test_containers_own_their_items);
    OM_RUN(test_setref_and_overwrite);
    OM_RUN(test_many_alloc_free);
    OM_RUN(test_del_runs_at_zero);
    OM_RUN(test_del_resurrection_once);
    return om_end("test_om_refcount");
}
