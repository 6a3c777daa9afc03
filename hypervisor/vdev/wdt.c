/* SPDX-License-Identifier: Apache-2.0 */
/* wdt.c - each VM's own watchdog timer: the PIC32MZ WDTCON (0x1F800C00 and
 * its CLR/SET/INV aliases) as the chip has it, with the VM's DEVCFG1 fields
 * from the tables (vz_vm_config.wdt_devcfg1). Where the chip resets itself,
 * the VM's "watchdog" event goes to the health monitor: on expiry, and on a
 * clear before the window opens in window mode. The chip's own WDT is never
 * a guest's (docs/isolation.md); simulator/soc/wdt.c models the same
 * register, and the two must agree (docs/health-monitor.md, "Watchdog").
 *
 *   31:16 WDTCLRKEY  a store that puts 0x5743 there (32 bits, or 16 at
 *                    WDTCON + 2; through the SET/INV alias too) clears the
 *                    timer; reads 0
 *   15    ON         forced to 1 while DEVCFG1.FWDTEN = 1
 *   12:8  RUNDIV     read-only: DEVCFG1.WDTPS
 *   0     WDTWINEN   window mode (forced by DEVCFG1.WINDIS = 0)
 * The period is 1 ms << WDTPS of wall-clock time (the LPRC does not stop
 * while the VM is off the CPU); it pauses while the VM is stopped. */
#include <vzlet/hv.h>

#define WDTCON_KEY_MASK 0xFFFF0000u
#define WDTCON_ON       0x00008000u
#define WDTCON_WINEN    0x00000001u
#define WDTCON_RUNDIV_SHIFT 8u
#define WDT_CLEAR_KEY   0x5743u
#define DEVCFG1_WINDIS  0x00008000u
#define DEVCFG1_FWDTEN  0x00800000u
#define DEVCFG1_WDTPS_SHIFT 16u
#define DEVCFG1_WINSZ_SHIFT 24u

/* Watchdog time is counted in units of 256 core-timer ticks (2.56 us at
 * 200 MHz) in 32 bits: the longest period (2^20 ms) is then far inside the
 * signed range, and no 64-bit arithmetic (bulky on MIPS32) is needed. */
#define UNIT_SHIFT 8u

static uint32_t now_units(void)
{
	return (uint32_t)(time_now() >> UNIT_SHIFT);
}

static unsigned wdtps(const struct vz_vm *vm)
{
	return (vm->cfg->wdt_devcfg1 >> DEVCFG1_WDTPS_SHIFT) & 0x1Fu;
}

/* Units of eighths of one period (1 ms << WDTPS; WDTPS <= 20, checked by
 * the configurator). */
static uint32_t eighths_units(const struct vz_vm *vm, unsigned eighths)
{
	uint64_t ticks = (uint64_t)(vz_system.sysclk_hz / 2000u / 8u * eighths) * (1u << wdtps(vm));
	return (uint32_t)(ticks >> UNIT_SHIFT);
}

/* The part of the period before the window opens: FWDTWINSZ 3 = window
 * 25 % (closed 6/8), 2 = 37.5 % (5/8), 1 = 50 % (4/8), 0 = 75 % (2/8). */
static uint32_t closed_units(const struct vz_vm *vm)
{
	static const uint8_t closed_eighths[4] = { 2u, 4u, 5u, 6u };
	return eighths_units(vm, closed_eighths[(vm->cfg->wdt_devcfg1 >> DEVCFG1_WINSZ_SHIFT) & 3u]);
}

static bool windowed(const struct vz_vm *vm)
{
	return (vm->wdtcon & WDTCON_WINEN) != 0u || (vm->cfg->wdt_devcfg1 & DEVCFG1_WINDIS) == 0u;
}

/* Bit n - 1: VM n's watchdog is on. Lets the time paths skip the watchdogs
 * with one test when none runs (time.c). */
uint32_t vwdt_on;

static void set_wdtcon(struct vz_vm *vm, uint32_t v)
{
	vm->wdtcon = v;
	if ((v & WDTCON_ON) != 0u) {
		vwdt_on |= 1u << (vm->id - 1u);
	} else {
		vwdt_on &= ~(1u << (vm->id - 1u));
	}
}

/* A new period from now. */
static void restart(struct vz_vm *vm)
{
	vm->wdt_start = now_units();
}

/* Units left of the period (negative: expired). */
static int32_t left(const struct vz_vm *vm, uint32_t now)
{
	return (int32_t)(vm->wdt_start + eighths_units(vm, 8u) - now);
}

bool vwdt_running(const struct vz_vm *vm)
{
	return (vm->wdtcon & WDTCON_ON) != 0u &&
	       (vm->state == (uint8_t)VM_RUNNABLE || vm->state == (uint8_t)VM_WAITING);
}

void vwdt_reset(struct vz_vm *vm)
{
	set_wdtcon(vm, (vm->cfg->wdt_devcfg1 & DEVCFG1_FWDTEN) != 0u ? WDTCON_ON : 0u);
	restart(vm);
}

void vwdt_resume(struct vz_vm *vm)
{
	restart(vm);
}

bool vwdt_read(const struct vz_vm *vm, uint32_t off, uint32_t *val)
{
	/* The aliases read 0, as the chip's do. */
	*val = off == 0u ? (vm->wdtcon | (uint32_t)wdtps(vm) << WDTCON_RUNDIV_SHIFT) : 0u;
	return true;
}

/* v: the 32-bit value stored to word off / 4 (0 WDTCON, 1 CLR, 2 SET, 3 INV),
 * a narrow store to WDTCON already merged with what it reads (blocks.c),
 * one to an alias with zeros: so byte stores never make the key. */
bool vwdt_write(struct vz_vm *vm, uint32_t off, uint32_t v)
{
	uint32_t old = vm->wdtcon;
	uint32_t nv = sfr_alias(old, v, (off >> 2) & 3u) & (WDTCON_KEY_MASK | WDTCON_ON | WDTCON_WINEN);
	bool key = (nv >> 16) == WDT_CLEAR_KEY;
	if ((vm->cfg->wdt_devcfg1 & DEVCFG1_FWDTEN) != 0u) {
		nv |= WDTCON_ON;
	}
	set_wdtcon(vm, nv & (WDTCON_ON | WDTCON_WINEN));
	if (((nv ^ old) & WDTCON_ON) != 0u) {
		restart(vm);                 /* switched on (or off): no clear */
	} else if (key && (nv & WDTCON_ON) != 0u) {
		bool early = windowed(vm) && now_units() - vm->wdt_start < closed_units(vm);
		restart(vm);
		/* The chip resets here: the event, after the clear took effect
		 * (an action may restart the VM, which sets its timer anew). */
		if (early) {
			health_event(vm, VZ_HM_WATCHDOG);
		}
	} else {
		/* a wrong key, or a clear while off: nothing */
	}
	return true;
}

/* The earliest expiry among the VMs' running watchdogs as a root Count
 * value, for time_program: false if none is due within max ticks. */
__attribute__((noinline)) bool vwdt_deadline(uint32_t max, uint32_t *due)
{
	bool any = false;
	uint32_t now = now_units();
	int32_t best = (int32_t)(max >> UNIT_SHIFT);
	for (unsigned i = 0; i < hv_fast.num_vms; i++) {
		const struct vz_vm *vm = &vz_vm_state[i];
		if (vwdt_running(vm) && left(vm, now) < best) {
			best = left(vm, now);
			any = true;
		}
	}
	*due = (now + (uint32_t)best) << UNIT_SHIFT;
	return any;
}

/* At each hypervisor timer interrupt: an expired watchdog is the VM's
 * "watchdog" event; with the "log" action the VM goes on and its watchdog
 * starts a new period (it fires again if still not cleared). */
__attribute__((noinline)) void vwdt_tick(void)
{
	uint32_t now = now_units();
	for (unsigned i = 0; i < hv_fast.num_vms; i++) {
		struct vz_vm *vm = &vz_vm_state[i];
		if (vwdt_running(vm) && left(vm, now) <= 0) {
			restart(vm);
			health_event(vm, VZ_HM_WATCHDOG);
		}
	}
}
