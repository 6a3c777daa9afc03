/* SPDX-License-Identifier: Apache-2.0 */
/* exception.c - default reports for exceptions and interrupts a guest did
 * not expect: one line on the console, then halt. */
#include "guest.h"
#include "uart.h"

static const char *const exc_names[32] = {
	[0] = "Int", [1] = "Mod", [2] = "TLBL", [3] = "TLBS", [4] = "AdEL", [5] = "AdES",
	[6] = "IBE", [7] = "DBE", [8] = "Sys", [9] = "Bp", [10] = "RI", [11] = "CpU",
	[12] = "Ov", [13] = "Tr", [15] = "FPE", [19] = "TLBRI", [20] = "TLBXI",
	[23] = "WATCH", [24] = "MCheck", [26] = "DSPDis", [30] = "CacheErr",
};

__attribute__((weak)) void guest_exception(struct guest_exc_frame *f)
{
	unsigned code = CAUSE_EXCCODE(f->cause);
	const char *name = exc_names[code] ? exc_names[code] : "?";
	cprintf("\nguest: exception %u (%s) at EPC 0x%08x, BadVAddr 0x%08x, Cause 0x%08x, Status 0x%08x\n",
		code, name, (unsigned)f->epc, (unsigned)f->badvaddr, (unsigned)f->cause,
		(unsigned)f->status);
	uart_flush(CONSOLE_UART);
	guest_halt();
}

__attribute__((weak)) void guest_spurious_interrupt(void)
{
	cprintf("\nguest: interrupt without handler (INTSTAT 0x%08x)\n", (unsigned)SFR(INTSTAT));
	uart_flush(CONSOLE_UART);
	guest_halt();
}
