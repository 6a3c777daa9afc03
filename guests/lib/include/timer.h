/* SPDX-License-Identifier: Apache-2.0 */
/* timer.h - Timer1..9 as periodic interrupt sources, clocked by PBCLK3 (read
 * from PB3DIV: under vzlet the VM needs PB1DIV..PB8DIV read-only). */
#ifndef GUEST_TIMER_H
#define GUEST_TIMER_H

#include <stdint.h>

/* Interrupt vector (= IRQ number) of timer n. */
unsigned timer_irq(unsigned n);
/* Run timer n so that its interrupt flag rises hz times per second (the
 * prescaler is chosen for the best resolution). Returns 0, or -1 if hz is
 * out of range for the timer. Does not enable the interrupt. */
int timer_start_hz(unsigned n, uint32_t hz);
void timer_stop(unsigned n);

#endif
