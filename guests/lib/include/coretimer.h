/* SPDX-License-Identifier: Apache-2.0 */
/* coretimer.h - time from the MIPS core timer (Count runs at SYSCLK/2 =
 * 100 MHz): busy delays, and WAIT-based sleeps that let the core (or, under
 * vzlet, the other guests) run something else meanwhile. */
#ifndef GUEST_CORETIMER_H
#define GUEST_CORETIMER_H

#include <stdint.h>

#define CT_TICKS_PER_US (CORETIMER_HZ / 1000000u)
#define CT_TICKS_PER_MS (CORETIMER_HZ / 1000u)

uint32_t ct_now(void);
/* Busy-wait. */
void delay_us(uint32_t us);
void delay_ms(uint32_t ms);
/* Sleep in WAIT until Count reaches target (less than 2^31 ticks ahead).
 * Uses the core timer interrupt (vector 0) as a wake-up only: it is never
 * taken, so no handler is needed. If interrupts were enabled, other
 * interrupts are serviced while sleeping; Status.IE, IEC0 and IPC0 are as
 * before afterwards. */
void ct_sleep_until(uint32_t target);
void sleep_ms(uint32_t ms);

#endif
