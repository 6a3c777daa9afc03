/* SPDX-License-Identifier: Apache-2.0 */
/* irq.h - interrupt controller (EVIC) helpers. IRQ numbers equal vector
 * numbers for the sources the library knows (timers, UARTs, core timer). */
#ifndef GUEST_IRQ_H
#define GUEST_IRQ_H

#include <stdbool.h>
#include <stdint.h>

void irq_set_priority(unsigned irq, unsigned priority /* 1..7 */, unsigned sub /* 0..3 */);
void irq_enable(unsigned irq);
void irq_disable(unsigned irq);
void irq_clear(unsigned irq);       /* clear the IFS flag */
bool irq_pending(unsigned irq);

/* Core interrupt enable (Status.IE). */
void irq_global_enable(void);
uint32_t irq_save_disable(void);    /* returns the old Status for irq_restore */
void irq_restore(uint32_t status);

#endif
