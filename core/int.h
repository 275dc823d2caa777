/* weft: private declarations shared by the numeric files. */
/* int/bool/float internals -> helpers for numfmt.c and the math/random modules. */
#ifndef WF_INT_H
#define WF_INT_H

#include <gmp.h>
#include "weft.h"

/* A heap int: an exact int outside the small range, or an instance of an int
 * subclass (any value). bool instances are BoolObject, not IntObject. */
typedef struct IntObject {
    Object ob;
    mpz_t z;
} IntObject;

/* A read-only mpz view of any int Value (tagged, bool, heap). Small values
 * borrow `limb` as storage, so no allocation happens. */
typedef struct IntView {
    mpz_t z;
    mp_limb_t limb;
} IntView;
mpz_srcptr wf_int_view(IntView *iv, Value v);

/* A new exact int from z (normalized: tagged when it fits). z is left intact. */
Value wf_int_from_mpz(mpz_srcptr z);
/* Same, but takes over z's storage (z must not be used or cleared afterwards). */
Value wf_int_steal_mpz(mpz_ptr z);
/* Small-or-bool value as a C integer when it fits the small range: 1 if so. */
bool wf_int_small_val(Value v, int64_t *out);

/* int(x) for x an int, float, str or object with __int__/__index__/__trunc__. */
Value wf_int_from_object(Value v);
/* An ASCII copy of UTF-8 number text: Unicode decimal digits become 0-9,
 * Unicode spaces ' ', anything else non-ASCII '?'. Free with wf_mem_free. */
char *wf_num_ascii(const char *s, size_t len, size_t *outlen);
/* Decimal digits of |v| (no sign); ValueError past the str-digit limit. */
char *wf_int_decimal(Value v, size_t *len, bool *neg);

/* bool's type setup, run by wf_int_init() once int is ready (core/bool.c). */
void wf_bool_init(void);

/* Float helpers (core/float.c). */
/* Shortest round-trip digits of finite nonzero |d|: fills digits (NUL-ended,
 * no leading zeros) and returns decpt: the value is 0.DIGITS * 10**decpt. */
int wf_float_shortest(double d, char *digits);
/* int or float operand -> double; 0 if v is neither (no exception), -1 on
 * OverflowError, 1 on success. */
int wf_float_convert(Value v, double *out);
/* round(x) and round(x, n) for floats. */
Value wf_float_round(double x, Value ndigits);

/* Numeric modules (registered by wf_float_init). */
Value wf_math_module_create(void);
Value wf_random_module_create(void);
Value wf_time_module_create(void);

/* Exact comparison of an int with a double: -1, 0, 1; 2 when d is NaN. */
int wf_int_cmp_double(Value i, double d);

#endif
