/* SPDX-License-Identifier: Apache-2.0 */
/* bench_main.c - the CPU-bound benchmark workload: integer kernels that
 * stress loads/stores, branches, multiplies and pointer chasing, repeated
 * BP_ITERATIONS times. Every kernel feeds a running checksum, so the result
 * proves that the whole work was done and done right on each machine.
 *
 * Kernels per iteration: linked-list build/walk/unlink, 16x16 matrix
 * multiply, bitwise CRC-32 over 1 KB, a tokenizer state machine over 1 KB of
 * text, and a quicksort of 256 words.
 */
#include <stdint.h>

#include "bench_abi.h"

#define PARAM ((volatile uint32_t *)(uintptr_t)(0xA0000000u | BENCH_PARAM_PA))

void bench_main(void);
void bench_semihost_exit(int code);
void bench_wait(void);

static uint32_t rng_state;

static uint32_t rng(void)
{
	uint32_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return rng_state = x;
}

/* ---- linked list ------------------------------------------------------ */

#define LIST_NODES 256
struct node {
	struct node *next;
	uint32_t key;
	uint32_t value;
};
static struct node nodes[LIST_NODES];

static uint32_t kernel_list(void)
{
	struct node *head = 0;
	/* Insert in key order, so each insertion walks the list. */
	for (unsigned i = 0; i < LIST_NODES; i++) {
		struct node *n = &nodes[i];
		n->key = rng() & 0xFFFF;
		n->value = i;
		struct node **pp = &head;
		while (*pp && (*pp)->key < n->key)
			pp = &(*pp)->next;
		n->next = *pp;
		*pp = n;
	}
	uint32_t sum = 0;
	for (struct node *n = head; n; n = n->next)
		sum = sum * 31 + n->key + n->value;
	/* Unlink every node whose value is odd. */
	for (struct node **pp = &head; *pp;) {
		if ((*pp)->value & 1)
			*pp = (*pp)->next;
		else
			pp = &(*pp)->next;
	}
	for (struct node *n = head; n; n = n->next)
		sum ^= n->key << (n->value & 15);
	return sum;
}

/* ---- matrix multiply -------------------------------------------------- */

#define MAT 16
static int32_t mat_a[MAT][MAT], mat_b[MAT][MAT], mat_c[MAT][MAT];

static uint32_t kernel_matrix(void)
{
	for (unsigned i = 0; i < MAT; i++)
		for (unsigned j = 0; j < MAT; j++) {
			mat_a[i][j] = (int32_t)(rng() & 0xFFF) - 0x800;
			mat_b[i][j] = (int32_t)(rng() & 0xFFF) - 0x800;
		}
	for (unsigned i = 0; i < MAT; i++)
		for (unsigned j = 0; j < MAT; j++) {
			int32_t acc = 0;
			for (unsigned k = 0; k < MAT; k++)
				acc += mat_a[i][k] * mat_b[k][j];
			mat_c[i][j] = acc;
		}
	uint32_t sum = 0;
	for (unsigned i = 0; i < MAT; i++)
		sum += (uint32_t)mat_c[i][i] ^ (uint32_t)mat_c[i][MAT - 1 - i];
	return sum;
}

/* ---- CRC-32 (IEEE, reflected, bit by bit) ----------------------------- */

#define CRC_BYTES 1024
static uint8_t crc_buf[CRC_BYTES];

static uint32_t kernel_crc(void)
{
	for (unsigned i = 0; i < CRC_BYTES; i += 4) {
		uint32_t v = rng();
		crc_buf[i] = (uint8_t)v;
		crc_buf[i + 1] = (uint8_t)(v >> 8);
		crc_buf[i + 2] = (uint8_t)(v >> 16);
		crc_buf[i + 3] = (uint8_t)(v >> 24);
	}
	uint32_t crc = 0xFFFFFFFFu;
	for (unsigned i = 0; i < CRC_BYTES; i++) {
		crc ^= crc_buf[i];
		for (unsigned b = 0; b < 8; b++)
			crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
	}
	return ~crc;
}

/* ---- state machine: a tokenizer --------------------------------------- */

#define TEXT_BYTES 1024
static char text[TEXT_BYTES];

enum tok_state { TS_SPACE, TS_WORD, TS_NUMBER, TS_STRING, TS_COMMENT };

static uint32_t kernel_tokenizer(void)
{
	static const char alphabet[] = "abc xyz 0123 \"q\" # \n,;=+";
	for (unsigned i = 0; i < TEXT_BYTES; i++)
		text[i] = alphabet[rng() % (sizeof alphabet - 1)];
	enum tok_state st = TS_SPACE;
	uint32_t words = 0, numbers = 0, strings = 0, comments = 0, punct = 0, hash = 0;
	for (unsigned i = 0; i < TEXT_BYTES; i++) {
		char ch = text[i];
		hash = hash * 33 + (uint8_t)ch;
		switch (st) {
		case TS_SPACE:
			if (ch >= 'a' && ch <= 'z') {
				st = TS_WORD;
				words++;
			} else if (ch >= '0' && ch <= '9') {
				st = TS_NUMBER;
				numbers++;
			} else if (ch == '"') {
				st = TS_STRING;
				strings++;
			} else if (ch == '#') {
				st = TS_COMMENT;
				comments++;
			} else if (ch != ' ' && ch != '\n') {
				punct++;
			}
			break;
		case TS_WORD:
			if (!(ch >= 'a' && ch <= 'z') && !(ch >= '0' && ch <= '9'))
				st = TS_SPACE;
			break;
		case TS_NUMBER:
			if (!(ch >= '0' && ch <= '9'))
				st = TS_SPACE;
			break;
		case TS_STRING:
			if (ch == '"')
				st = TS_SPACE;
			break;
		case TS_COMMENT:
			if (ch == '\n')
				st = TS_SPACE;
			break;
		}
	}
	return hash ^ (words << 24) ^ (numbers << 16) ^ (strings << 8) ^ comments ^ (punct << 4);
}

/* ---- quicksort --------------------------------------------------------- */

#define SORT_N 256
static uint32_t sort_buf[SORT_N];

static void quicksort(uint32_t *a, int lo, int hi)
{
	while (lo < hi) {
		uint32_t pivot = a[(lo + hi) / 2];
		int i = lo, j = hi;
		while (i <= j) {
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i <= j) {
				uint32_t t = a[i];
				a[i] = a[j];
				a[j] = t;
				i++;
				j--;
			}
		}
		/* Recurse into the smaller half, loop on the larger. */
		if (j - lo < hi - i) {
			quicksort(a, lo, j);
			lo = i;
		} else {
			quicksort(a, i, hi);
			hi = j;
		}
	}
}

static uint32_t kernel_sort(void)
{
	for (unsigned i = 0; i < SORT_N; i++)
		sort_buf[i] = rng();
	quicksort(sort_buf, 0, SORT_N - 1);
	uint32_t sum = 0;
	for (unsigned i = 1; i < SORT_N; i++) {
		if (sort_buf[i - 1] > sort_buf[i])
			return 0xBAD50127u;    /* not sorted: poisons the checksum */
		sum += sort_buf[i] >> (i & 7);
	}
	return sum;
}

/* ---- driver ------------------------------------------------------------ */

#define UART16550 ((volatile uint8_t *)(uintptr_t)0xBFD003F8u)

static void qemu_putc(char c)
{
	while (!(UART16550[5] & 0x20))
		;
	UART16550[0] = (uint8_t)c;
}

static void qemu_puts(const char *s)
{
	while (*s)
		qemu_putc(*s++);
}

static void qemu_hex(uint32_t v)
{
	for (int shift = 28; shift >= 0; shift -= 4)
		qemu_putc("0123456789abcdef"[(v >> shift) & 0xF]);
}

void bench_main(void)
{
	if (PARAM[BP_MAGIC / 4] != BENCH_MAGIC) {
		PARAM[BP_STATUS / 4] = 2;
		for (;;)
			bench_wait();
	}
	uint32_t iterations = PARAM[BP_ITERATIONS / 4];
	uint32_t checksum = 0;
	rng_state = 0x12345678u;
	for (uint32_t it = 0; it < iterations; it++) {
		checksum = (checksum << 5 | checksum >> 27) ^ kernel_list();
		checksum = (checksum << 5 | checksum >> 27) ^ kernel_matrix();
		checksum = (checksum << 5 | checksum >> 27) ^ kernel_crc();
		checksum = (checksum << 5 | checksum >> 27) ^ kernel_tokenizer();
		checksum = (checksum << 5 | checksum >> 27) ^ kernel_sort();
	}
	PARAM[BP_CHECKSUM / 4] = checksum;
	PARAM[BP_STATUS / 4] = 1;
	if (PARAM[BP_PLATFORM / 4] == BENCH_PLATFORM_QEMU) {
		qemu_puts("BENCH-DONE ");
		qemu_hex(iterations);
		qemu_putc(' ');
		qemu_hex(checksum);
		qemu_putc('\n');
		bench_semihost_exit(0);
	}
	for (;;)
		bench_wait();
}
