/* SPDX-License-Identifier: Apache-2.0 */
/* board.h - chipKIT Wi-Fire user LEDs (LD1 RG6, LD2 RD4, LD3 RB11, LD4 RG15,
 * active high) and buttons (BTN1 RA5, BTN2 RA4, high when pressed). */
#ifndef GUEST_BOARD_H
#define GUEST_BOARD_H

#include <stdbool.h>

void led_init(void);                 /* all four LEDs: outputs, off */
void led_init_one(unsigned n);       /* LD n only (n = 1..4): output, off */
void led_set(unsigned n, bool on);   /* n = 1..4 */
void led_toggle(unsigned n);
void button_init(void);
bool button_pressed(unsigned n);     /* n = 1..2 */

#endif
