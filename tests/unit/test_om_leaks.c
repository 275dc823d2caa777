/* weft: reference-count balance of Python code, observed from C. */
/* An object handed to Python snippets run many times -> its count back where it started (no leak, no over-release). */
#include "om_check.h"

/*
 * Each snippet is the body of a function run 50 times with the object bound
 * to the global `o`. A leaked reference per run shows as a count 50 higher,
 * an extra decref as a lower count (or a crash under ASan). Snippets go
 * through the interpreter's instructions, so this watches the specialised
 * and inlined paths of core/ceval.c as well as the C API.
 */
typedef struct Snippet {
    const char *name;
    const char *body;   /* indented 4 spaces, uses `o` */
} Snippet;

static const Snippet snippets[] = {
    { "identity call", "    ident(o)\n" },
    { "list and tuple displays", "    x = [o, o, (o, o)]\n" },
    { "dict display and subscript", "    d = {o: o}\n    y = d[o]\n" },
    { "dict store and delete", "    d = {}\n    d['k'] = o\n    del d['k']\n" },
    { "set display", "    s = {o}\n    o in s\n" },
    { "local rebinding", "    x = o\n    y = x\n    del x\n" },
    { "attribute store", "    h = Holder()\n    h.a = o\n    h.a = o\n" },
    { "attribute store and delete", "    h = Holder()\n    h.a = o\n    del h.a\n" },
    { "slots store", "    s = Slotted()\n    s.v = o\n    s.v = o\n" },
    { "method call", "    o.upper()\n    o.startswith(o)\n" },
    { "builtin calls", "    len(o)\n    isinstance(o, str)\n    str(o)\n    repr(o)\n    hash(o)\n" },
    { "keyword call", "    kw(x=o)\n    kw(o, y=o)\n" },
    { "star call", "    kw(*[o])\n    kw(**{'x': o})\n    kw(*(o,), **{'y': o})\n" },
    { "raise and catch", "    try:\n        raise ValueError(o)\n    except ValueError as e:\n        pass\n" },
    { "raise from", "    try:\n        try:\n            raise KeyError(o)\n        except KeyError as k:\n            raise ValueError(o) from k\n    except ValueError:\n        pass\n" },
    { "finally", "    try:\n        x = o\n    finally:\n        y = o\n" },
    { "generator", "    for x in gen(o):\n        pass\n" },
    { "generator closed early", "    g = gen(o)\n    next(g)\n    g.close()\n" },
    { "closure", "    f = (lambda: o)\n    f()\n" },
    { "comprehensions", "    [x for x in [o, o]]\n    {x: x for x in [o]}\n    {x for x in [o]}\n" },
    { "for loop", "    for x in [o] * 5:\n        y = x\n" },
    { "f-string and format", "    f'{o}{o!r}{o:>5}'\n    '%s' % o\n    '{}'.format(o)\n" },
    { "compare and bool", "    o == o\n    o < o\n    o is o\n    not o\n    o if o else o\n" },
    { "string ops", "    o + o\n    o * 2\n    o[0]\n    o[1:]\n    o.split()\n    ''.join([o, o])\n" },
    { "sorted and min", "    sorted([o, o])\n    min(o, o)\n    max([o, o])\n" },
    { "global store", "    global g2\n    g2 = o\n    g2 = None\n" },
    { "class attribute", "    Holder.c = o\n    Holder().c\n    del Holder.c\n" },
    { "getattr and setattr", "    h = Holder()\n    setattr(h, 'z', o)\n    getattr(h, 'z')\n    hasattr(h, 'z')\n" },
    { "unpacking", "    a, b = o, o\n    a, *b = [o, o, o]\n" },
    { "with", "    with Ctx(o) as c:\n        x = c\n" },
    { "super and method", "    Child(o).get()\n" },
    { "dict methods", "    d = {}\n    d.setdefault('a', o)\n    d.get('a')\n    d.pop('a')\n    d.update(b=o)\n    d.items()\n    list(d.values())\n" },
    { "list methods", "    l = []\n    l.append(o)\n    l.insert(0, o)\n    l.extend([o])\n    l.index(o)\n    l.remove(o)\n    l.pop()\n    l.reverse()\n    l.sort()\n    l.copy()\n" },
};

static const char prelude[] =
    "def ident(x):\n    return x\n"
    "def kw(x=None, y=None):\n    return x\n"
    "def gen(x):\n    yield x\n    yield x\n"
    "class Holder:\n    pass\n"
    "class Slotted:\n    __slots__ = ('v',)\n"
    "class Ctx:\n"
    "    def __init__(self, v):\n        self.v = v\n"
    "    def __enter__(self):\n        return self.v\n"
    "    def __exit__(self, *a):\n        return False\n"
    "class Base:\n"
    "    def __init__(self, v):\n        self.v = v\n"
    "    def get(self):\n        return self.v\n"
    "class Child(Base):\n"
    "    def get(self):\n        return super().get()\n";

static void test_snippets_balance(void)
{
    Value g = om_exec(prelude);
    Value o = wf_str_from_cstr("a fresh string");
    ASSERT(wf_dict_set_c(g, "o", o) == 0);
    uint32_t base = om_refcnt(o);
    ASSERT_EQ(base, 2);
    int leaky = 0;
    for (size_t i = 0; i < sizeof snippets / sizeof *snippets; i++) {
        char src[2048];
        snprintf(src, sizeof src, "def snippet():\n%s\nfor _i in range(50):\n    snippet()\ndel snippet\n",
                 snippets[i].body);
        Value r = wf_run_source(src, strlen(src), "<snippet>", g, WF_MODE_EXEC);
        if (!r) {
            fprintf(stderr, "snippet '%s' raised\n", snippets[i].name);
            ASSERT(r);
        }
        wf_decref(r);
        uint32_t now = om_refcnt(o);
        if (now != base) {
            fprintf(stderr, "snippet '%s': refcount %u after 50 runs, expected %u\n",
                    snippets[i].name, now, base);
            leaky++;
            base = now;   /* keep going: report every leaky snippet */
        }
    }
    ASSERT_EQ(leaky, 0);
    ASSERT(wf_dict_del(g, wf_str_intern_c("o")) == 0);
    ASSERT_EQ(om_refcnt(o), 1);
    wf_decref(o);
    wf_decref(g);
}

/*
 * Temporaries: every snippet below makes fresh instances of T, whose __init__
 * and __del__ count; once the snippet's function has returned, every one of
 * them must be gone (no cycles are involved, so no collector is needed).
 */
static const Snippet temp_snippets[] = {
    { "call and return", "    ident(T())\n" },
    { "attribute of temporary", "    T().v\n    T().m()\n" },
    { "binary operators", "    T() + T()\n    T() == T()\n    T() < T()\n    -T()\n" },
    { "inplace operator", "    t = T()\n    t += T()\n" },
    { "containers", "    [T(), T()]\n    (T(), T())\n    {1: T()}\n    {T()}\n" },
    { "subscript", "    T()[T()]\n" },
    { "iteration", "    for x in T():\n        pass\n" },
    { "unpack", "    a, b = T(), T()\n    a, b = [T(), T()]\n" },
    { "keyword and star", "    kw(x=T(), y=T())\n    kw(*[T()], **{'y': T()})\n" },
    { "exception arg", "    try:\n        raise ValueError(T())\n    except ValueError:\n        pass\n" },
    { "exception object", "    try:\n        raise E(T())\n    except E as e:\n        x = e.args\n" },
    { "swallowed exception in with", "    with Ctx(T()):\n        raise ValueError(T())\n" },
    { "generator", "    list(gen(T()))\n    g = gen(T())\n    next(g)\n" },
    { "closure", "    t = T()\n    f = lambda: t\n    f()\n" },
    { "bound method", "    m = T().m\n    m()\n" },
    { "getattr fallback", "    T().missing_attr\n" },
    { "str and repr", "    str(T())\n    repr(T())\n    f'{T()}'\n" },
    { "hash and dict key", "    d = {T(): T()}\n    d.clear()\n" },
    { "isinstance and type", "    isinstance(T(), T)\n    type(T())\n" },
    { "sorted", "    sorted([T(), T(), T()])\n" },
    { "set and frozenset", "    s = set([T(), T()])\n    frozenset(s)\n    s.pop()\n" },
    { "list methods", "    l = [T()]\n    l.append(T())\n    l.insert(0, T())\n    l.pop()\n    del l[0]\n    l[0:1] = [T()]\n" },
    { "super", "    TC().m()\n" },
    { "property", "    TC().p\n" },
};

static const char temp_prelude[] =
    "created = 0\n"
    "deleted = 0\n"
    "class T:\n"
    "    def __init__(self):\n        global created\n        created += 1\n"
    "    def __del__(self):\n        global deleted\n        deleted += 1\n"
    "    v = 1\n"
    "    def m(self):\n        return self\n"
    "    def __add__(self, o):\n        return T()\n"
    "    def __iadd__(self, o):\n        return self\n"
    "    def __eq__(self, o):\n        return self is o\n"
    "    def __lt__(self, o):\n        return id(self) < id(o)\n"
    "    def __neg__(self):\n        return T()\n"
    "    __hash__ = object.__hash__\n"
    "    def __getitem__(self, k):\n        return k\n"
    "    def __iter__(self):\n        return iter([T(), T()])\n"
    "    def __getattr__(self, n):\n        return T()\n"
    "    def __str__(self):\n        return 'T'\n"
    "    def __repr__(self):\n        return 'T()'\n"
    "class TC(T):\n"
    "    def m(self):\n        return super().m()\n"
    "    @property\n"
    "    def p(self):\n        return T()\n"
    "class E(Exception):\n    pass\n"
    "class Ctx:\n"
    "    def __init__(self, v):\n        self.v = v\n"
    "    def __enter__(self):\n        return self.v\n"
    "    def __exit__(self, *a):\n        return True\n";

static int64_t global_int(Value g, const char *name)
{
    int64_t v = -1;
    ASSERT(wf_int_as_i64(wf_dict_get_c(g, name), &v) == 0);
    return v;
}

static void test_temporaries_freed(void)
{
    Value g = om_exec(prelude);
    Value r = wf_run_source(temp_prelude, strlen(temp_prelude), "<prelude>", g, WF_MODE_EXEC);
    ASSERT(r);
    wf_decref(r);
    int leaky = 0;
    for (size_t i = 0; i < sizeof temp_snippets / sizeof *temp_snippets; i++) {
        char src[2048];
        snprintf(src, sizeof src, "def snippet():\n%s\nfor _i in range(20):\n    snippet()\ndel snippet, _i\n",
                 temp_snippets[i].body);
        r = wf_run_source(src, strlen(src), "<snippet>", g, WF_MODE_EXEC);
        if (!r) {
            fprintf(stderr, "snippet '%s' raised\n", temp_snippets[i].name);
            ASSERT(r);
        }
        wf_decref(r);
        int64_t c = global_int(g, "created"), d = global_int(g, "deleted");
        ASSERT(c > 0);
        if (c != d) {
            fprintf(stderr, "snippet '%s': %lld T instances created, %lld freed\n",
                    temp_snippets[i].name, (long long)c, (long long)d);
            leaky++;
        }
        ASSERT(wf_dict_set_c(g, "created", wf_small(0)) == 0);
        ASSERT(wf_dict_set_c(g, "deleted", wf_small(0)) == 0);
    }
    ASSERT_EQ(leaky, 0);
    wf_decref(g);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    OM_RUN(test_snippets_balance);
    OM_RUN(test_temporaries_freed);
    return om_end("test_om_leaks");
}
