/* SPDX-License-Identifier: Apache-2.0 */
/* vzlet_host_stub.h - CP0 access for host builds of the hypervisor's C code
 * (the fuzz harnesses in tests/fuzz/hv). vzlet/cp0.h includes this instead
 * of its instructions when VZLET_HOST_STUB is defined; the registers are
 * the variables of the stub arch layer (arch_stub.c). */
#ifndef VZLET_HOST_STUB_H
#define VZLET_HOST_STUB_H

#include <stdint.h>

uint32_t host_cp0_read(unsigned reg, unsigned sel);
void host_cp0_write(unsigned reg, unsigned sel, uint32_t v);
uint32_t host_gcp0_read(unsigned reg, unsigned sel);
void host_gcp0_write(unsigned reg, unsigned sel, uint32_t v);

#define mfc0(reg, sel)      host_cp0_read(reg, sel)
#define mtc0(reg, sel, v)   host_cp0_write(reg, sel, (uint32_t)(v))
#define mfgc0(reg, sel)     host_gcp0_read(reg, sel)
#define mtgc0(reg, sel, v)  host_gcp0_write(reg, sel, (uint32_t)(v))

static inline void ehb(void) { }
void cpu_wait(void);                    /* arch_stub.c: time jumps ahead */
static inline void jr_hb(void) { }
#define CACHE_OP(op, addr) ((void)(op), (void)(addr))
static inline void cache_flush_range(volatile void *va, uint32_t len)
{
	(void)va;
	(void)len;
}

#endif
