/* SPDX-License-Identifier: Apache-2.0 */
/* exits.c - fuzz harness: the hypervisor's exit handling, instruction
 * decoding and device emulation (core/exit.c, core/emulate.c, vdev/,
 * hypercalls, interrupts, console), built for the host from the real sources
 * over the stub arch layer (arch_stub.c) and the system of tables.c.
 *
 * The input is a sequence of 20-byte events: op, a, b, c, then four
 * little-endian words w0..w3.
 *   op % 6 == 0  exception: ExcCode a, Cause.BD b & 1, GuestCtl0.GExcCode c,
 *                BadInstr w0, BadInstrP w1, EPC w2, BadVAddr w3
 *   1            guest GPR a = w0, HI = w1, LO = w2
 *   2            root interrupt: INTSTAT w0, IFS/IEC word b % 7 = w1/w2
 *   3            console input: the bytes a, b, c, w0..w3
 *   4            switch to VM 1 + a % 3 (if it may run)
 *   5            Count advances by w0: the core timer fires
 * As on the chip, the BadVAddr of a load/store the hypervisor emulates is
 * aligned to the access width (misaligned ones take an address error in
 * the guest before any TLB lookup). */
#include <string.h>

#include "hv_fuzz.h"
#include "../fuzz.h"

#define EVENT_SIZE 20

static uint32_t word(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* Natural width of a load or store opcode (0 if none). */
static unsigned access_width(uint32_t insn)
{
	switch (insn >> 26) {
	case 0x20: case 0x24: case 0x28: return 1;     /* LB LBU SB */
	case 0x21: case 0x25: case 0x29: return 2;     /* LH LHU SH */
	case 0x23: case 0x2B: case 0x30: case 0x38: return 4;   /* LW SW LL SC */
	}
	return 0;
}

static void exception(const uint8_t *e)
{
	unsigned exc = e[1] & 31;
	uint32_t insn = word(e + 4), addr = word(e + 16);
	if (exc == EXC_TLBL || exc == EXC_TLBS) {
		unsigned w = access_width(insn);
		if (w)
			addr &= ~(w - 1);
	}
	host_cp0[13][0] = (e[2] & 1 ? CA_BD : 0) | exc << CA_EXC_SHIFT;   /* Cause */
	host_cp0[12][6] = (host_cp0[12][6] & ~GC0_GEXC_MASK) |
			  (uint32_t)(e[3] & 31) << GC0_GEXC_SHIFT;
	host_cp0[8][1] = insn;                   /* BadInstr */
	host_cp0[8][2] = word(e + 8);            /* BadInstrP */
	host_cp0[14][0] = word(e + 12);          /* EPC */
	host_cp0[8][0] = addr;                   /* BadVAddr */
	hv_exception();
}

static void events(const uint8_t *data, size_t len)
{
	host_boot();
	for (; len >= EVENT_SIZE; data += EVENT_SIZE, len -= EVENT_SIZE) {
		const uint8_t *e = data;
		host_idle_waits = 0;
		switch (e[0] % 6) {
		case 0:
			if (hv_cur->state == VM_RUNNABLE)
				exception(e);
			break;
		case 1:
			host_gpr[e[1] & 31] = word(e + 4);
			hv_fast.hi = word(e + 8);
			hv_fast.lo = word(e + 12);
			break;
		case 2:
			host_sfr_set(0x1F810020u, word(e + 4));
			host_sfr_set(0x1F810040u + 0x10 * (e[2] % 7), word(e + 8));
			host_sfr_set(0x1F8100C0u + 0x10 * (e[2] % 7), word(e + 12));
			hv_interrupt();
			break;
		case 3:
			host_uart_input(e + 1, EVENT_SIZE - 1);
			con_interrupt_rx();
			break;
		case 4: {
			struct vz_vm *vm = vm_by_id(1u + e[1] % 3u);
			if (vm->state == VM_RUNNABLE)
				host_switch_to(vm);
			break;
		}
		default:
			host_cp0[9][0] += word(e + 4);
			time_interrupt();
			break;
		}
		sched_commit();
	}
}

void fuzz_one(const uint8_t *data, size_t len)
{
	if (!setjmp(host_idle_exit))
		events(data, len);
	/* else: idle with nothing left to run */
}
