/* SPDX-License-Identifier: Apache-2.0 */
/* test_dma.c - the DMA controller: block and cell transfers with their
 * timing, flags and interrupt requests, pattern match, start and abort
 * triggers from interrupt sources (UART4 transmit), chaining, priorities,
 * the CRC engine and address errors. */
#include "test_soc_common.h"

#define DMACON   0xBF811000u
#define DMASTAT  0xBF811010u
#define DMAADDR  0xBF811020u
#define DCRCCON  0xBF811030u
#define DCRCDATA 0xBF811040u
#define DCRCXOR  0xBF811050u
#define CH(n)    (0xBF811060u + 0xC0u * (n))
#define CON(n)   (CH(n) + 0x00)
#define ECON(n)  (CH(n) + 0x10)
#define INT(n)   (CH(n) + 0x20)
#define SSA(n)   (CH(n) + 0x30)
#define DSA(n)   (CH(n) + 0x40)
#define SSIZ(n)  (CH(n) + 0x50)
#define DSIZ(n)  (CH(n) + 0x60)
#define SPTR(n)  (CH(n) + 0x70)
#define DPTR(n)  (CH(n) + 0x80)
#define CSIZ(n)  (CH(n) + 0x90)
#define CPTR(n)  (CH(n) + 0xA0)
#define DAT(n)   (CH(n) + 0xB0)
#define SET 8

#define ON      (1u << 15)
#define CHBUSY  (1u << 15)
#define CHPATLEN (1u << 11)
#define CHEN    (1u << 7)
#define CHCHN   (1u << 5)
#define CHAEN   (1u << 4)
#define CFORCE  (1u << 7)
#define CABORT  (1u << 6)
#define PATEN   (1u << 5)
#define SIRQEN  (1u << 4)
#define AIRQEN  (1u << 3)
#define ERIF (1u << 0)
#define TAIF (1u << 1)
#define CCIF (1u << 2)
#define BCIF (1u << 3)
#define DHIF (1u << 4)
#define DDIF (1u << 5)
#define SHIF (1u << 6)
#define SDIF (1u << 7)
#define BCIE (1u << 19)

#define V_DMA0 134
#define V_U4TX 172

static void fill(uint32_t pa, unsigned n, uint8_t seed)
{
	for (unsigned i = 0; i < n; i++)
		m->ram[pa + i] = (uint8_t)(seed + i * 7);
}

static void program(unsigned ch, uint32_t src, uint32_t dst, uint32_t ssiz, uint32_t dsiz,
		    uint32_t csiz)
{
	wr(SSA(ch), src);
	wr(DSA(ch), dst);
	wr(SSIZ(ch), ssiz);
	wr(DSIZ(ch), dsiz);
	wr(CSIZ(ch), csiz);
}

/* 64 bytes RAM to RAM in one cell: 16 word transactions of 2 + 2 cycles
 * after a 2-cycle start; the last batch lands at exactly +66. */
static void block_copy_timing(void **state)
{
	(void)state;
	fill(0x1000, 64, 3);
	memset(m->ram + 0x2000, 0, 64);
	wr(DMACON, ON);
	program(0, 0x1000, 0x2000, 64, 64, 64);
	wr(INT(0), BCIE);
	wr(CON(0), CHEN | 3);
	uint64_t t0 = m->cycle;
	wr(ECON(0) + SET, CFORCE);
	assert_int_equal(rd(ECON(0)) & CFORCE, 0);     /* the command reads 0 */
	assert_true(rd(CON(0)) & CHBUSY);
	advance_to(t0 + 65);
	assert_int_not_equal(memcmp(m->ram + 0x1000, m->ram + 0x2000, 64), 0);
	assert_int_equal(memcmp(m->ram + 0x1000, m->ram + 0x2000, 48), 0);
	advance_to(t0 + 66);
	assert_memory_equal(m->ram + 0x1000, m->ram + 0x2000, 64);
	uint32_t f = rd(INT(0));
	assert_int_equal(f & 0xFF, BCIF | CCIF | SHIF | SDIF | DHIF | DDIF);
	assert_int_equal(rd(CON(0)) & (CHEN | CHBUSY), 0); /* no auto-enable: off */
	assert_int_equal(rd(SPTR(0)), 0);
	assert_true(ifs(V_DMA0));                        /* BCIE set: request */
	wr(INT(0), BCIE);                                /* flags cleared ... */
	clear_ifs(V_DMA0);
	assert_false(ifs(V_DMA0));                       /* ... the request goes */
}

/* Cells of 2 bytes, one per CFORCE; a smaller source repeats. */
static void cells_and_wrap(void **state)
{
	(void)state;
	fill(0x1000, 4, 0x40);
	memset(m->ram + 0x2000, 0, 16);
	wr(DMACON, ON);
	program(0, 0x1000, 0x2000, 4, 8, 2);
	wr(CON(0), CHEN | CHAEN);
	for (unsigned i = 0; i < 3; i++) {
		wr(ECON(0) + SET, CFORCE);
		advance(100);
		assert_true(rd(INT(0)) & CCIF);
		assert_false(rd(INT(0)) & BCIF);
		assert_int_equal(rd(DPTR(0)), 2 * (i + 1));
		wr(INT(0), 0);
	}
	wr(ECON(0) + SET, CFORCE);
	advance(100);
	assert_true(rd(INT(0)) & BCIF);
	assert_true(rd(CON(0)) & CHEN);                  /* auto-enable keeps it on */
	for (unsigned i = 0; i < 8; i++)
		assert_int_equal(m->ram[0x2000 + i], m->ram[0x1000 + i % 4]);
	assert_int_equal(m->ram[0x2008], 0);
}

/* Pattern match ends the block at the matching byte (1 and 2 bytes). */
static void pattern_match(void **state)
{
	(void)state;
	memcpy(m->ram + 0x1000, "ab\ncd\r\nef", 9);
	memset(m->ram + 0x2000, 0, 16);
	wr(DMACON, ON);
	program(0, 0x1000, 0x2000, 9, 9, 9);
	wr(DAT(0), '\n');
	wr(ECON(0), PATEN);
	wr(CON(0), CHEN);
	wr(ECON(0) + SET, CFORCE);
	advance(200);
	assert_true(rd(INT(0)) & BCIF);
	assert_memory_equal(m->ram + 0x2000, "ab\n\0", 4);
	/* two-byte pattern "\r\n" (CHPDAT = '\r' | '\n' << 8) */
	memset(m->ram + 0x2000, 0, 16);
	wr(INT(0), 0);
	wr(DAT(0), '\r' | '\n' << 8);
	wr(CON(0), CHEN | CHPATLEN);
	wr(ECON(0) + SET, CFORCE);
	advance(200);
	assert_true(rd(INT(0)) & BCIF);
	assert_memory_equal(m->ram + 0x2000, "ab\ncd\r\n\0", 8);
}

static struct { uint8_t byte[16]; unsigned n; } sent;
static void on_tx(void *ctx, int uart, uint8_t byte)
{
	(void)ctx;
	if (uart == 4 && sent.n < 16)
		sent.byte[sent.n++] = byte;
}

/* UART4's transmit request starts one 1-byte cell each time it asks. */
static void start_irq_uart_tx(void **state)
{
	(void)state;
	memset(&sent, 0, sizeof sent);
	vzsim_set_uart_tx(m, on_tx, NULL);
	memcpy(m->ram + 0x3000, "0123456789AB", 12);
	wr(0xBF822640u, 53);                   /* U4BRG */
	wr(0xBF822600u, 1u << 15);             /* U4MODE.ON */
	wr(DMACON, ON);
	program(1, 0x3000, 0x1F822620u, 12, 1, 1);
	wr(ECON(1), V_U4TX << 8 | SIRQEN);
	wr(0xBF822610u + SET, 1u << 10);       /* UTXEN */
	wr(CON(1), CHEN);
	assert_true(ifs(V_U4TX));                /* asserted before: no event yet */
	advance(1000);
	assert_int_equal(sent.n, 0);
	clear_ifs(V_U4TX);                       /* set again at once: a request */
	advance(10u * 16u * 54u * 2u * 14u);
	assert_int_equal(sent.n, 12);
	assert_memory_equal(sent.byte, "0123456789AB", 12);
	assert_true(rd(INT(1)) & BCIF);
	assert_int_equal(rd(CON(1)) & CHEN, 0);
}

/* The abort IRQ stops a transfer in progress and sets CHTAIF; CABORT
 * stops it without a flag. */
static void abort_triggers(void **state)
{
	(void)state;
	wr(DMACON, ON);
	program(0, 0x1000, 0x2000, 4096, 4096, 4096);
	wr(ECON(0), 40u << 16 | AIRQEN);       /* abort on Timer9's vector */
	wr(CON(0), CHEN);
	wr(ECON(0) + SET, CFORCE);
	advance(500);
	assert_true(rd(CON(0)) & CHBUSY);
	evic_raise(m, 40);
	assert_true(rd(INT(0)) & TAIF);
	assert_int_equal(rd(CON(0)) & (CHEN | CHBUSY), 0);
	assert_int_equal(rd(DPTR(0)), 0);
	uint8_t before = m->ram[0x2000 + 3000];
	advance(10000);
	assert_int_equal(m->ram[0x2000 + 3000], before); /* nothing more moved */
	wr(INT(0), 0);
	wr(ECON(0), 0);
	wr(CON(0), CHEN);
	wr(ECON(0) + SET, CFORCE);
	advance(100);
	wr(ECON(0) + SET, CABORT);
	assert_int_equal(rd(INT(0)) & TAIF, 0);
	assert_int_equal(rd(CON(0)) & CHBUSY, 0);
}

/* Channel 1 chained to channel 0 is enabled by its block end. */
static void chaining(void **state)
{
	(void)state;
	fill(0x1000, 16, 1);
	wr(DMACON, ON);
	program(0, 0x1000, 0x2000, 16, 16, 16);
	program(1, 0x2000, 0x3000, 16, 16, 16);
	wr(CON(1), CHCHN);
	wr(CON(0), CHEN);
	wr(ECON(0) + SET, CFORCE);
	assert_int_equal(rd(CON(1)) & CHEN, 0);
	advance(100);
	assert_true(rd(CON(1)) & CHEN);
	wr(ECON(1) + SET, CFORCE);
	advance(100);
	assert_memory_equal(m->ram + 0x1000, m->ram + 0x3000, 16);
}

/* The higher CHPRI is served first; with equal ones they alternate. */
static void priorities(void **state)
{
	(void)state;
	wr(DMACON, ON);
	program(0, 0x1000, 0x2000, 256, 256, 256);
	program(1, 0x1000, 0x3000, 256, 256, 256);
	wr(CON(0), CHEN | 0);
	wr(CON(1), CHEN | 3);
	wr(ECON(0) + SET, CFORCE);
	wr(ECON(1) + SET, CFORCE);
	/* channel 0 started first, channel 1 takes over at the first batch */
	advance(300);
	assert_true(rd(INT(1)) & BCIF);
	assert_false(rd(INT(0)) & BCIF);
	advance(300);
	assert_true(rd(INT(0)) & BCIF);
}

/* CRC-16/CCITT-FALSE of "123456789" is 0x29B1 (poly 0x1021, seed 0xFFFF). */
static void crc_engine(void **state)
{
	(void)state;
	memcpy(m->ram + 0x1000, "123456789", 9);
	wr(DMACON, ON);
	wr(DCRCXOR, 0x1021);
	wr(DCRCDATA, 0xFFFF);
	wr(DCRCCON, 1u << 7 | 15u << 8 | 2u);    /* CRCEN, 16 bits, channel 2 */
	program(2, 0x1000, 0x2000, 9, 9, 9);
	wr(CON(2), CHEN);
	wr(ECON(2) + SET, CFORCE);
	advance(200);
	assert_int_equal(rd(DCRCDATA), 0x29B1);
	assert_memory_equal(m->ram + 0x2000, "123456789", 9); /* background: copied */
}

/* A source nothing answers at: CHERIF, DMASTAT, DMAADDR. */
static void address_error(void **state)
{
	(void)state;
	wr(DMACON, ON);
	program(3, 0x10000000u, 0x2000, 8, 8, 8);
	wr(CON(3), CHEN);
	wr(ECON(3) + SET, CFORCE);
	advance(100);
	assert_true(rd(INT(3)) & ERIF);
	assert_int_equal(rd(DMAADDR), 0x10000000u);
	assert_int_equal(rd(DMASTAT), 1u << 31 | 3u);
	assert_int_equal(rd(CON(3)) & CHEN, 0);
}

int run_dma_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(block_copy_timing, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(cells_and_wrap, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(pattern_match, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(start_irq_uart_tx, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(abort_triggers, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(chaining, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(priorities, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(crc_engine, soc_setup, soc_teardown),
		cmocka_unit_test_setup_teardown(address_error, soc_setup, soc_teardown),
	};
	return cmocka_run_group_tests_name("dma", tests, NULL, NULL);
}
