/* SPDX-License-Identifier: Apache-2.0 */
/* test_vz_policy.c - unit tests (cmocka) for the VZ decisions in
 * simulator/cpu/vz_policy.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cpu/vz_policy.h"

/* tinyVP's controls on silicon: GM|MC|CP0|AT=3|CG|SFC1, Ext NCC=1|CGI|FCD. */
#define TINYVP_GC0  0xBD000001u
#define TINYVP_GC0X 0x58u
#define CP0_ONLY    VZ_GC0_CP0

static void test_cp0_zero_traps_everything(void **state)
{
	(void)state;
	assert_int_equal(vz_policy_mfc0(12, 0, 0, 0), VZ_GPSI);
	assert_int_equal(vz_policy_mtc0(14, 0, 0, 0, 0, 1), VZ_GPSI);
	assert_int_equal(vz_policy_privop(VZ_OP_TLB, 0), VZ_GPSI);
	assert_int_equal(vz_policy_privop(VZ_OP_ERET, 0), VZ_GPSI);
	assert_int_equal(vz_policy_privop(VZ_OP_DEIE, 0), VZ_GPSI);
	assert_int_equal(vz_policy_cache(0x15, VZ_GC0_CG, VZ_GC0X_CGI), VZ_GPSI);
	/* With CP0 = 1 the same operations run on the guest context. */
	assert_int_equal(vz_policy_mfc0(12, 0, CP0_ONLY, 0), VZ_EXEC);
	assert_int_equal(vz_policy_mtc0(14, 0, CP0_ONLY, 0, 0, 1), VZ_EXEC);
	assert_int_equal(vz_policy_privop(VZ_OP_TLB, CP0_ONLY), VZ_EXEC);
	assert_int_equal(vz_policy_privop(VZ_OP_ERET, CP0_ONLY), VZ_EXEC);
}

static void test_always_gpsi_registers(void **state)
{
	(void)state;
	static const unsigned regs[][2] = {
		{15, 0}, {15, 2}, {12, 2}, {12, 3}, {12, 5}, {16, 6}, {16, 7},
		{18, 0}, {19, 0}, {23, 0}, {24, 0}, {25, 0}, {25, 1}, {26, 0},
		{27, 0}, {28, 0}, {28, 1}, {31, 0}, {12, 6}, {12, 7}, {11, 4},
		{10, 4}, {10, 5}, {10, 6},
	};
	for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++) {
		assert_int_equal(vz_policy_mfc0(regs[i][0], regs[i][1], 0xFFFFFFFFu, 0xFF), VZ_GPSI);
		assert_int_equal(vz_policy_mtc0(regs[i][0], regs[i][1], 0xFFFFFFFFu, 0xFF, 0, 0), VZ_GPSI);
	}
}

static void test_guest_timer_controls(void **state)
{
	(void)state;
	assert_int_equal(vz_policy_mfc0(9, 0, CP0_ONLY, 0), VZ_GPSI);
	assert_int_equal(vz_policy_mtc0(11, 0, CP0_ONLY, 0, 0, 5), VZ_GPSI);
	assert_int_equal(vz_policy_rdhwr(2, CP0_ONLY), VZ_GPSI);
	assert_int_equal(vz_policy_mfc0(9, 0, CP0_ONLY | VZ_GC0_GT, 0), VZ_EXEC);
	assert_int_equal(vz_policy_mtc0(11, 0, CP0_ONLY | VZ_GC0_GT, 0, 0, 5), VZ_EXEC);
	assert_int_equal(vz_policy_rdhwr(2, CP0_ONLY | VZ_GC0_GT), VZ_EXEC);
	assert_int_equal(vz_policy_rdhwr(0, CP0_ONLY), VZ_EXEC);
}

static void test_config_controls(void **state)
{
	(void)state;
	assert_int_equal(vz_policy_mfc0(16, 0, CP0_ONLY, 0), VZ_EXEC);
	assert_int_equal(vz_policy_mtc0(16, 0, CP0_ONLY, 0, 2, 3), VZ_GPSI);
	assert_int_equal(vz_policy_mtc0(16, 0, CP0_ONLY | VZ_GC0_CF, 0, 2, 3), VZ_EXEC);
	/* Config5 with CF = 1: its writable fields are all sensitive. */
	assert_int_equal(vz_policy_mtc0(16, 5, CP0_ONLY | VZ_GC0_CF, 0, 0, 0x100), VZ_GSFC);
	assert_int_equal(vz_policy_mtc0(16, 5, CP0_ONLY | VZ_GC0_CF, 0, 0, 0), VZ_EXEC);
}

static void test_wait_and_cache(void **state)
{
	(void)state;
	assert_int_equal(vz_policy_privop(VZ_OP_WAIT, 0xFFFFFFFFu), VZ_GPSI);
	assert_int_equal(vz_policy_privop(VZ_OP_DERET, 0xFFFFFFFFu), VZ_GPSI);
	/* Hit-type D-cache writeback invalidate (op 0x15) vs index store tag (0x09). */
	assert_int_equal(vz_policy_cache(0x15, CP0_ONLY, 0), VZ_GPSI);
	assert_int_equal(vz_policy_cache(0x15, CP0_ONLY | VZ_GC0_CG, 0), VZ_EXEC);
	assert_int_equal(vz_policy_cache(0x09, CP0_ONLY | VZ_GC0_CG, 0), VZ_GPSI);
	assert_int_equal(vz_policy_cache(0x09, CP0_ONLY | VZ_GC0_CG, VZ_GC0X_CGI), VZ_EXEC);
	/* Index Store Data (op[4:2] = 3) is index-type: it writes any line */
	assert_int_equal(vz_policy_cache(0x0D, CP0_ONLY | VZ_GC0_CG, 0), VZ_GPSI);
	assert_int_equal(vz_policy_cache(0x0D, CP0_ONLY | VZ_GC0_CG, VZ_GC0X_CGI), VZ_EXEC);
	assert_int_equal(vz_policy_cache(0x11, CP0_ONLY | VZ_GC0_CG, 0), VZ_EXEC); /* Hit Invalidate D */
}

static void test_gsfc_status(void **state)
{
	(void)state;
	const uint32_t st = 0x10000000u;  /* CU0 */
	/* CU1, FR, MX always sensitive. */
	assert_int_equal(vz_policy_mtc0(12, 0, CP0_ONLY, 0, st, st | 0x20000000u), VZ_GSFC);
	assert_int_equal(vz_policy_mtc0(12, 0, CP0_ONLY, 0, st, st | 0x04000000u), VZ_GSFC);
	assert_int_equal(vz_policy_mtc0(12, 0, CP0_ONLY, 0, st, st | 0x01000000u), VZ_GSFC);
	/* IE/IPL are the guest's own. */
	assert_int_equal(vz_policy_mtc0(12, 0, CP0_ONLY, 0, st, st | 0x0000FC01u), VZ_EXEC);
	/* Writing the same value of a sensitive field is no change. */
	assert_int_equal(vz_policy_mtc0(12, 0, CP0_ONLY, 0, st | 0x20000000u, st | 0x20000001u), VZ_EXEC);
	/* EXL/ERL/UM: sensitive with MC = 1 and FCD = 0 only. */
	assert_int_equal(vz_policy_mtc0(12, 0, CP0_ONLY, 0, st | 2, st), VZ_EXEC);
	assert_int_equal(vz_policy_mtc0(12, 0, CP0_ONLY | VZ_GC0_MC, 0, st | 2, st), VZ_GSFC);
	assert_int_equal(vz_policy_mtc0(12, 0, CP0_ONLY | VZ_GC0_MC, VZ_GC0X_FCD, st | 2, st), VZ_EXEC);
	/* BEV: sensitive only with SFC2. */
	assert_int_equal(vz_policy_mtc0(12, 0, CP0_ONLY, 0, st | 0x00400000u, st), VZ_EXEC);
	assert_int_equal(vz_policy_mtc0(12, 0, CP0_ONLY | VZ_GC0_SFC2, 0, st | 0x00400000u, st), VZ_GSFC);
}

static void test_gsfc_cause_intctl_pagegrain(void **state)
{
	(void)state;
	assert_int_equal(vz_policy_mtc0(13, 0, CP0_ONLY, 0, 0, 0x08000000u), VZ_GSFC); /* DC */
	assert_int_equal(vz_policy_mtc0(13, 0, CP0_ONLY, 0, 0, 0x00800000u), VZ_GSFC); /* IV */
	/* IP1:0 and WP: with SFC1 only. */
	assert_int_equal(vz_policy_mtc0(13, 0, CP0_ONLY, 0, 0, 0x100), VZ_EXEC);
	assert_int_equal(vz_policy_mtc0(13, 0, CP0_ONLY | VZ_GC0_SFC1, 0, 0, 0x100), VZ_GSFC);
	assert_int_equal(vz_policy_mtc0(12, 1, CP0_ONLY, 0, 0, 0x20), VZ_GSFC);
	assert_int_equal(vz_policy_mtc0(5, 1, CP0_ONLY, 0, 0, 0x80000000u), VZ_GSFC);
	/* tinyVP's settings: a Status.CU1 change exits. */
	assert_int_equal(vz_policy_mtc0(12, 0, TINYVP_GC0, TINYVP_GC0X, 0, 0x20000000u), VZ_GSFC);
}

static void test_ghfc(void **state)
{
	(void)state;
	assert_false(vz_policy_ghfc(CP0_ONLY, 0, true));
	assert_true(vz_policy_ghfc(CP0_ONLY | VZ_GC0_MC, 0, false));
	assert_false(vz_policy_ghfc(CP0_ONLY | VZ_GC0_MC, VZ_GC0X_FCD, false));
	/* tinyVP (MC = 1, FCD = 1) still learns about acceptance. */
	assert_true(vz_policy_ghfc(TINYVP_GC0, TINYVP_GC0X, true));
}

static void test_root_register_fields(void **state)
{
	(void)state;
	uint32_t r = vz_policy_gctl0_reset();
	assert_int_equal(r, 0x0C480080u);
	/* Read-only capability bits survive any write. */
	assert_int_equal(vz_policy_gctl0_write(r, 0), 0x0C480080u);
	assert_int_equal(vz_policy_gctl0_write(r, 0xFFFFFFFFu),
			 0xF383FC03u | 0x0C480080u);
	/* GExcCode is hardware's. */
	assert_int_equal(vz_policy_gctl0_write(r | (10u << 2), 0) & VZ_GC0_GEXC, 10u << 2);
	assert_int_equal(vz_policy_gctl0ext_write(0, 0xFF), 0xD8);
	assert_int_equal(vz_policy_gctl1_write(0, 0xFFFFFFFFu), 0x00FF00FFu);
	assert_int_equal(vz_policy_gctl2_write(0, 0xFFFFFFFFu), 0x3F3CFFFFu);
	assert_int_equal(vz_policy_gctl3_write(0, 0xFFFFFFFFu), 0xF);
}

static void test_guest_masks_and_reset(void **state)
{
	(void)state;
	assert_int_equal(vz_policy_guest_reset(12, 0), 0x00400004u);
	assert_int_equal(vz_policy_guest_reset(15, 1), 0x80000000u);
	assert_int_equal((vz_policy_guest_reset(16, 1) >> 25) & 0x3F, 14); /* 15 entries */
	assert_int_equal(vz_policy_guest_reset(16, 3) & 0x00800000u, 0); /* no nested VZ */
	assert_int_equal(vz_policy_guest_reset(16, 3) & 0x40, 0x40);     /* EIC */
	assert_int_equal(vz_policy_guest_wmask(15, 1), 0x3FFFF000u);
	assert_int_equal(vz_policy_guest_wmask(8, 0), 0);                /* BadVAddr ro */
	assert_int_equal(vz_policy_root_wmask(8, 0), 0xFFFFFFFFu);       /* root may */
	assert_int_equal(vz_policy_guest_wmask(16, 1), 0);
	assert_int_equal(vz_policy_root_wmask(16, 1), 0x7E000000u);
	assert_false(vz_policy_guest_has(15, 0));
	assert_int_equal(vz_policy_root_wmask(15, 0), 0);
	assert_true(vz_policy_guest_has(17, 0));
}

static void test_guest_interrupts(void **state)
{
	(void)state;
	const uint32_t gc2 = (3u << VZ_GC2_GRIPL_SHIFT) | 0x0218u;
	assert_true(vz_policy_guest_irq_pending(gc2, 0x1));               /* IE, IPL 0 */
	assert_false(vz_policy_guest_irq_pending(gc2, 0x0));              /* IE = 0 */
	assert_false(vz_policy_guest_irq_pending(gc2, 0x3));              /* EXL */
	assert_false(vz_policy_guest_irq_pending(gc2, 0x5));              /* ERL */
	assert_false(vz_policy_guest_irq_pending(gc2, 0x1 | (3u << 10))); /* IPL = RIPL */
	assert_true(vz_policy_guest_irq_pending(gc2, 0x1 | (2u << 10)));
	assert_false(vz_policy_guest_irq_pending(0x0218u, 0x1));          /* GRIPL 0 */
	assert_int_equal(vz_policy_guest_irq_offset(true, 1, gc2), 0x218);
	assert_int_equal(vz_policy_guest_irq_offset(true, 0, gc2), 0x200);
	assert_int_equal(vz_policy_guest_irq_offset(false, 1, gc2), 0x180);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cp0_zero_traps_everything),
		cmocka_unit_test(test_always_gpsi_registers),
		cmocka_unit_test(test_guest_timer_controls),
		cmocka_unit_test(test_config_controls),
		cmocka_unit_test(test_wait_and_cache),
		cmocka_unit_test(test_gsfc_status),
		cmocka_unit_test(test_gsfc_cause_intctl_pagegrain),
		cmocka_unit_test(test_ghfc),
		cmocka_unit_test(test_root_register_fields),
		cmocka_unit_test(test_guest_masks_and_reset),
		cmocka_unit_test(test_guest_interrupts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
