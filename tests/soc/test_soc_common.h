/* SPDX-License-Identifier: Apache-2.0 */
/* test_soc_common.h - helpers shared by the SoC unit tests: one fresh chip
 * per test, SFR access by KSEG1 address, and exact stepping of simulated
 * time through the event scheduler (no CPU execution involved). */
#ifndef TEST_SOC_COMMON_H
#define TEST_SOC_COMMON_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "machine.h"

extern struct machine *m;

int soc_setup(void **state);
int soc_setup_strict(void **state);
int soc_teardown(void **state);

uint32_t rd(uint32_t kseg1);
uint32_t rdn(uint32_t kseg1, unsigned size);
void wr(uint32_t kseg1, uint32_t val);
void wrn(uint32_t kseg1, unsigned size, uint32_t val);
/* Unlock with the SYSKEY sequence. */
void unlock(void);
/* Advance simulated time to `cycle`, running each event at its own time. */
void advance_to(uint64_t cycle);
void advance(uint64_t cycles);
/* IFS bit of a vector. */
bool ifs(unsigned vector);
void clear_ifs(unsigned vector);

#endif
