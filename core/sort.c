/* weft: list.sort, CPython's timsort. */
/* (list, key, reverse) -> the list sorted in place, a permutation even on error. */
#include "seq.h"
#include "critsec.h"

/*
 * list.sort empties the list while it sorts (as CPython does): key functions,
 * comparisons and other threads see [], and any change they make is detected
 * afterwards ("list modified during sort") and discarded.
 */

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
        if (!eq) {
            /* Nested tuples go through the guarded generic path: no
             * unbounded C recursion on deeply nested keys. */
            if (wf_is_tuple_exact(p) && wf_is_tuple_exact(q))
                return wf_richcompare_bool(p, q, WF_LT);
            return srt_lt(p, q);
        }
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
 * The algorithm is CPython 3.11's listsort (Objects/listobject.c, described
 * in Objects/listsort.txt), step for step, so that the comparisons made,
 * their order, and the list left behind when one raises are the same:
 *
 *  1. Find a natural run (strictly descending runs are reversed); extend
 *     short ones to minrun items by binary insertion.
 *  2. Push the run; merge pending runs by the powersort policy
 *     (found_new_run), and all of them at the end (merge_force_collapse).
 *  3. A merge copies the smaller run to a temporary area and merges back
 *     in place, galloping when one side keeps winning. On error the
 *     temporary items are copied back, so the array stays a permutation.
 */

#define TS_MIN_GALLOP 7
#define TS_MAX_PENDING 85

/* Keys to compare, and the values moved with them (NULL: keys are values). */
typedef struct SortSlice {
    Value *keys;
    Value *values;
} SortSlice;

typedef struct SortRun {
    SortSlice base;
    intptr_t len;
    int power;
} SortRun;

typedef struct MergeState {
    intptr_t min_gallop;
    Value *basekeys;          /* start of the whole array (powersort) */
    intptr_t listlen;
    SortSlice a;              /* temporary area, alloced items */
    intptr_t alloced;
    bool has_values;          /* sorting (key, value) pairs */
    int n;                    /* pending runs */
    SortRun pending[TS_MAX_PENDING];
} MergeState;

static void ss_copy(SortSlice *d, intptr_t i, const SortSlice *s, intptr_t j)
{
    d->keys[i] = s->keys[j];
    if (d->values)
        d->values[i] = s->values[j];
}

static void ss_copy_incr(SortSlice *d, SortSlice *s)
{
    *d->keys++ = *s->keys++;
    if (d->values)
        *d->values++ = *s->values++;
}

static void ss_copy_decr(SortSlice *d, SortSlice *s)
{
    *d->keys-- = *s->keys--;
    if (d->values)
        *d->values-- = *s->values--;
}

static void ss_memcpy(SortSlice *d, intptr_t i, const SortSlice *s, intptr_t j, intptr_t n)
{
    memcpy(&d->keys[i], &s->keys[j], (size_t)n * sizeof(Value));
    if (d->values)
        memcpy(&d->values[i], &s->values[j], (size_t)n * sizeof(Value));
}

static void ss_memmove(SortSlice *d, intptr_t i, const SortSlice *s, intptr_t j, intptr_t n)
{
    memmove(&d->keys[i], &s->keys[j], (size_t)n * sizeof(Value));
    if (d->values)
        memmove(&d->values[i], &s->values[j], (size_t)n * sizeof(Value));
}

static void ss_advance(SortSlice *s, intptr_t n)
{
    s->keys += n;
    if (s->values)
        s->values += n;
}

static void ts_reverse(Value *lo, Value *hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        Value t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static void ss_reverse(SortSlice *s, intptr_t n)
{
    ts_reverse(s->keys, s->keys + n);
    if (s->values)
        ts_reverse(s->values, s->values + n);
}

/* Binary insertion of [start, hi) into the sorted [lo, start). */
static int ts_binarysort(SortSlice lo, Value *hi, Value *start)
{
    if (lo.keys == start)
        ++start;
    for (; start < hi; ++start) {
        Value *l = lo.keys, *r = start, pivot = *r;
        do {
            Value *p = l + ((r - l) >> 1);
            int k = srt_lt(pivot, *p);
            if (k < 0)
                return -1;
            if (k)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        intptr_t li = l - lo.keys, si = start - lo.keys;
        memmove(l + 1, l, (size_t)(si - li) * sizeof(Value));
        *l = pivot;
        if (lo.values) {
            Value v = lo.values[si];
            memmove(&lo.values[li + 1], &lo.values[li], (size_t)(si - li) * sizeof(Value));
            lo.values[li] = v;
        }
    }
    return 0;
}

/* Length of the run at lo; *descending if strictly descending. */
static intptr_t ts_count_run(Value *lo, Value *hi, int *descending)
{
    intptr_t n;
    int k;
    *descending = 0;
    ++lo;
    if (lo == hi)
        return 1;
    n = 2;
    if ((k = srt_lt(*lo, *(lo - 1))) < 0)
        return -1;
    /* The run goes on while each item keeps the first pair's direction. */
    *descending = k;
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
        if ((k = srt_lt(*lo, *(lo - 1))) < 0)
            return -1;
        if (k != *descending)
            break;
    }
    return n;
}

/* Whether x belongs before the place key is inserted at: x < key for the
 * leftmost place, not key < x for the rightmost; -1 on error. */
static int ts_before(Value x, Value key, bool right)
{
    if (!right)
        return srt_lt(x, key);
    int k = srt_lt(key, x);
    return k < 0 ? k : !k;
}

/* The place to insert key in sorted a[0..n) (rightmost if right, else
 * leftmost), galloping from hint: CPython's gallop_left/gallop_right. */
static intptr_t ts_gallop(Value key, Value *a, intptr_t n, intptr_t hint, bool right)
{
    intptr_t ofs = 1, lastofs = 0, k;
    a += hint;
    if ((k = ts_before(*a, key, right)) < 0)
        return -1;
    if (k) {
        const intptr_t maxofs = n - hint;
        while (ofs < maxofs) {
            if ((k = ts_before(a[ofs], key, right)) < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        const intptr_t maxofs = hint + 1;
        while (ofs < maxofs) {
            if ((k = ts_before(*(a - ofs), key, right)) < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        intptr_t m = lastofs + ((ofs - lastofs) >> 1);
        if ((k = ts_before(a[m], key, right)) < 0)
            return -1;
        if (k)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
}

static intptr_t ts_gallop_left(Value key, Value *a, intptr_t n, intptr_t hint)
{
    return ts_gallop(key, a, n, hint, false);
}

static intptr_t ts_gallop_right(Value key, Value *a, intptr_t n, intptr_t hint)
{
    return ts_gallop(key, a, n, hint, true);
}

/* Room for need items in the temporary area. */
static void ts_getmem(MergeState *ms, intptr_t need)
{
    if (need <= ms->alloced)
        return;
    wf_mem_free(ms->a.keys);
    ms->a.keys = wf_mem_alloc((size_t)need * sizeof(Value) * (ms->has_values ? 2 : 1));
    ms->a.values = ms->has_values ? ms->a.keys + need : NULL;
    ms->alloced = need;
}

/* Merge the na items at ssa with the nb following at ssb; na <= nb. */
static int ts_merge_lo(MergeState *ms, SortSlice ssa, intptr_t na, SortSlice ssb, intptr_t nb)
{
    intptr_t k, min_gallop;
    SortSlice dest;
    int result = -1;
    ts_getmem(ms, na);
    ss_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;

    ss_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_b;

    min_gallop = ms->min_gallop;
    for (;;) {
        intptr_t acount = 0, bcount = 0;
        for (;;) {
            if ((k = srt_lt(ssb.keys[0], ssa.keys[0])) < 0)
                goto fail;
            if (k) {
                ss_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                if (--nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            } else {
                ss_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                if (--na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = ts_gallop_right(ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                ss_memcpy(&dest, 0, &ssa, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssa, k);
                na -= k;
                if (na == 1)
                    goto copy_b;
                if (na == 0)  /* only with an inconsistent comparison */
                    goto succeed;
            }
            ss_copy_incr(&dest, &ssb);
            if (--nb == 0)
                goto succeed;

            k = ts_gallop_left(ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                ss_memmove(&dest, 0, &ssb, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssb, k);
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            ss_copy_incr(&dest, &ssa);
            if (--na == 1)
                goto copy_b;
        } while (acount >= TS_MIN_GALLOP || bcount >= TS_MIN_GALLOP);
        ++min_gallop;  /* penalize leaving galloping mode */
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na)
        ss_memcpy(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    /* The last item of a belongs after all of b. */
    ss_memmove(&dest, 0, &ssb, 0, nb);
    ss_copy(&dest, nb, &ssa, 0);
    return 0;
}

/* Merge the na items at ssa with the nb following at ssb; na > nb. */
static int ts_merge_hi(MergeState *ms, SortSlice ssa, intptr_t na, SortSlice ssb, intptr_t nb)
{
    intptr_t k, min_gallop;
    SortSlice dest, basea, baseb;
    int result = -1;
    ts_getmem(ms, nb);
    dest = ssb;
    ss_advance(&dest, nb - 1);
    ss_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values)
        ssb.values = ms->a.values + nb - 1;
    ss_advance(&ssa, na - 1);

    ss_copy_decr(&dest, &ssa);
    if (--na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_a;

    min_gallop = ms->min_gallop;
    for (;;) {
        intptr_t acount = 0, bcount = 0;
        for (;;) {
            if ((k = srt_lt(ssb.keys[0], ssa.keys[0])) < 0)
                goto fail;
            if (k) {
                ss_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                if (--na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            } else {
                ss_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                if (--nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = ts_gallop_right(ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssa, -k);
                ss_memmove(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            ss_copy_decr(&dest, &ssb);
            if (--nb == 1)
                goto copy_a;

            k = ts_gallop_left(ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssb, -k);
                ss_memcpy(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                if (nb == 0)  /* only with an inconsistent comparison */
                    goto succeed;
            }
            ss_copy_decr(&dest, &ssa);
            if (--na == 0)
                goto succeed;
        } while (acount >= TS_MIN_GALLOP || bcount >= TS_MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb)
        ss_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
copy_a:
    /* The first item of b belongs before all of a. */
    ss_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    ss_advance(&dest, -na);
    ss_advance(&ssa, -na);
    ss_copy(&dest, 0, &ssb, 0);
    return 0;
}

/* Merge pending runs i and i+1. */
static int ts_merge_at(MergeState *ms, int i)
{
    SortSlice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    intptr_t na = ms->pending[i].len, nb = ms->pending[i + 1].len, k;
    ms->pending[i].len = na + nb;
    if (i == ms->n - 3)
        ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;
    /* Items of a before where b[0] goes are already in place. */
    k = ts_gallop_right(*ssb.keys, ssa.keys, na, 0);
    if (k < 0)
        return -1;
    ss_advance(&ssa, k);
    na -= k;
    if (na == 0)
        return 0;
    /* Items of b after where a[-1] goes are already in place. */
    nb = ts_gallop_left(ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0)
        return (int)nb;
    if (na <= nb)
        return ts_merge_lo(ms, ssa, na, ssb, nb);
    return ts_merge_hi(ms, ssa, na, ssb, nb);
}

/* Powersort's node power of the boundary between runs (s1, n1) and n2. */
static int ts_powerloop(intptr_t s1, intptr_t n1, intptr_t n2, intptr_t n)
{
    int result = 0;
    intptr_t a = 2 * s1 + n1, b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

static int ts_found_new_run(MergeState *ms, intptr_t n2)
{
    if (ms->n) {
        SortRun *p = ms->pending;
        intptr_t s1 = p[ms->n - 1].base.keys - ms->basekeys;
        intptr_t n1 = p[ms->n - 1].len;
        int power = ts_powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power)
            if (ts_merge_at(ms, ms->n - 2) < 0)
                return -1;
        p[ms->n - 1].power = power;
    }
    return 0;
}

static int ts_force_collapse(MergeState *ms)
{
    SortRun *p = ms->pending;
    while (ms->n > 1) {
        int n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len)
            --n;
        if (ts_merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

static intptr_t ts_minrun(intptr_t n)
{
    intptr_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* Sort keys[0..n) (and values alongside, if not NULL). */
static int ts_sort(Value *keys, Value *values, intptr_t n)
{
    MergeState ms = {.min_gallop = TS_MIN_GALLOP, .basekeys = keys, .listlen = n,
                     .has_values = values != NULL};
    SortSlice lo = {keys, values};
    intptr_t nremaining = n, minrun = ts_minrun(n);
    int r = 0;
    if (n < 2)
        return 0;
    do {
        int descending;
        intptr_t run = ts_count_run(lo.keys, lo.keys + nremaining, &descending);
        if (run < 0) {
            r = -1;
            break;
        }
        if (descending)
            ss_reverse(&lo, run);
        if (run < minrun) {
            intptr_t force = nremaining <= minrun ? nremaining : minrun;
            if (ts_binarysort(lo, lo.keys + force, lo.keys + run) < 0) {
                r = -1;
                break;
            }
            run = force;
        }
        if (ts_found_new_run(&ms, run) < 0) {
            r = -1;
            break;
        }
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = run;
        ++ms.n;
        ss_advance(&lo, run);
        nremaining -= run;
    } while (nremaining);
    if (r == 0)
        r = ts_force_collapse(&ms);
    if (ms.alloced)
        wf_mem_free(ms.a.keys);
    return r;
}

int wf_sort_values(Value *items, size_t n, Value *keys)
{
    return keys ? ts_sort(keys, items, (intptr_t)n) : ts_sort(items, NULL, (intptr_t)n);
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

/* Sorts items[0..n) in place: 0, or -1 with the exception set. */
static int srt_run(Value *items, size_t n, Value key, bool reverse)
{
    Value *keys = NULL;
    if (key && !(keys = srt_keys(key, items, n)))
        return -1;
    if (reverse) {
        srt_reverse(items, n);
        srt_reverse(keys ? keys : items, keys ? n : 0);
    }
    int r = wf_sort_values(items, n, keys);
    if (reverse) {
        srt_reverse(items, n);
        srt_reverse(keys ? keys : items, keys ? n : 0);
    }
    if (keys) {
        for (size_t i = 0; i < n; i++)
            wf_decref(keys[i]);
        wf_mem_free(keys);
    }
    return r;
}

/* Under the list's lock. Other threads see [] until the sorted items are
 * published (seq.h's rules): the list gets an empty block of its own, and
 * when other threads exist the sort works on a copy of the items, because
 * a reader may still be indexing the old block. */
static int srt_list_locked(ListObject *l, Value key, bool reverse)
{
    Value *items = l->items;
    size_t n = l->size;
    bool shared = wf_runtime_multithreaded();
    Value *work = items;
    if (shared && n) {
        work = wf_list_block_new(n);
        memcpy(work, items, n * sizeof(Value));
    }
    /* Capacity 0: any append, insert or clear by a callback replaces it. */
    Value *marker = wf_list_block_new(0);
    /* release: pairs with the readers' acquire loads (seq.h) */
    wf_atomic_store_release_usize(&l->size, 0);
    wf_atomic_store_release_ptr(&l->items, marker);
    l->allocated = 0;
    if (work != items)
        wf_list_block_free(items, true);

    int r = srt_run(work, n, key, reverse);

    /* Put the sorted items back; whatever the callbacks stored is dropped. */
    shared = wf_runtime_multithreaded();   /* a callback may have started a thread */
    Value *extra = l->items;
    size_t nextra = l->size;
    wf_atomic_store_release_ptr(&l->items, work);
    wf_atomic_store_release_usize(&l->size, n);
    l->allocated = work ? wf_list_block(work)->capacity : 0;
    if (extra != marker || nextra) {
        if (r == 0)
            wf_err_set_str(wf_exc_ValueError, "list modified during sort");
        r = -1;
    }
    for (size_t i = 0; i < nextra; i++) {
        if (shared)
            wf_defer_decref(extra[i]);
        else
            wf_decref(extra[i]);
    }
    /* extra is the marker, or what replaced it (whoever replaced the
     * marker freed it). */
    wf_list_block_free(extra, shared);
    return r;
}

int wf_list_sort(Value list, Value key, bool reverse)
{
    ListObject *l = wf_as_list(list);
    int r;
    /* Always locked: comparisons and key functions run Python code. */
    WF_CRITSEC_BEGIN(l);
    r = srt_list_locked(l, key, reverse);
    WF_CRITSEC_END();
    return r;
}
