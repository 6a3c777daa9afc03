/* SPDX-License-Identifier: Apache-2.0 */
/* guest.h - the guest support library: start-up, memory layout, interrupt
 * and exception handlers. A guest is a bare-metal PIC32MZ program that runs
 * unchanged directly on the chip (after the chipKIT bootloader or
 * guests/lib/boot) and under the vzlet hypervisor. See docs/guest-lib.md. */
#ifndef GUEST_H
#define GUEST_H

#include <stddef.h>
#include <stdint.h>

#include "cp0.h"
#include "pic32mz.h"

/* The program: called by crt0 with interrupts off, EBase set, multi-vector
 * mode on and every GUEST_ISR installed. Returning halts the core. */
int main(void);

/* GUEST_ISR(vector, function): run `void function(void)` for interrupt
 * vector `vector` (0 core timer, 4 Timer1, 171 UART4 RX, ...). crt0 points
 * the vector's OFF register at a small stub that saves the caller-saved
 * registers and calls the function with EXL set (no nesting). The function
 * must clear the interrupt's IFS flag. */
#define GUEST_ISR(vector, function)                                            \
	void function(void);                                                   \
	__asm__(".pushsection .isr_stubs, \"ax\", @progbits\n"                 \
		".set push\n.set noreorder\n.set noat\n.align 2\n"             \
		"guest_isr_stub_" #vector ":\n"                                \
		"\tlui $27, %hi(" #function ")\n"                              \
		"\tj guest_isr_common\n"                                       \
		"\taddiu $27, $27, %lo(" #function ")\n"                       \
		".set pop\n.popsection\n"                                      \
		".pushsection .isr_table, \"a\", @progbits\n"                  \
		".align 2\n.word " #vector ", guest_isr_stub_" #vector "\n"    \
		".popsection\n")

/* Registers saved by the general exception vector. */
struct guest_exc_frame {
	uint32_t r[32];   /* r[0], r[26], r[27] are not saved */
	uint32_t hi, lo, epc, cause, status, badvaddr;
};
/* Called for every exception other than interrupts. The default (weak)
 * version prints the cause on the console UART and halts; a guest may
 * provide its own and return (after adjusting f->epc) to resume. */
void guest_exception(struct guest_exc_frame *f);
/* An interrupt arrived on a vector without GUEST_ISR. Default (weak):
 * report on the console and halt. */
void guest_spurious_interrupt(void);

/* Stop for good: interrupts off, WAIT forever. */
void guest_halt(void) __attribute__((noreturn));

/* Memory layout (guests/lib/guest.ld). */
extern char _ebase[];              /* exception base, 0x9D000000 */
extern char _guest_flash_start[], _guest_flash_size[];
extern char _guest_ram_start[], _guest_ram_size[];

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);

#endif
