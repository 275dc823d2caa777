/* weft: dict views (keys, values, items) and dict iterators. */
/* dict -> live views (set-like for keys and items) and forward/reverse iterators. */
#include "dict.h"
#include "set.h"
#include "objimpl.h"  /* wf_mappingproxy_new */

/*
 * Iterators remember len(d) when created. Any change of size raises
 * "dictionary changed size during iteration" (and keeps raising); finding
 * more entries than the dict had items means keys were replaced under us:
 * "dictionary keys changed during iteration". Both as CPython.
 */

typedef struct DictViewObject {
    Object ob;
    Value dict;
} DictViewObject;

typedef struct DictIterObject {
    Object ob;
    Value dict;       /* held until dealloc */
    intptr_t used;    /* len(dict) at creation; -1 after a size change */
    intptr_t pos;     /* next entry (reverse: counts down), DI_DONE once exhausted */
    intptr_t len;     /* items still expected */
} DictIterObject;

static DictObject *dv_dict(Value v) { return wf_as_dict(((DictViewObject *)wf_obj(v))->dict); }

static bool is_keys(Value v) { return wf_is_type_exact(v, &wf_type_dict_keys); }
static bool is_items(Value v) { return wf_is_type_exact(v, &wf_type_dict_items); }
static bool is_setlike_view(Value v) { return is_keys(v) || is_items(v); }

/* ---- iterators ----
 *
 * next() reads the dict lock-free, with the rules of dict.h: the table,
 * nentries, keys and values by acquire loads, the key re-checked after the
 * value. The iterator's own fields are relaxed atomics: an iterator shared
 * by threads may hand out an item twice or skip one (as free-threaded
 * CPython), but never reads freed memory; its dict reference is dropped only
 * by its dealloc (exhaustion is pos == DI_DONE).
 */

#define DI_DONE INTPTR_MIN

static intptr_t di_load(const intptr_t *p) { return wf_atomic_load_relaxed_isize(p); }
static void di_store(intptr_t *p, intptr_t v) { wf_atomic_store_relaxed_isize(p, v); }

Value wf_dictiter_new(Value d, TypeObject *type)
{
    DictIterObject *it = (DictIterObject *)wf_object_alloc(type, sizeof(DictIterObject));
    DictObject *dp = wf_as_dict(d);
    /* acquire: pairs with the table's publication in dict.c. */
    const DictTable *t = wf_atomic_load_acquire_ptr(&dp->table);
    it->dict = wf_incref(d);
    it->used = wf_dict_size(d);
    it->len = it->used;
    bool rev = type == &wf_type_dict_revkeyiter || type == &wf_type_dict_revvalueiter ||
               type == &wf_type_dict_revitemiter;
    it->pos = rev ? (intptr_t)wf_atomic_load_acquire_usize(&t->nentries) - 1 : 0;
    return wf_val(it);
}

static void di_dealloc(Object *o)
{
    wf_xdecref(((DictIterObject *)o)->dict);
    wf_object_free(o);
}

static Value di_self(Value self) { return wf_incref(self); }

/* The live entry at i of t (borrowed key and value): false if deleted, or
 * deleted and reused under us (dict.h rule 5). */
static bool di_entry(const DictTable *t, intptr_t i, Value *k, Value *v)
{
    const DictEntry *ep = &t->entries[i];
    /* acquire: pairs with the release store of the key in entry_fill. */
    *k = wf_atomic_load_acquire_usize(&ep->key);
    if (!*k)
        return false;
    /* acquire: pairs with the release store of the value. */
    *v = wf_atomic_load_acquire_usize(&ep->value);
    return *v && wf_atomic_load_acquire_usize(&ep->key) == *k;
}

/* The next live entry into *k, *v (borrowed, alive until this thread's next
 * quiescent state), false when exhausted or with an exception set. */
static bool di_advance(DictIterObject *it, bool rev, Value *k, Value *v)
{
    intptr_t i = di_load(&it->pos);
    if (i == DI_DONE)
        return false;
    DictObject *d = wf_as_dict(it->dict);
    if (di_load(&it->used) != wf_dict_size(it->dict)) {
        wf_err_set_str(wf_exc_RuntimeError, "dictionary changed size during iteration");
        di_store(&it->used, -1);
        return false;
    }
    /* acquire: pairs with the table's publication and nentries' release stores. */
    const DictTable *t = wf_atomic_load_acquire_ptr(&d->table);
    intptr_t n = (intptr_t)wf_atomic_load_acquire_usize(&t->nentries);
    if (rev) {
        if (i >= n)
            i = n - 1;
        while (i >= 0 && !di_entry(t, i, k, v))
            i--;
    } else {
        while (i < n && !di_entry(t, i, k, v))
            i++;
    }
    if (i < 0 || i >= n) {
        di_store(&it->pos, DI_DONE);
        return false;
    }
    if (di_load((intptr_t *)&it->len) <= 0) {
        wf_err_set_str(wf_exc_RuntimeError, "dictionary keys changed during iteration");
        di_store(&it->pos, DI_DONE);
        return false;
    }
    di_store(&it->pos, rev ? i - 1 : i + 1);
    di_store((intptr_t *)&it->len, di_load((intptr_t *)&it->len) - 1);
    return true;
}

static Value di_next(Value self, bool rev, int what)
{
    Value k, v;
    if (!di_advance((DictIterObject *)wf_obj(self), rev, &k, &v))
        return 0;
    switch (what) {
    case 0: return wf_incref(k);
    case 1: return wf_incref(v);
    default: return wf_tuple_pack(2, k, v);
    }
}

static Value di_next_key(Value self) { return di_next(self, false, 0); }
static Value di_next_value(Value self) { return di_next(self, false, 1); }
static Value di_next_item(Value self) { return di_next(self, false, 2); }
static Value di_rnext_key(Value self) { return di_next(self, true, 0); }
static Value di_rnext_value(Value self) { return di_next(self, true, 1); }
static Value di_rnext_item(Value self) { return di_next(self, true, 2); }

static Value di_length_hint(Value self, const Value *args, size_t nargs, Value kwnames)
{
    DictIterObject *it = (DictIterObject *)wf_obj(self);
    bool live = di_load(&it->pos) != DI_DONE && di_load(&it->used) == wf_dict_size(it->dict);
    intptr_t len = di_load(&it->len);
    return wf_int_from_u64(live && len > 0 ? (uint64_t)len : 0);
}

static const MethodDef di_methods[] = {
    {"__length_hint__", di_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL},
};

#define DICT_ITER_TYPE(var, name, next) \
    TypeObject var = { \
        .ob = WF_STATIC_HEAD(&wf_type_type), \
        .tp_name = name, \
        .tp_basicsize = sizeof(DictIterObject), \
        .tp_base = &wf_type_object, \
        .tp_dealloc = di_dealloc, \
        .tp_iter = di_self, \
        .tp_iternext = next, \
        .tp_methods = di_methods, \
    };

DICT_ITER_TYPE(wf_type_dict_keyiter, "dict_keyiterator", di_next_key)
DICT_ITER_TYPE(wf_type_dict_valueiter, "dict_valueiterator", di_next_value)
DICT_ITER_TYPE(wf_type_dict_itemiter, "dict_itemiterator", di_next_item)
DICT_ITER_TYPE(wf_type_dict_revkeyiter, "dict_reversekeyiterator", di_rnext_key)
DICT_ITER_TYPE(wf_type_dict_revvalueiter, "dict_reversevalueiterator", di_rnext_value)
DICT_ITER_TYPE(wf_type_dict_revitemiter, "dict_reverseitemiterator", di_rnext_item)

/* ---- views: common slots ---- */

Value wf_dictview_new(Value d, TypeObject *type)
{
    DictViewObject *v = (DictViewObject *)wf_object_alloc(type, sizeof(DictViewObject));
    v->dict = wf_incref(d);
    return wf_val(v);
}

static void dv_dealloc(Object *o)
{
    wf_decref(((DictViewObject *)o)->dict);
    wf_object_free(o);
}

static intptr_t dv_len(Value self) { return wf_dict_size(wf_val(dv_dict(self))); }

static Value dv_repr(Value self)
{
    int r = wf_repr_enter(self);
    if (r != 0)
        return r > 0 ? wf_str_from_cstr("...") : 0;
    Value seq = wf_list_from_iterable(self);
    Value s = seq ? wf_str_printf("%s(%R)", wf_type_name(self), seq) : 0;
    wf_xdecref(seq);
    wf_repr_leave(self);
    return s;
}

static Value dv_iter(Value self)
{
    Value d = ((DictViewObject *)wf_obj(self))->dict;
    TypeObject *t = is_keys(self) ? &wf_type_dict_keyiter
                  : is_items(self) ? &wf_type_dict_itemiter : &wf_type_dict_valueiter;
    return wf_dictiter_new(d, t);
}

static Value dv_reversed(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value d = ((DictViewObject *)wf_obj(self))->dict;
    TypeObject *t = is_keys(self) ? &wf_type_dict_revkeyiter
                  : is_items(self) ? &wf_type_dict_revitemiter : &wf_type_dict_revvalueiter;
    return wf_dictiter_new(d, t);
}

static Value dv_mapping(Value self)
{
    return wf_mappingproxy_new(((DictViewObject *)wf_obj(self))->dict);
}

static Hash dv_unhashable(Value self)
{
    wf_err_format(wf_exc_TypeError, "unhashable type: '%s'", wf_type_name(self));
    return -1;
}

/* ---- containment ---- */

static int keys_contains(Value self, Value key) { return wf_dict_contains(wf_val(dv_dict(self)), key); }

static int items_contains(Value self, Value item)
{
    if (!wf_is_tuple(item) || wf_tuple_size(item) != 2)
        return 0;
    Value key = wf_tuple_get(item, 0), value = wf_tuple_get(item, 1);
    Value found = wf_dict_get(wf_val(dv_dict(self)), key);
    if (!found)
        return wf_err_occurred() ? -1 : 0;
    wf_incref(found);
    int r = wf_richcompare_bool(found, value, WF_EQ);
    wf_decref(found);
    return r;
}

static int values_contains(Value self, Value v)
{
    Value it = dv_iter(self), x;
    int r = 0;
    while (r == 0 && (x = wf_next(it))) {
        r = wf_richcompare_bool(x, v, WF_EQ);
        wf_decref(x);
    }
    wf_decref(it);
    return r == 0 && wf_err_occurred() ? -1 : r;
}

/* ---- set-like operations of keys and items views ---- */

/* Every element of a is in b. */
static int all_contained_in(Value a, Value b)
{
    Value it = wf_iter(a), x;
    if (!it)
        return -1;
    int ok = 1;
    while (ok == 1 && (x = wf_next(it))) {
        ok = wf_contains(b, x);
        wf_decref(x);
    }
    wf_decref(it);
    return ok == 1 && wf_err_occurred() ? -1 : ok;
}

static Value dv_richcompare(Value self, Value other, int op)
{
    if (!wf_is_anyset(other) && !is_setlike_view(other))
        return wf_NotImplemented;
    intptr_t ls = wf_len(self), lo = wf_len(other);
    if (ls < 0 || lo < 0)
        return 0;
    int ok = 0;
    switch (op) {
    case WF_EQ: case WF_NE:
        if (ls == lo)
            ok = all_contained_in(self, other);
        if (op == WF_NE && ok >= 0)
            ok = !ok;
        break;
    case WF_LT: if (ls < lo) ok = all_contained_in(self, other); break;
    case WF_LE: if (ls <= lo) ok = all_contained_in(self, other); break;
    case WF_GT: if (ls > lo) ok = all_contained_in(other, self); break;
    case WF_GE: if (ls >= lo) ok = all_contained_in(other, self); break;
    }
    return ok < 0 ? 0 : wf_bool(ok);
}

/* set(view), iterating an exact dict directly for keys views. */
static Value views_to_set(Value v)
{
    if (is_keys(v))
        return wf_set_new(((DictViewObject *)wf_obj(v))->dict);
    return wf_set_new(v);
}

static Value views_and(Value self, Value other)
{
    if (!is_setlike_view(self)) {
        Value t = self;
        self = other;
        other = t;
    }
    intptr_t ls = wf_len(self);
    if (wf_is_type_exact(other, &wf_type_set)) {
        if (ls <= wf_set_size(other))
            return wf_set_intersection(other, self);
    } else if (is_setlike_view(other) && wf_len(other) > ls) {
        Value t = self;
        self = other;
        other = t;
    }
    Value r = wf_set_new(0), it = wf_iter(other), x;
    if (!it) {
        wf_decref(r);
        return 0;
    }
    int rc = 0;
    while (rc >= 0 && (x = wf_next(it))) {
        rc = is_keys(self) ? keys_contains(self, x) : items_contains(self, x);
        if (rc > 0)
            rc = wf_set_add(r, x);
        wf_decref(x);
    }
    wf_decref(it);
    if (rc < 0 || wf_err_occurred()) {
        wf_decref(r);
        return 0;
    }
    return r;
}

/* set(self) updated in place by `update` with other. */
static Value views_apply(Value self, Value other, int (*update)(Value, Value))
{
    Value r = views_to_set(self);
    if (r && update(r, other) < 0) {
        wf_decref(r);
        return 0;
    }
    return r;
}

/* items ^ items: CPython pairs items by key so equal pairs cancel. */
static Value items_xor(Value self, Value other)
{
    Value tmp = wf_dict_copy(((DictViewObject *)wf_obj(self))->dict);
    Value r = wf_set_new(0);
    Value d2 = ((DictViewObject *)wf_obj(other))->dict;
    size_t pos = 0;
    Value k, v2;
    int rc = 0;
    while (rc == 0 && wf_dict_next(d2, &pos, &k, &v2)) {
        wf_incref(k);
        wf_incref(v2);
        Value v1 = wf_dict_get(tmp, k);
        int del = 0;
        if (v1) {
            wf_incref(v1);
            del = wf_richcompare_bool(v1, v2, WF_EQ);
            wf_decref(v1);
        } else if (wf_err_occurred()) {
            del = -1;
        }
        if (del > 0) {
            rc = wf_dict_del(tmp, k);
        } else if (del == 0) {
            Value pair = wf_tuple_pack(2, k, v2);
            rc = wf_set_add(r, pair);
            wf_decref(pair);
        } else {
            rc = -1;
        }
        wf_decref(k);
        wf_decref(v2);
    }
    if (rc == 0) {
        Value items = wf_dictview_new(tmp, &wf_type_dict_items);
        rc = wf_set_update(r, items);
        wf_decref(items);
    }
    wf_decref(tmp);
    if (rc < 0) {
        wf_decref(r);
        return 0;
    }
    return r;
}

static Value dv_binop(Value a, Value b, int op)
{
    switch (op) {
    case WF_BINOP_AND: return views_and(a, b);
    case WF_BINOP_OR: return views_apply(a, b, wf_set_update);
    case WF_BINOP_SUB: return views_apply(a, b, wf_set_difference_update);
    case WF_BINOP_XOR:
        if (is_items(a) && is_items(b))
            return items_xor(a, b);
        return views_apply(a, b, wf_set_symdiff_update);
    default: return wf_NotImplemented;
    }
}

static Value dv_isdisjoint(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("isdisjoint", kwnames) < 0 || wf_check_nargs("isdisjoint", nargs, 1, 1) < 0)
        return 0;
    Value other = args[0];
    if (self == other)
        return wf_bool(dv_len(self) == 0);
    if (wf_is_anyset(other) || is_setlike_view(other)) {
        intptr_t ls = wf_len(self), lo = wf_len(other);
        if (lo > ls) {
            Value t = self;
            self = other;
            other = t;
        }
    }
    Value it = wf_iter(other), x;
    if (!it)
        return 0;
    int c = 0;
    while (c == 0 && (x = wf_next(it))) {
        c = wf_contains(self, x);
        wf_decref(x);
    }
    wf_decref(it);
    if (c < 0 || (c == 0 && wf_err_occurred()))
        return 0;
    return wf_bool(c == 0);
}

static const MethodDef setview_methods[] = {
    {"isdisjoint", dv_isdisjoint, 0, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dv_reversed, 0, "Return a reverse iterator over the dict keys."},
    {NULL},
};

static const MethodDef values_methods[] = {
    {"__reversed__", dv_reversed, 0, "Return a reverse iterator over the dict values."},
    {NULL},
};

static const GetSetDef dv_getset[] = {
    {"mapping", dv_mapping, NULL},
    {NULL},
};

TypeObject wf_type_dict_keys = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = dv_dealloc,
    .tp_repr = dv_repr,
    .tp_hash = dv_unhashable,
    .tp_richcompare = dv_richcompare,
    .tp_iter = dv_iter,
    .tp_len = dv_len,
    .tp_contains = keys_contains,
    .tp_binop = dv_binop,
    .tp_methods = setview_methods,
    .tp_getset = dv_getset,
};

TypeObject wf_type_dict_items = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = dv_dealloc,
    .tp_repr = dv_repr,
    .tp_hash = dv_unhashable,
    .tp_richcompare = dv_richcompare,
    .tp_iter = dv_iter,
    .tp_len = dv_len,
    .tp_contains = items_contains,
    .tp_binop = dv_binop,
    .tp_methods = setview_methods,
    .tp_getset = dv_getset,
};

TypeObject wf_type_dict_values = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictViewObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = dv_dealloc,
    .tp_repr = dv_repr,
    .tp_iter = dv_iter,
    .tp_len = dv_len,
    .tp_contains = values_contains,
    .tp_methods = values_methods,
    .tp_getset = dv_getset,
};

void wf_dictview_init(void)
{
    TypeObject *types[] = {
        &wf_type_dict_keys, &wf_type_dict_values, &wf_type_dict_items,
        &wf_type_dict_keyiter, &wf_type_dict_valueiter, &wf_type_dict_itemiter,
        &wf_type_dict_revkeyiter, &wf_type_dict_revvalueiter, &wf_type_dict_revitemiter,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        wf_type_ready(types[i]);
    wf_dict_set(wf_type_dict_keys.tp_dict, WF_ID(__hash__), wf_None);
    wf_dict_set(wf_type_dict_items.tp_dict, WF_ID(__hash__), wf_None);
}
