/* SPDX-License-Identifier: Apache-2.0 */
/* simload.h - a strict, quiet simulator with an image loaded and reset, for
 * the drivers that single-step a whole system (vmswitch.c, partbench.c). */
#ifndef HVB_SIMLOAD_H
#define HVB_SIMLOAD_H

#include <stddef.h>

#include "vzsim.h"

/* NULL with a message in err if out of memory or the image does not load. */
struct machine *simload_image(const char *image, char *err, size_t errlen);

#endif
