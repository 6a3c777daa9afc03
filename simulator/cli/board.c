/* SPDX-License-Identifier: Apache-2.0 */
/* board.c - the boards vzlet-sim models around the chip (--board NAME):
 * which pins carry user LEDs (active high: lit when the pin is an output
 * driving 1), which UART is the console, and what drives the button pins.
 * Pins as in systems/<board>.dtsi; facts and sources in docs/boards.md. */
#include <string.h>

#include "cli.h"

enum { PORT_A, PORT_B, PORT_C, PORT_D, PORT_E, PORT_F, PORT_G, PORT_H };

static const struct cli_board boards[] = {
	{ "wifire", "Digilent chipKIT Wi-Fire", VZSIM_BOARD_WIFIRE, 4, 4, {
		{ "LD1", PORT_G, 6 }, { "LD2", PORT_D, 4 }, { "LD3", PORT_B, 11 }, { "LD4", PORT_G, 15 },
	} },
	{ "dm320007", "Microchip PIC32MZ EF Starter Kit (DM320007) + MEB-II", VZSIM_BOARD_OTHER,
	  1, 3, {
		{ "LED1", PORT_H, 0 }, { "LED2", PORT_H, 2 }, { "LED3", PORT_H, 1 },
	} },
	{ "emz64", "Olimex PIC32-EMZ64", VZSIM_BOARD_OTHER, 4, 3, {
		{ "LED1", PORT_B, 8 }, { "LED2", PORT_B, 9 }, { "LED3", PORT_B, 10 },
	} },
};

const struct cli_board *board_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof boards / sizeof boards[0]; i++)
		if (strcmp(boards[i].name, name) == 0)
			return &boards[i];
	return NULL;
}

const struct cli_board *board_default(void)
{
	return &boards[0];
}
