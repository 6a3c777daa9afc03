/* SPDX-License-Identifier: Apache-2.0 */
/* test_nvm.c - the flash controller: key sequence, word/quad/row program
 * (bits only cleared), page erase, boot flash aliases, WRERR. */
#include "test_soc_common.h"

#define NVMCON     0xBF800600u
#define NVMKEY     0xBF800610u
#define NVMADDR    0xBF800620u
#define NVMDATA(i) (0xBF800630u + 0x10 * (i))
#define NVMSRCADDR 0xBF800670u
#define WR    (1u << 15)
#define WREN  (1u << 14)
#define WRERR (1u << 13)

static void start(uint32_t op, bool with_key)
{
	wr(NVMCON, WREN | op);
	if (with_key) {
		wr(NVMKEY, 0);
		wr(NVMKEY, 0xAA996655u);
		wr(NVMKEY, 0x556699AAu);
	}
	wr(NVMCON + 8, WR);
	assert_int_equal(rd(NVMCON) & WR, 0);   /* completes at once */
}

static uint32_t flash_word(uint32_t pa)
{
	uint32_t v;
	assert_true(soc_read(m, pa, 4, &v));
	return v;
}

static void word_and_quad_program(void **state)
{
	(void)state;
	wr(NVMADDR, 0x1D000100u);
	wr(NVMDATA(0), 0x12345678u);
	start(1, false);                          /* no key: nothing happens */
	assert_int_equal(flash_word(0x1D000100u), 0xFFFFFFFFu);
	start(1, true);
	assert_int_equal(flash_word(0x1D000100u), 0x12345678u);
	assert_int_equal(rd(NVMCON) & WRERR, 0);
	/* Programming only clears bits. */
	wr(NVMDATA(0), 0xFFFF0000u);
	start(1, true);
	assert_int_equal(flash_word(0x1D000100u), 0x12340000u);
	/* Quad word, 16-byte aligned. */
	wr(NVMADDR, 0x1D00020Cu);
	for (unsigned i = 0; i < 4; i++)
		wr(NVMDATA(i), 0xA0000000u + i);
	start(2, true);
	for (unsigned i = 0; i < 4; i++)
		assert_int_equal(flash_word(0x1D000200u + 4 * i), 0xA0000000u + i);
}

static void row_program_and_erase(void **state)
{
	(void)state;
	for (uint32_t i = 0; i < 2048; i += 4)
		assert_true(soc_write(m, 0x1000u + i, 4, i * 7));
	wr(NVMSRCADDR, 0x1000u);
	wr(NVMADDR, 0x1D004800u);
	start(3, true);
	assert_int_equal(flash_word(0x1D004800u), 0);
	assert_int_equal(flash_word(0x1D004FFCu), 2044u * 7);
	assert_int_equal(flash_word(0x1D005000u), 0xFFFFFFFFu);
	/* Page erase (16 KB) brings it back. */
	wr(NVMADDR, 0x1D004000u);
	start(4, true);
	assert_int_equal(flash_word(0x1D004FFCu), 0xFFFFFFFFu);
}

static void boot_flash_and_errors(void **state)
{
	(void)state;
	/* Boot flash 1 is also the lower alias at 0x1FC00000. */
	wr(NVMADDR, 0x1FC40010u);
	wr(NVMDATA(0), 0x0BADC0DEu);
	start(1, true);
	assert_int_equal(flash_word(0x1FC00010u), 0x0BADC0DEu);
	/* Not flash: WRERR. */
	wr(NVMADDR, 0x00001000u);
	start(1, true);
	assert_true(rd(NVMCON) & WRERR);
	/* Without WREN nothing starts. */
	wr(NVMADDR, 0x1D000300u);
	wr(NVMDATA(0), 0);
	wr(NVMCON, 1);
	wr(NVMKEY, 0xAA996655u);
	wr(NVMKEY, 0x556699AAu);
	wr(NVMCON + 8, WR);
	assert_int_equal(flash_word(0x1D000300u), 0xFFFFFFFFu);
}

#define T(f) cmocka_unit_test_setup_teardown(f, soc_setup, soc_teardown)

int run_nvm_tests(void)
{
	const struct CMUnitTest tests[] = {
		T(word_and_quad_program), T(row_program_and_erase), T(boot_flash_and_errors),
	};
	return cmocka_run_group_tests_name("soc-nvm", tests, NULL, NULL);
}
