/* SPDX-License-Identifier: Apache-2.0 */
/* fpu_fr1.S - directed FPU differential cases with Status.FR = 1. */
#define BLOB_FLAGS (DIFF_FLAG_FP | DIFF_FLAG_FR1)
#include "directed.h"
#include "fpu_cases.h"
