/* SPDX-License-Identifier: Apache-2.0 */
/* terminal.c - raw mode for an interactive console: every key goes to the
 * simulated UART at once (Ctrl-C included); only CONSOLE_ESCAPE (Ctrl-])
 * is kept by the simulator. Output post-processing stays on so a bare "\n"
 * from the guest still starts a new line. */
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"

static struct termios saved;
static bool active;

void terminal_restore(void)
{
	if (active) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
		active = false;
	}
}

bool terminal_raw(void)
{
	static bool registered;
	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved) != 0)
		return false;
	struct termios raw = saved;
	raw.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	raw.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	raw.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
	raw.c_cflag |= CS8;
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return false;
	active = true;
	if (!registered) {
		atexit(terminal_restore);
		registered = true;
	}
	return true;
}
