/* weft: Unicode character properties for str methods and repr. */
/* Code point -> property flags, case mappings, decimal values (tables: strunicode_tables.inc). */
#include "weft.h"
#include "strimpl.h"
#include "strunicode_tables.inc"

/* The tables are sorted by start code point; every lookup is a binary
 * search for the last entry starting at or before cp. ASCII never gets here
 * on the hot paths: callers test it inline first. */

unsigned wf_uc_flags(uint32_t cp)
{
    size_t lo = 0, hi = sizeof uc_flag_starts / sizeof uc_flag_starts[0];
    if (cp < 256)
        return uc_latin1_flags[cp];
    if (cp >= 0x110000)
        return 0;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (uc_flag_starts[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return uc_flag_values[lo];
}

static int uc_map(const UcCaseRun *runs, size_t nruns, const UcCaseMulti *multi,
                  size_t nmulti, bool to_lower, uint32_t cp, uint32_t out[3])
{
    /* ASCII letters map within ASCII for every kind (lower and fold alike,
     * upper and title alike). */
    if (cp < 128) {
        bool lo = cp >= 'a' && cp <= 'z', up = cp >= 'A' && cp <= 'Z';
        out[0] = to_lower ? (up ? cp + 32 : cp) : (lo ? cp - 32 : cp);
        return 1;
    }
    size_t lo = 0, hi = nmulti;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (multi[mid].cp == cp) {
            int n = 0;
            while (n < 3 && multi[mid].out[n])
                out[n] = multi[mid].out[n], n++;
            return n;
        }
        if (multi[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    out[0] = cp;
    if (nruns == 0 || cp < runs[0].start)
        return 1;
    lo = 0, hi = nruns;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (runs[mid].start <= cp)
            lo = mid;
        else
            hi = mid;
    }
    const UcCaseRun *r = &runs[lo];
    uint32_t off = cp - r->start;
    if (off % r->stride == 0 && off / r->stride < r->count)
        out[0] = (uint32_t)((int32_t)cp + r->delta);
    return 1;
}

#define UC_MAP(kind, to_lower, cp, out) \
    uc_map(uc_##kind##_runs, sizeof uc_##kind##_runs / sizeof(UcCaseRun), \
           uc_##kind##_multi, sizeof uc_##kind##_multi / sizeof(UcCaseMulti), to_lower, cp, out)

int wf_uc_lower(uint32_t cp, uint32_t out[3]) { return UC_MAP(lower, true, cp, out); }
int wf_uc_upper(uint32_t cp, uint32_t out[3]) { return UC_MAP(upper, false, cp, out); }
int wf_uc_title(uint32_t cp, uint32_t out[3]) { return UC_MAP(title, false, cp, out); }
int wf_uc_fold(uint32_t cp, uint32_t out[3]) { return UC_MAP(fold, true, cp, out); }

int wf_uc_decimal(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    size_t lo = 0, hi = sizeof uc_decimal_zeros / sizeof uc_decimal_zeros[0];
    if (cp < uc_decimal_zeros[0])
        return -1;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (uc_decimal_zeros[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t off = cp - uc_decimal_zeros[lo];
    return off < 10 ? (int)off : -1;
}
