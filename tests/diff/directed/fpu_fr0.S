/* SPDX-License-Identifier: Apache-2.0 */
/* fpu_fr0.S - directed FPU differential cases with Status.FR = 0 (doubles in
 * even/odd register pairs). */
#define BLOB_FLAGS DIFF_FLAG_FP
#include "directed.h"
#include "fpu_cases.h"
