/* weft: the _thread module. */
/* PLACEHOLDER until the free-threaded runtime lands: the file exists so meson lists it once. */
#include "weft.h"
