/* SPDX-License-Identifier: Apache-2.0 */
/* diff_main.c - the differential-test driver: runs every case of the blob in
 * RAM and leaves one result block per case in RAM.
 *
 * Platform shim (decided at run time, so that one binary runs on both
 * machines; not from PRId, which a VZ guest cannot read without an exit):
 *  - vzlet-sim: its host harness writes DIFF_PLATFORM_SIM at DIFF_PLATFORM_PA
 *    before the run and reads the result blocks with vzsim_peek once the
 *    mailbox says "done";
 *  - QEMU mipssim (24Kf): the results are printed in hex on the 16550 UART at
 *    0xBFD003F8, then the UHI semihosting exit call ends QEMU.
 */
#include <stdint.h>

#include "../diff_abi.h"

#define KSEG0(pa)   ((volatile uint32_t *)(uintptr_t)(DIFF_KSEG0 | (pa)))
#define KSEG1(pa)   ((volatile uint32_t *)(uintptr_t)(0xA0000000u | (pa)))

#define STATUS_CU1  0x20000000u
#define STATUS_FR   0x04000000u
#define STATUS_BEV  0x00400000u
#define STATUS_MX   0x01000000u

/* mipssim's 16550 (byte registers) */
#define UART16550   ((volatile uint8_t *)(uintptr_t)0xBFD003F8u)
#define U16550_THR  0
#define U16550_LSR  5
#define U16550_LSR_THRE 0x20

/* Mailbox words (tests/lib/test_mailbox.h convention). */
#define MB_MAGIC    0x7E57AB1Eu
#define MB_RUNNING  0u
#define MB_PASS     1u
#define MB_FAIL     2u

uint32_t diff_fp_flags;               /* read by diff_start.S */
uint32_t diff_c_save[12];             /* C callee-saved state across a case */

void diff_run_case(const volatile uint32_t *table_entry, volatile uint32_t *result);
void diff_set_status(uint32_t status);
void diff_semihost_exit(int code);
void diff_main(void);
void diff_fatal_exception(uint32_t cause, uint32_t epc, uint32_t badvaddr);

static int on_qemu;

static void uart_putc(char c)
{
	while (!(UART16550[U16550_LSR] & U16550_LSR_THRE))
		;
	UART16550[U16550_THR] = (uint8_t)c;
}

static void uart_puts(const char *s)
{
	while (*s)
		uart_putc(*s++);
}

static void uart_hex(uint32_t v)
{
	static const char digits[] = "0123456789abcdef";
	for (int shift = 28; shift >= 0; shift -= 4)
		uart_putc(digits[(v >> shift) & 0xF]);
}

static void mailbox_set(uint32_t status, uint32_t count, uint32_t id, uint32_t d0, uint32_t d1)
{
	volatile uint32_t *mb = KSEG1(DIFF_MAILBOX_PA);
	mb[2] = count;
	mb[3] = id;
	mb[4] = d0;
	mb[5] = d1;
	mb[1] = status;
}

static void finish(uint32_t status, uint32_t count, uint32_t id, uint32_t d0, uint32_t d1)
{
	if (on_qemu) {
		if (status != MB_PASS) {
			uart_puts("VZDIFF-FATAL ");
			uart_hex(id);
			uart_putc(' ');
			uart_hex(d0);
			uart_putc(' ');
			uart_hex(d1);
			uart_putc('\n');
		}
		diff_semihost_exit(status == MB_PASS ? 0 : 1);
	}
	mailbox_set(status, count, id, d0, d1);
	for (;;)
		__asm__ volatile("wait");
}

void diff_fatal_exception(uint32_t cause, uint32_t epc, uint32_t badvaddr)
{
	(void)badvaddr;
	finish(MB_FAIL, 0, 0xE0000000u | ((cause >> 2) & 0x1F), epc, cause);
}

/* Random scratch contents, without quiet NaNs (single words, or doubles in
 * aligned pairs) other than the default ones: QEMU and vzlet-sim treat NaN
 * payloads differently (docs/testing.md), and FP loads read this buffer. */
static uint32_t no_quiet_nan_single(uint32_t w)
{
	if ((w & 0x7F800000u) == 0x7F800000u && (w & 0x007FFFFFu) && !(w & 0x00400000u) &&
	    w != 0x7FBFFFFFu)
		w ^= 0x00800000u;
	return w;
}

static void fill_scratch(uint32_t seed)
{
	volatile uint32_t *s = KSEG0(DIFF_SCRATCH_PA);
	uint32_t x = seed ? seed : 1;
	for (unsigned i = 0; i < DIFF_SCRATCH_SIZE / 4; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		uint32_t w = no_quiet_nan_single(x);
		/* odd word = high half of a double: no quiet double NaN either */
		if ((i & 1) && (w & 0x7FF00000u) == 0x7FF00000u && !(w & 0x00080000u) &&
		    ((w & 0x000FFFFFu) || s[i - 1]))
			w ^= 0x40000000u;
		s[i] = w;
	}
}

static void dump_results(uint32_t ncases)
{
	uart_puts(DIFF_DUMP_BEGIN " ");
	uart_hex(ncases);
	uart_putc('\n');
	for (uint32_t i = 0; i < ncases; i++) {
		volatile uint32_t *r = KSEG0(DIFF_RESULT_PA + i * DIFF_RESULT_SIZE);
		for (unsigned w = 0; w < RB_END / 4; w++)
			uart_hex(r[w]);
		uart_putc('\n');
	}
	uart_puts(DIFF_DUMP_END "\n");
}

void diff_main(void)
{
	volatile uint32_t *blob = KSEG0(DIFF_BLOB_PA);

	on_qemu = *KSEG1(DIFF_PLATFORM_PA) != DIFF_PLATFORM_SIM;
	volatile uint32_t *mb = KSEG1(DIFF_MAILBOX_PA);
	mb[0] = MB_MAGIC;
	mb[1] = MB_RUNNING;

	if (blob[BH_MAGIC / 4] != DIFF_BLOB_MAGIC)
		finish(MB_FAIL, 0, 0xB0000001u, blob[BH_MAGIC / 4], 0);
	uint32_t ncases = blob[BH_NCASES / 4];
	if (ncases > DIFF_MAX_CASES)
		finish(MB_FAIL, 0, 0xB0000002u, ncases, 0);

	diff_fp_flags = blob[BH_FLAGS / 4];
	uint32_t status = STATUS_BEV;
	if (diff_fp_flags & DIFF_FLAG_FP)
		status |= STATUS_CU1;
	if (diff_fp_flags & DIFF_FLAG_FR1)
		status |= STATUS_FR;
	if (diff_fp_flags & DIFF_FLAG_DSP)
		status |= STATUS_MX;
	diff_set_status(status);

	for (uint32_t i = 0; i < ncases; i++) {
		volatile uint32_t *entry = blob + (BH_TABLE + i * CT_SIZE) / 4;
		volatile uint32_t *r = KSEG0(DIFF_RESULT_PA + i * DIFF_RESULT_SIZE);
		for (unsigned w = 0; w < DIFF_RESULT_SIZE / 4; w++)
			r[w] = 0;
		fill_scratch(entry[CT_SCRATCH_SEED / 4]);
		diff_run_case(entry, r);
		volatile uint32_t *s = KSEG0(DIFF_SCRATCH_PA);
		for (unsigned w = 0; w < DIFF_SCRATCH_SIZE / 4; w++)
			r[RB_SCRATCH / 4 + w] = s[w];
	}
	if (on_qemu)
		dump_results(ncases);
	finish(MB_PASS, ncases, 0, 0, 0);
}
