/* weft: list.sort, a stable merge sort. */
/* (list, key, reverse) -> the list sorted in place, a permutation even on error. */
#include "seq.h"

/*
 * The sort works on (key, value) pairs: binary insertion sort makes runs of
 * SRT_RUN items, then bottom-up merge passes copy from one array into the
 * other. A pass only reads its source, so when a comparison raises, the
 * source still holds every item once: that is what the list gets back.
 * Adjacent runs that are already in order are copied without merging, so
 * sorted input costs about n comparisons.
 *
 * list.sort empties the list while it sorts (as CPython does): key functions
 * and comparisons see [], and any change they make is detected afterwards
 * ("list modified during sort") and discarded.
 */

#define SRT_RUN 32

typedef struct SortPair {
    Value k, v;
} SortPair;

static int srt_lt(Value a, Value b);

/* Both exact str: a < b by code point, which is UTF-8 byte order. */
static int srt_str_lt(StrObject *x, StrObject *y)
{
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    return c < 0 || (c == 0 && x->len < y->len);
}

/* a == b with the same fast paths; identity is checked by the caller. */
static int srt_eq(Value a, Value b)
{
    if (wf_is_small(a) && wf_is_small(b))
        return 0;
    if (wf_is_float_exact(a) && wf_is_float_exact(b))
        return wf_float_val(a) == wf_float_val(b);
    if (wf_is_str_exact(a) && wf_is_str_exact(b)) {
        StrObject *x = wf_as_str(a), *y = wf_as_str(b);
        return x->len == y->len && memcmp(x->data, y->data, x->len) == 0;
    }
    return wf_richcompare_bool(a, b, WF_EQ);
}

/* Two exact tuples, as tuple's richcompare: the first items that differ
 * decide, else the lengths. The items cannot go away: the tuples are
 * immutable and held by the array being sorted. */
static int srt_tuple_lt(TupleObject *x, TupleObject *y)
{
    size_t n = x->size < y->size ? x->size : y->size;
    for (size_t i = 0; i < n; i++) {
        Value p = x->items[i], q = y->items[i];
        if (p == q)
            continue;
        int eq = srt_eq(p, q);
        if (eq < 0)
            return -1;
        if (!eq)
            return srt_lt(p, q);
    }
    return x->size < y->size;
}

/* a < b: 1, 0, or -1 on error. Common exact types skip the generic path. */
static int srt_lt(Value a, Value b)
{
    if (wf_is_small(a) && wf_is_small(b))
        return (intptr_t)a < (intptr_t)b;  /* the tag keeps the order */
    if (wf_is_float_exact(a) && wf_is_float_exact(b))
        return wf_float_val(a) < wf_float_val(b);
    if (wf_is_str_exact(a) && wf_is_str_exact(b))
        return srt_str_lt(wf_as_str(a), wf_as_str(b));
    if (wf_is_tuple_exact(a) && wf_is_tuple_exact(b))
        return srt_tuple_lt(wf_as_tuple(a), wf_as_tuple(b));
    return wf_richcompare_bool(a, b, WF_LT);
}

/*
 * The algorithm, once per element type: NAME##_sort(T *a, size_t n) sorts by
 * KEY(element). Values alone when there is no key function (8 bytes moved
 * per item), (key, value) pairs otherwise.
 */
#define SRT_DEFINE(NAME, T, KEY)                                                  \
    /* Binary insertion; nothing moves before a search ends. */                  \
    static int NAME##_insertion(T *p, size_t n)                                  \
    {                                                                            \
        for (size_t i = 1; i < n; i++) {                                         \
            T pivot = p[i];                                                      \
            size_t lo = 0, hi = i;                                               \
            while (lo < hi) {                                                    \
                size_t mid = lo + (hi - lo) / 2;                                 \
                int c = srt_lt(KEY(pivot), KEY(p[mid]));                         \
                if (c < 0)                                                       \
                    return -1;                                                   \
                if (c)                                                           \
                    hi = mid;                                                    \
                else                                                             \
                    lo = mid + 1; /* after equal keys: stable */                 \
            }                                                                    \
            memmove(p + lo + 1, p + lo, (i - lo) * sizeof(T));                   \
            p[lo] = pivot;                                                       \
        }                                                                        \
        return 0;                                                                \
    }                                                                            \
    /* Merge src[lo..mid) and src[mid..hi) into dst[lo..hi). */                  \
    static int NAME##_merge(const T *src, T *dst, size_t lo, size_t mid, size_t hi) \
    {                                                                            \
        size_t i = lo, j = mid, k = lo;                                          \
        if (mid < hi && mid > lo) {                                              \
            int c = srt_lt(KEY(src[mid]), KEY(src[mid - 1]));                    \
            if (c < 0)                                                           \
                return -1;                                                       \
            if (!c) { /* already in order */                                     \
                memcpy(dst + lo, src + lo, (hi - lo) * sizeof(T));               \
                return 0;                                                        \
            }                                                                    \
        }                                                                        \
        while (i < mid && j < hi) {                                              \
            int c = srt_lt(KEY(src[j]), KEY(src[i]));                            \
            if (c < 0)                                                           \
                return -1;                                                       \
            dst[k++] = c ? src[j++] : src[i++];                                  \
        }                                                                        \
        memcpy(dst + k, src + i, (mid - i) * sizeof(T));                         \
        k += mid - i;                                                            \
        memcpy(dst + k, src + j, (hi - j) * sizeof(T));                          \
        return 0;                                                                \
    }                                                                            \
    static int NAME##_sort(T *a, size_t n)                                       \
    {                                                                            \
        for (size_t lo = 0; lo < n; lo += SRT_RUN)                               \
            if (NAME##_insertion(a + lo, n - lo < SRT_RUN ? n - lo : SRT_RUN) < 0) \
                return -1;                                                       \
        if (n <= SRT_RUN)                                                        \
            return 0;                                                            \
        T *tmp = wf_mem_alloc(n * sizeof(T));                                    \
        T *src = a, *dst = tmp;                                                  \
        int r = 0;                                                               \
        for (size_t w = SRT_RUN; w < n && r == 0; w *= 2) {                      \
            for (size_t lo = 0; lo < n && r == 0; lo += 2 * w) {                 \
                size_t mid = lo + w < n ? lo + w : n;                            \
                size_t hi = lo + 2 * w < n ? lo + 2 * w : n;                     \
                r = NAME##_merge(src, dst, lo, mid, hi);                         \
            }                                                                    \
            if (r == 0) {                                                        \
                T *t = src;                                                      \
                src = dst;                                                       \
                dst = t;                                                         \
            }                                                                    \
        }                                                                        \
        /* On success or failure, src holds all the items. */                    \
        if (src != a)                                                            \
            memcpy(a, src, n * sizeof(T));                                       \
        wf_mem_free(tmp);                                                        \
        return r;                                                                \
    }

#define SRT_KEY_VALUE(e) (e)
#define SRT_KEY_PAIR(e) ((e).k)
SRT_DEFINE(srt_values, Value, SRT_KEY_VALUE)
SRT_DEFINE(srt_pairs, SortPair, SRT_KEY_PAIR)

int wf_sort_values(Value *items, size_t n, Value *keys)
{
    if (n < 2)
        return 0;
    if (!keys)
        return srt_values_sort(items, n);
    SortPair *p = wf_mem_alloc(n * sizeof(SortPair));
    for (size_t i = 0; i < n; i++) {
        p[i].k = keys[i];
        p[i].v = items[i];
    }
    int r = srt_pairs_sort(p, n);
    for (size_t i = 0; i < n; i++) {
        items[i] = p[i].v;
        keys[i] = p[i].k;
    }
    wf_mem_free(p);
    return r;
}

static void srt_reverse(Value *a, size_t n)
{
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        Value t = a[i];
        a[i] = a[j - 1];
        a[j - 1] = t;
    }
}

/* keys[i] = key(items[i]); on error the keys made so far are released. */
static Value *srt_keys(Value key, const Value *items, size_t n)
{
    Value *keys = wf_mem_alloc((n ? n : 1) * sizeof(Value));
    for (size_t i = 0; i < n; i++) {
        keys[i] = wf_call1(key, items[i]);
        if (!keys[i]) {
            while (i-- > 0)
                wf_decref(keys[i]);
            wf_mem_free(keys);
            return NULL;
        }
    }
    return keys;
}

int wf_list_sort(Value list, Value key, bool reverse)
{
    ListObject *l = wf_as_list(list);
    Value *items = l->items;
    size_t n = l->size, alloc = l->allocated;
    /* While sorting, the list is empty with a one-slot buffer of its own:
     * any append, insert or clear by a callback leaves a trace. */
    Value *marker = wf_mem_alloc(sizeof(Value));
    l->items = marker;
    l->size = 0;
    l->allocated = 1;

    int r = 0;
    Value *keys = NULL;
    if (key && !(keys = srt_keys(key, items, n)))
        r = -1;
    if (r == 0) {
        if (reverse) {
            srt_reverse(items, n);
            srt_reverse(keys ? keys : items, keys ? n : 0);
        }
        r = wf_sort_values(items, n, keys);
        if (reverse) {
            srt_reverse(items, n);
            srt_reverse(keys ? keys : items, keys ? n : 0);
        }
    }

    /* Put the sorted items back; whatever the callbacks stored is dropped. */
    Value *extra = l->items;
    size_t nextra = l->size;
    l->items = items;
    l->size = n;
    l->allocated = alloc;
    if (extra != marker || nextra) {
        if (r == 0)
            wf_err_set_str(wf_exc_ValueError, "list modified during sort");
        r = -1;
    }
    for (size_t i = 0; i < nextra; i++)
        wf_decref(extra[i]);
    wf_mem_free(extra);
    if (keys) {
        for (size_t i = 0; i < n; i++)
            wf_decref(keys[i]);
        wf_mem_free(keys);
    }
    return r;
}
