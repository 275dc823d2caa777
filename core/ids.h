/* weft: interned identifier strings used from C. */
/* Identifier names -> immortal interned str Values (WF_ID(__init__)). */
#ifndef WF_IDS_H
#define WF_IDS_H

#include "object.h"

/* Every identifier C code looks up by name. Add a row, never reorder by hand:
 * the table is generated from this list. wf_ids_init() (core/str.c) interns
 * them all at start-up. */
#define WF_IDS(X) \
    X(__init__) X(__new__) X(__del__) X(__repr__) X(__str__) X(__format__) \
    X(__hash__) X(__bool__) X(__len__) X(__eq__) X(__ne__) X(__lt__) X(__le__) \
    X(__gt__) X(__ge__) X(__getattr__) X(__getattribute__) X(__setattr__) \
    X(__delattr__) X(__get__) X(__set__) X(__delete__) X(__getitem__) \
    X(__setitem__) X(__delitem__) X(__contains__) X(__iter__) X(__next__) \
    X(__reversed__) X(__call__) X(__enter__) X(__exit__) X(__int__) X(__float__) \
    X(__index__) X(__round__) X(__trunc__) X(__floor__) X(__ceil__) \
    X(__neg__) X(__pos__) X(__invert__) X(__abs__) \
    X(__add__) X(__radd__) X(__iadd__) X(__sub__) X(__rsub__) X(__isub__) \
    X(__mul__) X(__rmul__) X(__imul__) X(__truediv__) X(__rtruediv__) X(__itruediv__) \
    X(__floordiv__) X(__rfloordiv__) X(__ifloordiv__) X(__mod__) X(__rmod__) X(__imod__) \
    X(__pow__) X(__rpow__) X(__ipow__) X(__lshift__) X(__rlshift__) X(__ilshift__) \
    X(__rshift__) X(__rrshift__) X(__irshift__) X(__and__) X(__rand__) X(__iand__) \
    X(__or__) X(__ror__) X(__ior__) X(__xor__) X(__rxor__) X(__ixor__) \
    X(__matmul__) X(__rmatmul__) X(__imatmul__) X(__divmod__) X(__rdivmod__) \
    X(__class__) X(__dict__) X(__doc__) X(__name__) X(__qualname__) X(__module__) \
    X(__slots__) X(__bases__) X(__mro__) X(__base__) X(__init_subclass__) \
    X(__set_name__) X(__class_getitem__) X(__missing__) X(__file__) X(__main__) \
    X(__builtins__) X(__import__) X(__spec__) X(__package__) X(__all__) \
    X(__annotations__) X(__length_hint__) X(__instancecheck__) X(__subclasscheck__) \
    X(__cause__) X(__context__) X(__traceback__) X(__suppress_context__) \
    X(__wrapped__) X(__func__) X(__self__) X(__defaults__) X(__kwdefaults__) \
    X(__code__) X(__globals__) X(__closure__) X(__sizeof__) X(__copy__) X(__deepcopy__) \
    X(__reduce__) X(__prepare__) X(__abstractmethods__) X(__weakref__) \
    X(args) X(value) X(code) X(msg) X(filename) X(lineno) X(offset) X(text) \
    X(name) X(keys) X(items) X(values) X(get) X(append) X(extend) X(write) \
    X(flush) X(read) X(readline) X(close) X(send) X(throw) X(start) X(stop) \
    X(step) X(real) X(imag) X(mro) X(fileno) X(encoding) X(end) X(sep) \
    X(file) X(key) X(reverse) X(default) X(stdout) X(stderr) X(stdin) X(argv) \
    X(path) X(modules) X(self) X(cls) X(builtins) X(sys) X(join) X(format) \
    X(strict) X(excepthook) X(exit)

typedef enum {
#define X(n) WF_ID_##n,
    WF_IDS(X)
#undef X
    WF_ID_COUNT
} WfIdIndex;

extern Value wf_ids[WF_ID_COUNT];
#define WF_ID(n) (wf_ids[WF_ID_##n])

#endif
