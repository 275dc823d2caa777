/* weft: unit tests for str: interning, equality, hashing, StrBuilder. */
/* str.c API -> identity of interned strings, stable hashes, built strings' length and ASCII flag. */
#include "om_check.h"

static void test_intern_identity(void)
{
    Value a = wf_str_intern_c("om_spam");
    Value b = wf_str_intern_c("om_spam");
    ASSERT(a && a == b);
    ASSERT(wf_is_str_exact(a));
    ASSERT(wf_is_immortal(wf_obj(a)));
    ASSERT(wf_obj(a)->ob_flags & WF_OBF_INTERNED);
    /* Interning a separately built equal string gives the same object. */
    char buf[16];
    snprintf(buf, sizeof buf, "om_%s", "spam");
    Value c = wf_str_intern(wf_str_new(buf, strlen(buf)));
    ASSERT(c == a);
    ASSERT(wf_str_intern_c("om_eggs") != a);
    /* A plain new string is neither interned nor immortal, but equal. */
    Value d = wf_str_new("om_spam", 7);
    ASSERT(d != a);
    ASSERT(!(wf_obj(d)->ob_flags & WF_OBF_INTERNED));
    ASSERT(!wf_is_immortal(wf_obj(d)));
    ASSERT(wf_str_eq(a, d));
    ASSERT_EQ(wf_equal(a, d), 1);
    wf_decref(d);
    /* Non-ASCII and empty strings intern too. */
    Value e1 = wf_str_intern_c("caf\xc3\xa9"), e2 = wf_str_intern_c("caf\xc3\xa9");
    ASSERT(e1 == e2);
    ASSERT(wf_str_intern_c("") == wf_str_intern_c(""));
    /* Names the compiler interns are the runtime's interned strings. */
    Value g = om_exec("om_some_global_name = 1\n");
    size_t pos = 0;
    Value k, v;
    bool found = false;
    while (wf_dict_next(g, &pos, &k, &v))
        if (wf_str_eq_c(k, "om_some_global_name")) {
            ASSERT(k == wf_str_intern_c("om_some_global_name"));
            found = true;
        }
    ASSERT(found);
    wf_decref(g);
}

static void test_str_eq(void)
{
    Value a = wf_str_new("hello", 5), b = wf_str_from_cstr("hello");
    Value c = wf_str_new("hellO", 5), d = wf_str_new("hell", 4), e = wf_str_new("hello\0x", 7);
    ASSERT(wf_str_eq(a, b) && wf_str_eq(b, a));
    ASSERT(wf_str_eq(a, a));
    ASSERT(!wf_str_eq(a, c));
    ASSERT(!wf_str_eq(a, d) && !wf_str_eq(d, a));
    ASSERT(!wf_str_eq(a, e));  /* an embedded NUL is part of the string */
    ASSERT(wf_str_eq_c(a, "hello"));
    ASSERT(!wf_str_eq_c(a, "hell"));
    ASSERT(!wf_str_eq_c(a, "hello!"));
    ASSERT_EQ(wf_len(e), 7);
    ASSERT_EQ(wf_richcompare_bool(d, a, WF_LT), 1);
    ASSERT_EQ(wf_richcompare_bool(c, a, WF_LT), 1);   /* 'O' < 'o' */
    Value ab = wf_str_concat(a, d);
    ASSERT_STR(ab, "hellohell");
    ASSERT_EQ(wf_len(ab), 9);
    wf_decref(ab);
    wf_decref(a); wf_decref(b); wf_decref(c); wf_decref(d); wf_decref(e);
}

static void test_str_hash_stable(void)
{
    Value a = wf_str_new("a string to hash", 16);
    Hash h = wf_str_hash(a);
    ASSERT(h != -1);
    for (int i = 0; i < 10; i++)
        ASSERT_EQ(wf_str_hash(a), h);
    ASSERT_EQ(wf_hash(a), h);
    Value b = wf_str_from_cstr("a string to hash");
    ASSERT_EQ(wf_str_hash(b), h);                          /* equal strings, equal hashes */
    ASSERT_EQ(wf_str_hash(wf_str_intern_c("a string to hash")), h);
    Value c = wf_str_from_cstr("a string to hasH");
    ASSERT(wf_str_hash(c) != h);  /* not guaranteed, but a collision here means a broken hash */
    Value empty = wf_str_new("", 0);
    ASSERT_EQ(wf_str_hash(empty), 0);                      /* CPython: hash('') == 0 */
    /* The hash Python sees is the C hash. */
    Value g = om_exec("h = hash('a string to hash')\n");
    int64_t py_h;
    ASSERT(wf_int_as_i64(wf_dict_get_c(g, "h"), &py_h) == 0);
    ASSERT_EQ(py_h, h);
    wf_decref(g);
    /* Non-ASCII content hashes by code points: equal however it was built. */
    StrBuilder sb;
    wf_sb_init(&sb);
    wf_sb_add_codepoint(&sb, 0x20ac);
    wf_sb_add_c(&sb, "x");
    Value euro = wf_sb_finish(&sb);
    Value euro2 = wf_str_new("\xe2\x82\xacx", 4);
    ASSERT(wf_str_eq(euro, euro2));
    ASSERT_EQ(wf_str_hash(euro), wf_str_hash(euro2));
    wf_decref(euro); wf_decref(euro2);
    wf_decref(empty); wf_decref(a); wf_decref(b); wf_decref(c);
}

static void test_str_builder(void)
{
    StrBuilder sb;
    wf_sb_init(&sb);
    Value empty = wf_sb_finish(&sb);
    ASSERT_STR(empty, "");
    ASSERT_EQ(wf_len(empty), 0);
    wf_decref(empty);

    wf_sb_init(&sb);
    wf_sb_add(&sb, "abc", 3);
    wf_sb_add_c(&sb, "de");
    wf_sb_add_char(&sb, 'f');
    Value s = wf_str_intern_c("gh");
    wf_sb_add_str(&sb, s);
    ASSERT(wf_sb_add_repr(&sb, s) == 0);        /* 'gh' */
    ASSERT(wf_sb_add_strof(&sb, wf_small(-12)) == 0);
    ASSERT(wf_sb_add_repr(&sb, wf_None) == 0);
    ASSERT_EQ(sb.len, 19);
    ASSERT(sb.ascii);
    Value r = wf_sb_finish(&sb);
    ASSERT_STR(r, "abcdefgh'gh'-12None");
    ASSERT(wf_as_str(r)->ascii);
    ASSERT_EQ(wf_as_str(r)->nchars, 19);
    wf_decref(r);

    /* Code points of each UTF-8 length: chars count code points, len bytes. */
    wf_sb_init(&sb);
    uint32_t cps[] = { 'A', 0xe9, 0x20ac, 0x1f600 };
    for (size_t i = 0; i < 4; i++)
        wf_sb_add_codepoint(&sb, cps[i]);
    r = wf_sb_finish(&sb);
    ASSERT_STR(r, "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    ASSERT_EQ(wf_as_str(r)->len, 10);
    ASSERT_EQ(wf_as_str(r)->nchars, 4);
    ASSERT(!wf_as_str(r)->ascii);
    ASSERT_EQ(wf_len(r), 4);
    Value sub = wf_str_substring(r, 1, 3);
    ASSERT_STR(sub, "\xc3\xa9\xe2\x82\xac");
    wf_decref(sub);
    Value ch = wf_str_from_codepoint(0x1f600);
    Value last = wf_getitem(r, wf_small(-1));
    ASSERT(wf_str_eq(ch, last));
    wf_decref(last);
    wf_decref(ch);
    wf_decref(r);

    /* Growth well past any initial buffer. */
    wf_sb_init(&sb);
    for (int i = 0; i < 10000; i++)
        wf_sb_add_c(&sb, "0123456789");
    r = wf_sb_finish(&sb);
    ASSERT_EQ(wf_len(r), 100000);
    ASSERT(wf_str_cstr(r)[99999] == '9' && wf_str_cstr(r)[100000] == '\0');
    wf_decref(r);

    /* An error in repr leaves the builder to be discarded. */
    Value g = om_exec("class Bad:\n    def __repr__(self):\n        raise ValueError('no repr')\nb = Bad()\n");
    wf_sb_init(&sb);
    wf_sb_add_c(&sb, "prefix");
    ASSERT_EQ(wf_sb_add_repr(&sb, wf_dict_get_c(g, "b")), -1);
    ASSERT_RAISED(wf_exc_ValueError);
    wf_sb_discard(&sb);
    wf_decref(g);
}

static void test_str_printf_and_repr(void)
{
    Value l = wf_list_from_array((Value[]){ wf_small(1), wf_str_intern_c("x") }, 2);
    Value s = wf_str_printf("%d|%s|%R|%S|%T|%zu|%%|%c", -5, "cstr", l, wf_str_intern_c("y"), l, (size_t)7, 'z');
    ASSERT_STR(s, "-5|cstr|[1, 'x']|y|list|7|%|z");
    wf_decref(s);
    wf_decref(l);
    Value q = wf_str_from_cstr("it's \"q\"\n");
    Value r = wf_str_repr(q);
    ASSERT_STR(r, "'it\\'s \"q\"\\n'");
    wf_decref(r);
    wf_decref(q);
    q = wf_str_from_cstr("it's");
    r = wf_str_repr(q);
    ASSERT_STR(r, "\"it's\"");
    wf_decref(r);
    wf_decref(q);
}

/* s += t with a unique left operand may grow it in place: never visible to others. */
static void test_str_append_unique(void)
{
    Value suffix = wf_str_from_cstr("-tail");
    /* Unique: the result is right, and its cached hash is the new string's. */
    Value a = wf_str_from_cstr("head string");
    Hash before = wf_str_hash(a);
    a = wf_str_append_unique(a, suffix);
    ASSERT_STR(a, "head string-tail");
    ASSERT_EQ(wf_len(a), 16);
    Value fresh = wf_str_from_cstr("head string-tail");
    ASSERT_EQ(wf_str_hash(a), wf_str_hash(fresh));
    ASSERT(wf_str_hash(a) != before);
    ASSERT_EQ(wf_equal(a, fresh), 1);
    wf_decref(fresh);
    /* Repeated appends (the in-place growth path). */
    for (int i = 0; i < 1000; i++)
        a = wf_str_append_unique(a, suffix);
    ASSERT_EQ(wf_len(a), 16 + 5000);
    ASSERT(strncmp(wf_str_cstr(a) + 16 + 4995, "-tail", 6) == 0);
    wf_decref(a);
    /* Shared: the other holder's string must not change. */
    Value b = wf_str_from_cstr("shared");
    Value keep = wf_incref(b);
    Hash hb = wf_str_hash(b);
    Value c = wf_str_append_unique(b, suffix);   /* steals one of the two references */
    ASSERT_STR(c, "shared-tail");
    ASSERT_STR(keep, "shared");
    ASSERT_EQ(wf_str_hash(keep), hb);
    ASSERT_EQ(om_refcnt(keep), 1);
    wf_decref(c);
    wf_decref(keep);
    /* Interned (immortal) strings are never grown in place. */
    Value in = wf_str_intern_c("om_interned_head");
    Value d = wf_str_append_unique(in, suffix);
    ASSERT_STR(d, "om_interned_head-tail");
    ASSERT_STR(in, "om_interned_head");
    ASSERT(wf_str_intern_c("om_interned_head") == in);
    wf_decref(d);
    /* Non-ASCII on either side keeps the character count right. */
    Value e = wf_str_from_cstr("caf\xc3\xa9");
    Value f = wf_str_append_unique(e, wf_str_intern_c("\xe2\x82\xac"));
    ASSERT_STR(f, "caf\xc3\xa9\xe2\x82\xac");
    ASSERT_EQ(wf_len(f), 5);
    ASSERT(!wf_as_str(f)->ascii);
    Value last = wf_getitem(f, wf_small(4));
    ASSERT_STR(last, "\xe2\x82\xac");
    wf_decref(last);
    wf_decref(f);
    wf_decref(suffix);
    /* And from Python code: a dict key's string is not changed by a += on another name. */
    Value g = om_exec("s = 'k' * 3\nd = {s: 1}\nt = s\nt += 'x'\nok = d.get('kkk') == 1 and s == 'kkk' and t == 'kkkx'\n"
                      "u = ''\nfor i in range(100):\n    u += str(i % 10)\nn = len(u)\nh = hash(u) == hash(''.join(str(i % 10) for i in range(100)))\n");
    ASSERT(wf_dict_get_c(g, "ok") == wf_True);
    ASSERT(wf_dict_get_c(g, "n") == wf_small(100));
    ASSERT(wf_dict_get_c(g, "h") == wf_True);
    wf_decref(g);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    OM_RUN(test_intern_identity);
    OM_RUN(test_str_eq);
    OM_RUN(test_str_hash_stable);
    OM_RUN(test_str_builder);
    OM_RUN(test_str_printf_and_repr);
    OM_RUN(test_str_append_unique);
    return om_end("test_om_str");
}
