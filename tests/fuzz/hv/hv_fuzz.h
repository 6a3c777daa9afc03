/* SPDX-License-Identifier: Apache-2.0 */
/* hv_fuzz.h - the stub arch layer's controls for the hypervisor harnesses. */
#ifndef VZLET_HV_FUZZ_H
#define VZLET_HV_FUZZ_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include <vzlet/hv.h>

extern uint32_t host_cp0[32][8], host_gcp0[32][8];
extern uint32_t host_gpr[32];
extern size_t host_tx_count;

uint32_t host_sfr_word(uint32_t pa);
void host_sfr_set(uint32_t pa, uint32_t v);
void host_uart_input(const uint8_t *p, size_t n);
void host_switch_to(struct vz_vm *vm);

/* vz_launch returns to host_launched; the idle loop ends an input at
 * host_idle_exit after host_idle_waits waits with nothing to run (each
 * harness sets it, with setjmp, before host_boot). */
extern jmp_buf host_launched, host_idle_exit;
extern unsigned host_idle_waits;

void hv_main(void) __attribute__((noreturn));   /* core/main.c */

/* Boot the test system (tables.c) with the real hv_main: VM 1 running. */
void host_boot(void);

#endif
