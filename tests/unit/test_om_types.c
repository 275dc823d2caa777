/* weft: unit tests for type objects: versions, MRO lookup, slot updates. */
/* Class attribute stores -> tp_version bumps (subclasses too) -> wf_type_lookup sees the new value. */
#include "om_check.h"

static const char classes_src[] =
    "class A:\n"
    "    x = 1\n"
    "    def who(self):\n"
    "        return 'A'\n"
    "class B(A):\n"
    "    pass\n"
    "class C(B):\n"
    "    y = 2\n"
    "class Other:\n"
    "    pass\n"
    "class L(A):\n"
    "    def who(self):\n"
    "        return 'L'\n"
    "class R(A):\n"
    "    x = 'R'\n"
    "class Diamond(L, R):\n"
    "    pass\n"
    "def set_x(cls, v):\n"
    "    cls.x = v\n";

static Value globals;

static TypeObject *cls(const char *name)
{
    Value v = wf_dict_get_c(globals, name);
    ASSERT(v && wf_is_type(v));
    ASSERT(wf_as_type(v)->tp_flags & WF_TPF_HEAPTYPE);
    return wf_as_type(v);
}

static uint32_t version(TypeObject *t)
{
    return atomic_load(&t->tp_version);
}

/* The borrowed result of a lookup along t's MRO, 0 if absent. */
static Value lookup(TypeObject *t, const char *name)
{
    Value r = wf_type_lookup(t, wf_str_intern_c(name));
    ASSERT(!wf_err_occurred());
    return r;
}

static void test_version_bumps_on_class_store(void)
{
    TypeObject *a = cls("A"), *b = cls("B"), *c = cls("C"), *o = cls("Other");
    /* Warm any lookup cache first, so a stale entry would show below. */
    for (int i = 0; i < 3; i++) {
        ASSERT(lookup(c, "x") == wf_small(1));
        ASSERT(lookup(b, "x") == wf_small(1));
    }
    uint32_t va = version(a), vb = version(b), vc = version(c), vo = version(o);
    ASSERT(wf_setattr_c(wf_val(a), "x", wf_small(5)) == 0);
    ASSERT(version(a) != va);
    ASSERT(version(b) != vb);   /* subclasses' versions change with their base */
    ASSERT(version(c) != vc);
    ASSERT_EQ(version(o), vo);  /* unrelated classes keep theirs */
    ASSERT(lookup(c, "x") == wf_small(5));
    ASSERT(lookup(a, "x") == wf_small(5));

    /* A store on the middle class shadows the base for itself and below. */
    va = version(a), vb = version(b), vc = version(c);
    ASSERT(wf_setattr_c(wf_val(b), "x", wf_small(7)) == 0);
    ASSERT_EQ(version(a), va);
    ASSERT(version(b) != vb && version(c) != vc);
    ASSERT(lookup(c, "x") == wf_small(7));
    ASSERT(lookup(a, "x") == wf_small(5));

    /* Deleting it uncovers the base's value again. */
    vb = version(b), vc = version(c);
    ASSERT(wf_setattr_c(wf_val(b), "x", 0) == 0);
    ASSERT(version(b) != vb && version(c) != vc);
    ASSERT(lookup(c, "x") == wf_small(5));
    ASSERT(wf_setattr_c(wf_val(b), "x", 0) == -1);  /* not in B's own dict */
    ASSERT_RAISED(wf_exc_AttributeError);

    /* A store from Python code (a STORE_ATTR on a class) bumps it too. */
    vc = version(c);
    Value setx = wf_dict_get_c(globals, "set_x");
    Value r = wf_call2(setx, wf_val(c), wf_small(9));
    ASSERT(r == wf_None);
    ASSERT(version(c) != vc);
    ASSERT(lookup(c, "x") == wf_small(9));
    ASSERT(lookup(b, "x") == wf_small(5));
    ASSERT(wf_setattr_c(wf_val(c), "x", 0) == 0);

    /* Versions only ever move forward here: each store gives a new one. */
    uint32_t seen = version(a);
    for (int i = 0; i < 100; i++) {
        ASSERT(wf_setattr_c(wf_val(a), "x", wf_small(i)) == 0);
        ASSERT(version(a) != seen);
        seen = version(a);
        ASSERT(lookup(c, "x") == wf_small(i));
    }
    ASSERT(wf_setattr_c(wf_val(a), "x", wf_small(1)) == 0);
}

static void test_type_modified(void)
{
    TypeObject *a = cls("A"), *b = cls("B"), *c = cls("C"), *o = cls("Other");
    uint32_t va = version(a), vb = version(b), vc = version(c), vo = version(o);
    wf_type_modified(a);
    ASSERT(version(a) != va && version(b) != vb && version(c) != vc);
    ASSERT_EQ(version(o), vo);
    vb = version(b), va = version(a);
    wf_type_modified(c);
    ASSERT_EQ(version(b), vb);
    ASSERT_EQ(version(a), va);
    /* Built-in types are immutable: a store is a TypeError, the version stays. */
    uint32_t vi = version(&wf_type_int);
    ASSERT(wf_setattr_c(wf_val(&wf_type_int), "om_new_attr", wf_small(1)) == -1);
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT_EQ(version(&wf_type_int), vi);
    ASSERT(lookup(&wf_type_int, "om_new_attr") == 0);
}

static void test_lookup_through_mro(void)
{
    TypeObject *c = cls("C"), *a = cls("A"), *d = cls("Diamond"), *l = cls("L"), *r = cls("R");
    /* C's MRO: C, B, A, object. */
    Value mro = c->tp_mro;
    ASSERT(wf_is_tuple(mro));
    ASSERT_EQ(wf_tuple_size(mro), 4);
    ASSERT(wf_tuple_get(mro, 0) == wf_val(c));
    ASSERT(wf_tuple_get(mro, 1) == wf_val(cls("B")));
    ASSERT(wf_tuple_get(mro, 2) == wf_val(a));
    ASSERT(wf_tuple_get(mro, 3) == wf_val(&wf_type_object));
    /* Diamond's C3 MRO: Diamond, L, R, A, object. */
    mro = d->tp_mro;
    ASSERT_EQ(wf_tuple_size(mro), 5);
    ASSERT(wf_tuple_get(mro, 1) == wf_val(l));
    ASSERT(wf_tuple_get(mro, 2) == wf_val(r));
    ASSERT(wf_tuple_get(mro, 3) == wf_val(a));
    ASSERT(lookup(d, "who") == lookup(l, "who"));   /* L before A */
    ASSERT_STR(lookup(d, "x"), "R");               /* R before A */
    ASSERT(lookup(c, "y") == wf_small(2));
    ASSERT(lookup(a, "y") == 0);                     /* absent: 0, no exception */
    ASSERT(lookup(c, "no_such_attribute") == 0);
    ASSERT(lookup(c, "__init__") == lookup(&wf_type_object, "__init__"));
    /* Subtype tests follow the MRO. */
    ASSERT(wf_type_is_subtype(d, a) && wf_type_is_subtype(d, r));
    ASSERT(!wf_type_is_subtype(a, d));
    ASSERT(!wf_type_is_subtype(c, cls("Other")));
    ASSERT_EQ(wf_issubclass(wf_val(d), wf_val(&wf_type_object)), 1);
    /* Method resolution on an instance follows the change of a base class method. */
    Value inst = wf_call0(wf_val(d));
    ASSERT(inst);
    Value who = wf_call_method(inst, "who", NULL, 0);
    ASSERT_STR(who, "L");
    wf_decref(who);
    Value aw = wf_incref(lookup(a, "who"));
    ASSERT(wf_setattr_c(wf_val(l), "who", 0) == 0);     /* now A's */
    who = wf_call_method(inst, "who", NULL, 0);
    ASSERT_STR(who, "A");
    wf_decref(who);
    ASSERT(lookup(d, "who") == aw);
    wf_decref(aw);
    ASSERT_EQ(wf_isinstance(inst, wf_val(r)), 1);
    wf_decref(inst);
    /* Built-in MROs: bool -> int -> object. */
    ASSERT(lookup(&wf_type_bool, "bit_length") == lookup(&wf_type_int, "bit_length"));
    ASSERT(lookup(&wf_type_list, "append") != 0);
    ASSERT(lookup(&wf_type_tuple, "append") == 0);
    ASSERT(lookup(&wf_type_bool, "__repr__") != lookup(&wf_type_int, "__repr__"));
}

/* Storing a dunder on a class must update the C slot the protocol uses. */
static void test_dunder_store_updates_slots(void)
{
    Value g = om_exec(
        "class S:\n    pass\n"
        "class T(S):\n    pass\n"
        "def length(self):\n    return 42\n"
        "def add(self, other):\n    return ('add', other)\n"
        "s = S()\n"
        "t = T()\n");
    Value s = wf_dict_get_c(g, "s"), t = wf_dict_get_c(g, "t");
    Value S = wf_dict_get_c(g, "S");
    ASSERT_EQ(wf_len(s), -1);
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT(wf_setattr_c(S, "__len__", wf_dict_get_c(g, "length")) == 0);
    ASSERT_EQ(wf_len(s), 42);
    ASSERT_EQ(wf_len(t), 42);               /* the subclass inherits the new slot */
    ASSERT(wf_setattr_c(S, "__add__", wf_dict_get_c(g, "add")) == 0);
    Value r = wf_binop(t, wf_small(3), WF_BINOP_ADD);
    ASSERT(r && wf_is_tuple(r));
    ASSERT(wf_tuple_get(r, 1) == wf_small(3));
    wf_decref(r);
    ASSERT(wf_setattr_c(S, "__len__", 0) == 0);
    ASSERT_EQ(wf_len(t), -1);
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT(wf_setattr_c(S, "__add__", 0) == 0);
    ASSERT(!wf_binop(s, wf_small(3), WF_BINOP_ADD));
    ASSERT_RAISED(wf_exc_TypeError);
    wf_decref(g);
}

/* A class made from C with type(name, bases, dict). */
static void test_type_new_class_from_c(void)
{
    Value dict = wf_dict_new();
    ASSERT(wf_dict_set_c(dict, "z", wf_small(26)) == 0);
    Value bases = wf_tuple_pack(1, wf_val(cls("A")));
    Value name = wf_str_from_cstr("FromC");
    Value k = wf_type_new_class(name, bases, dict, wf_val(&wf_type_type));
    ASSERT(k && wf_is_type(k));
    TypeObject *kt = wf_as_type(k);
    ASSERT(kt->tp_flags & WF_TPF_HEAPTYPE);
    ASSERT_EQ(wf_tuple_size(kt->tp_mro), 3);
    ASSERT(lookup(kt, "z") == wf_small(26));
    ASSERT(lookup(kt, "who") == lookup(cls("A"), "who"));
    /* The class copied the dict: later changes of ours do not reach it. */
    ASSERT(wf_dict_set_c(dict, "z", wf_small(0)) == 0);
    ASSERT(lookup(kt, "z") == wf_small(26));
    Value inst = wf_object_new_instance(kt);
    ASSERT(inst && wf_type(inst) == kt);
    Value z = wf_getattr_c(inst, "z");
    ASSERT(z == wf_small(26));
    ASSERT(wf_setattr_c(inst, "z", wf_small(1)) == 0);   /* instance attribute: no version change */
    uint32_t v = version(kt);
    ASSERT(wf_getattr_c(inst, "z") == wf_small(1));
    ASSERT_EQ(version(kt), v);
    ASSERT(lookup(kt, "z") == wf_small(26));
    Value n = wf_getattr_c(k, "__name__");
    ASSERT_STR(n, "FromC");
    wf_decref(n);
    wf_decref(inst);
    wf_decref(k);
    wf_decref(name);
    wf_decref(bases);
    wf_decref(dict);
}

static const char attr_src[] =
    "class V:\n"
    "    cls_attr = 'c'\n"
    "    @property\n"
    "    def bad(self):\n        raise ValueError('bad property')\n"
    "    @property\n"
    "    def missing(self):\n        raise AttributeError('missing property')\n"
    "    def meth(self):\n        return 'm'\n"
    "class GA(V):\n"
    "    def __getattr__(self, name):\n"
    "        if name.startswith('dyn'):\n            return 'dyn:' + name\n"
    "        raise AttributeError(name)\n"
    "v = V()\n"
    "v.inst = 'i'\n"
    "ga = GA()\n";

/* wf_getattr_opt hides AttributeError only; wf_get_method's two results; lookups by a non-interned name. */
static void test_attribute_protocol(void)
{
    Value g = om_exec(attr_src);
    Value v = wf_dict_get_c(g, "v"), ga = wf_dict_get_c(g, "ga");
    Value name = wf_str_intern_c("nonexistent");
    ASSERT(wf_getattr_opt(v, name) == 0);
    ASSERT(!wf_err_occurred());
    ASSERT(wf_getattr(v, name) == 0);
    ASSERT_RAISED(wf_exc_AttributeError);
    ASSERT(wf_getattr_opt(v, wf_str_intern_c("missing")) == 0);   /* AttributeError from a property */
    ASSERT(!wf_err_occurred());
    ASSERT(wf_getattr_opt(v, wf_str_intern_c("bad")) == 0);       /* other errors propagate */
    ASSERT_RAISED(wf_exc_ValueError);
    ASSERT_EQ(wf_hasattr(v, wf_str_intern_c("inst")), 1);
    ASSERT_EQ(wf_hasattr(v, name), 0);
    ASSERT(!wf_err_occurred());
    /* __getattr__ is the fallback, also through wf_getattr_opt. */
    Value r = wf_getattr_opt(ga, wf_str_intern_c("dynamic"));
    ASSERT_STR(r, "dyn:dynamic");
    wf_decref(r);
    ASSERT(wf_getattr_opt(ga, wf_str_intern_c("other")) == 0);
    ASSERT(!wf_err_occurred());
    r = wf_getattr_c(ga, "cls_attr");                            /* found before __getattr__ */
    ASSERT_STR(r, "c");
    wf_decref(r);
    /* A non-interned name finds the same things as the interned one. */
    Value plain = wf_str_new("cls_attr", 8);
    ASSERT(!(wf_obj(plain)->ob_flags & WF_OBF_INTERNED));
    ASSERT(wf_type_lookup(wf_type(v), plain) == wf_type_lookup(wf_type(v), wf_str_intern_c("cls_attr")));
    r = wf_getattr(v, plain);
    ASSERT_STR(r, "c");
    wf_decref(r);
    ASSERT(wf_setattr(v, plain, wf_small(1)) == 0);              /* instance attribute shadows */
    ASSERT(wf_getattr_c(v, "cls_attr") == wf_small(1));
    ASSERT(wf_setattr(v, plain, 0) == 0);
    r = wf_getattr_c(v, "cls_attr");
    ASSERT_STR(r, "c");
    wf_decref(r);
    wf_decref(plain);
    /* wf_get_method: 1 + the plain function for a method, 0 + the bound value otherwise. */
    Value meth = 0;
    ASSERT_EQ(wf_get_method(v, wf_str_intern_c("meth"), &meth), 1);
    ASSERT(meth == wf_type_lookup(wf_type(v), wf_str_intern_c("meth")));
    r = wf_call1(meth, v);
    ASSERT_STR(r, "m");
    wf_decref(r);
    wf_decref(meth);
    ASSERT_EQ(wf_get_method(v, wf_str_intern_c("inst"), &meth), 0);
    ASSERT_STR(meth, "i");
    wf_decref(meth);
    meth = 0;
    ASSERT_EQ(wf_get_method(v, name, &meth), -1);
    ASSERT_RAISED(wf_exc_AttributeError);
    /* Built-in methods through wf_get_method and wf_call_method. */
    Value l = wf_list_new(0);
    ASSERT(wf_get_method(l, wf_str_intern_c("append"), &meth) >= 0);
    wf_decref(meth);
    r = wf_call_method(l, "append", (Value[]){ wf_small(4) }, 1);
    ASSERT(r == wf_None);
    ASSERT_EQ(wf_list_size(l), 1);
    ASSERT(wf_call_method(l, "no_such_method", NULL, 0) == 0);
    ASSERT_RAISED(wf_exc_AttributeError);
    wf_decref(l);
    wf_decref(g);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    globals = om_exec(classes_src);
    OM_RUN(test_version_bumps_on_class_store);
    OM_RUN(test_type_modified);
    OM_RUN(test_lookup_through_mro);
    OM_RUN(test_dunder_store_updates_slots);
    OM_RUN(test_type_new_class_from_c);
    OM_RUN(test_attribute_protocol);
    wf_decref(globals);
    return om_end("test_om_types");
}
