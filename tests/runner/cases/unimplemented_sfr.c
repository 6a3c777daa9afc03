/* SPDX-License-Identifier: Apache-2.0 */
/* unimplemented_sfr.c - writes an SFR address no peripheral decodes: passes
 * normally (the access is ignored with a warning), fails with --strict-sfr. */
#include "test.h"

#define NO_SUCH_SFR 0xBF80FF00u  /* inside the SFR window, no register there */

int test_main(void)
{
	*(volatile uint32_t *)NO_SUCH_SFR = 1;
	CHECK(1, 1);
	return 0;
}
