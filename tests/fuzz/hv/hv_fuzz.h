/* SPDX-License-Identifier: Apache-2.0 */
/* hv_fuzz.h - the stub arch layer's controls for the hypervisor harnesses. */
#ifndef VZLET_HV_FUZZ_H
#define VZLET_HV_FUZZ_H

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

/* Boot the test system (tables.c) as hv_main would, VM 1 running. */
void host_boot(void);

#endif
