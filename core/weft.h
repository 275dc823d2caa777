/* weft: the umbrella header every core/ file may include. */
/* Everything -> one include. */
#ifndef WF_WEFT_H
#define WF_WEFT_H

#include "value.h"
#include "object.h"
#include "errors.h"
#include "thread.h"
#include "types.h"
#include "ids.h"
#include "interp.h"

#endif
