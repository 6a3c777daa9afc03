/* SPDX-License-Identifier: Apache-2.0 */
/* board.c - chip set-up the hypervisor needs before anything else: flash
 * wait states/prefetch (PRECON) and the SYSKEY lock used around setup
 * writes. The clock itself comes from the DEVCFG words (200 MHz SPLL). */
#include <vzlet/hv.h>

#define SYSKEY 0x1F800030u
#define PRECON 0x1F8E0000u

void syskey_unlock(void)
{
	HV_REG32(SYSKEY) = 0;
	HV_REG32(SYSKEY) = 0xAA996655u;
	HV_REG32(SYSKEY) = 0x556699AAu;
}

void syskey_lock(void)
{
	HV_REG32(SYSKEY) = 0x33333333u;
}

void soc_board_init(void)
{
	/* 2 wait states at 200 MHz, prefetch for cacheable and non-cacheable. */
	HV_REG32(PRECON) = (HV_REG32(PRECON) & ~0x37u) | 0x30u | 2u;
}

void setup_apply(const struct vz_reg_write *w, unsigned n)
{
	if (n != 0u) {
		syskey_unlock();
		for (unsigned i = 0; i < n; i++) {
			HV_REG32(w[i].pa) = w[i].value;
		}
		syskey_lock();
	}
}
