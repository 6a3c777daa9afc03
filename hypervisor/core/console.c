/* SPDX-License-Identifier: Apache-2.0 */
/* console.c - the physical console: an output ring drained by the UART's TX
 * interrupt, per-guest tagged lines, input focus (Ctrl-E then a digit) and
 * the hypervisor's command loop (docs/console.md). */
#include <stdarg.h>
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define OUT_SIZE 4096u          /* power of two: a full status/TLB dump fits */
#define CTRL_E   0x05
#define ESC      0x1B
#define CSI8     0x9B           /* C1 CSI: ESC [ in one byte */
#define SS3_8    0x8F           /* C1 SS3: ESC O */

/* The output ring is shared by three kinds of text, each allowed to fill it
 * only up to its own limit, so that the more important kinds always find
 * room (docs/isolation.md, "Console output"):
 *   CON_FAULT    fault reports: the whole ring. At most 7 reports of two
 *                lines (< 160 bytes each) are outstanding, since a faulted
 *                VM stays stopped until the console restarts it.
 *   CON_REPLY    command replies and focus confirmations: all but
 *                FAULT_RESERVE. Input is only read while a whole reply fits
 *                (REPLY_MAX), so they are never dropped either.
 *   CON_CHATTER  guest text, logged writes, violations: all but
 *                FAULT_RESERVE + REPLY_RESERVE; what does not fit waits in
 *                the guest's line buffer or, for the hypervisor's chatter
 *                (rate-limited per VM), is dropped as whole lines and
 *                counted. */
#define FAULT_RESERVE 1152u
#define REPLY_RESERVE 1024u
#define REPLY_MAX     REPLY_RESERVE
#define LINE_MAX      120u      /* longer hypervisor lines are broken */

static const char hv_tag[] = { '[', 'h', 'v', ']', ' ', 0 };

static char out_ring[OUT_SIZE];
static uint32_t out_head, out_tail;   /* free-running */
static uint8_t out_owner;             /* 0 = at line start, 0xFF = hv text, else VM id */
static uint8_t focus;                 /* 0 = hypervisor, else VM id */
static uint8_t escape;                /* Ctrl-E seen */
static uint8_t esc_seq;               /* inside a terminal escape sequence (focus 0) */
static uint8_t cmd_vm = 1;            /* VM the commands act on */
static uint8_t rx_paused;             /* input left in the UART until replies fit */
static uint8_t belled;                /* the bell sounded for a dropped key */
static uint8_t unknown_said;          /* an unknown key was answered: quiet until a command */
static uint8_t level = CON_REPLY;     /* of the hypervisor text being written */
static char stage[LINE_MAX];          /* the hypervisor line being written */
static unsigned stage_len;
static uint32_t lines_lost;           /* whole hypervisor lines dropped (chatter) */

static uint32_t out_used(void)
{
	return out_head - out_tail;
}

static uint32_t out_limit(unsigned lvl)
{
	return lvl == CON_FAULT ? OUT_SIZE : lvl == CON_REPLY ? OUT_SIZE - FAULT_RESERVE :
	       OUT_SIZE - FAULT_RESERVE - REPLY_RESERVE;
}

static bool rx_room(void)
{
	return out_used() + REPLY_MAX <= out_limit(CON_REPLY);
}

/* Drain the ring into the UART. Paused input resumes through its own
 * interrupt, never from here: the UART's receive request is persistent
 * (it stands while its FIFO holds data), so unmasking it is enough, and
 * key input never runs inside the output path that its replies use. */
void con_kick(void)
{
	while (out_tail != out_head && uart_tx_ready())
		uart_tx((uint8_t)out_ring[out_tail++ % OUT_SIZE]);
	evic_enable(uart_irq_base() + 2, out_tail != out_head);
	if (rx_paused && rx_room()) {
		rx_paused = 0;
		evic_enable(uart_irq_base() + 1, true);
	}
}

void con_drain(void)
{
	while (out_tail != out_head)
		con_kick();
	while (!uart_tx_idle()) {
	}
}

/* Room left for guest output: guests see their transmitter full below this
 * (vcon), and what they write anyway is dropped, so that no guest can make
 * the hypervisor wait for the UART. */
bool con_guest_room(void)
{
	return out_used() + 8 < out_limit(CON_CHATTER);   /* 8: a tag and an escape */
}

/* Callers have checked the room (levels above). */
static void out_byte(char c)
{
	if (out_used() < OUT_SIZE)
		out_ring[out_head++ % OUT_SIZE] = c;
}

/* What a byte looks like on the terminal: printable ASCII and tab as they
 * are, other control bytes in caret notation (^[ for ESC, ^H for
 * backspace, ^? for DEL), bytes 0x80-0xFF as \xNN. No byte a guest or the
 * hypervisor writes can move the cursor back, clear or recolour the screen:
 * every line on the terminal starts with the tag the hypervisor put there.
 * Returns the number of characters written to `to` (at most 4). */
unsigned con_visible(uint8_t c, char to[4])
{
	static const char hex[] = "0123456789abcdef";
	if ((c >= 0x20 && c < 0x7F) || c == '\t') {
		to[0] = (char)c;
		return 1;
	}
	if (c < 0x20 || c == 0x7F) {
		to[0] = '^';
		to[1] = (char)(c ^ 0x40);
		return 2;
	}
	to[0] = '\\';
	to[1] = 'x';
	to[2] = hex[c >> 4];
	to[3] = hex[c & 15];
	return 4;
}

/* A line of hypervisor text goes into the ring whole, tagged, or not at all. */
static bool commit_line(const char *p, unsigned n, unsigned lvl)
{
	uint32_t need = 6u + (uint32_t)n;   /* "[hv] " + text + newline */
	if (out_owner)
		need++;                 /* ends a guest's partial line first */
	if (out_used() + need > out_limit(lvl))
		return false;
	if (out_owner)
		out_byte('\n');
	for (const char *t = hv_tag; *t; t++)
		out_byte(*t);
	while (n--)
		out_byte(*p++);
	out_byte('\n');
	out_owner = 0;
	return true;
}

#define NUM_MAX 12u             /* digits of a formatted number, padding included */

/* v in base 10 or 16, zero-padded to width digits, into to; returns the
 * number of characters. */
static unsigned fmt_num(char to[NUM_MAX], uint32_t v, unsigned base, int width)
{
	char buf[NUM_MAX];
	unsigned n = 0, k = 0;
	do {
		unsigned d = v % base;
		buf[n++] = (char)(d < 10u ? '0' + d : 'a' + d - 10u);
		v /= base;
	} while (v != 0u && n < NUM_MAX);
	while ((int)n < width && n < NUM_MAX)
		buf[n++] = '0';
	while (n != 0u)
		to[k++] = buf[--n];
	return k;
}

/* The next line that fits tells how many were dropped. It is committed
 * here directly, not printed (printing would come back here). */
static void note_lines_lost(void)
{
	static const char tail[] = " lines lost)";
	char note[1u + NUM_MAX + sizeof tail];
	unsigned k = 0;
	note[k++] = '(';
	k += fmt_num(&note[k], lines_lost, 10u, 0);
	for (unsigned i = 0; tail[i] != '\0'; i++)
		note[k++] = tail[i];
	if (commit_line(note, k, level))
		lines_lost = 0;
}

static void stage_commit(void)
{
	bool done = commit_line(stage, stage_len, level);
	stage_len = 0;
	if (!done)
		lines_lost++;
	else if (lines_lost != 0u)
		note_lines_lost();
}

/* Hypervisor text: staged, and committed a whole line at a time. */
void con_putc(char c)
{
	if (c == '\n') {
		stage_commit();
		return;
	}
	char v[4];
	unsigned n = con_visible((uint8_t)c, v);
	if (stage_len + n > LINE_MAX)
		stage_commit();
	for (unsigned i = 0; i < n; i++)
		stage[stage_len++] = v[i];
}

/* Tagged guest text; returns how many bytes fitted (the rest stays with
 * the guest's line buffer). */
unsigned con_guest_write(unsigned id, const char *p, unsigned n)
{
	unsigned done = 0;
	for (; done < n && con_guest_room(); done++)
		con_guest_byte(id, p[done]);
	return done;
}

void con_guest_byte(unsigned id, char c)
{
	if (out_owner != id) {
		if (out_owner != 0)
			out_byte('\n');
		out_byte('[');
		out_byte((char)('0' + id));
		out_byte(']');
		out_byte(' ');
		out_owner = (uint8_t)id;
	}
	if (c == '\n') {
		out_byte(c);
		out_owner = 0;
		return;
	}
	char v[4];
	unsigned k = con_visible((uint8_t)c, v);
	for (unsigned i = 0; i < k; i++)
		out_byte(v[i]);
}

void con_puts(const char *s)
{
	while (*s)
		con_putc(*s++);
}

static void put_num(uint32_t v, unsigned base, int width)
{
	char t[NUM_MAX];
	unsigned k = fmt_num(t, v, base, width);
	for (unsigned i = 0; i < k; i++)
		con_putc(t[i]);
}


/* %s %c %u %x, with a zero-padded width: %08x */
static void con_vprintf(unsigned lvl, const char *fmt, va_list ap)
{
	uint8_t saved = level;
	level = (uint8_t)lvl;
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			con_putc(*fmt);
			continue;
		}
		int width = 0;
		fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		switch (*fmt) {
		case 's': con_puts(va_arg(ap, const char *)); break;
		case 'c': con_putc((char)va_arg(ap, int)); break;
		case 'u': put_num(va_arg(ap, uint32_t), 10, width); break;
		case 'x': put_num(va_arg(ap, uint32_t), 16, width); break;
		case '%': con_putc('%'); break;
		default: con_putc('?'); break;
		}
	}
	level = saved;
	con_kick();
}

void con_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	con_vprintf(CON_REPLY, fmt, ap);
	va_end(ap);
}

void con_report(unsigned lvl, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	con_vprintf(lvl, fmt, ap);
	va_end(ap);
}

/* Chatter about a VM (logged writes): at most LOG_BURST lines at once, then
 * one per LOG_PERIOD, with the number left out since the last line. Bounds
 * what one VM can make the hypervisor print to about 10 lines a second. */
#define LOG_BURST  4u
#define LOG_PERIOD (HV_TICKS_PER_SEC / 10u)

bool con_log_allowed(struct vz_vm *vm)
{
	uint32_t now = (uint32_t)time_now();
	while (vm->log_tokens < LOG_BURST && now - vm->log_refill >= LOG_PERIOD) {
		vm->log_tokens++;
		vm->log_refill += LOG_PERIOD;
	}
	if (vm->log_tokens == LOG_BURST)
		vm->log_refill = now;
	if (!vm->log_tokens) {
		vm->log_suppressed++;
		return false;
	}
	vm->log_tokens--;
	return true;
}

void con_log_reset(struct vz_vm *vm)
{
	vm->log_tokens = LOG_BURST;
	vm->log_refill = (uint32_t)time_now();
	vm->log_suppressed = 0;
}

void con_init(void)
{
	const struct vz_system *s = &vz_system;
	uart_init(s->console_uart, s->console_baud ? s->console_baud : 115200,
		  s->pbclk2_hz ? s->pbclk2_hz : 100000000u);
	unsigned irq = uart_irq_base();
	for (unsigned i = 0; i < 3; i++) {
		evic_set_priority(irq + i, 7, 0);
		evic_clear(irq + i);
	}
	evic_enable(irq + 1, true);   /* RX */
	focus = s->num_vms ? 1 : 0;
}

static const char *const state_names[] = { "stopped", "running", "waiting", "faulted" };

static void show_vm(struct vz_vm *vm)
{
	bool live = vm->id == hv_fast.cur_id;   /* its context is in the CPU */
	uint32_t epc = live ? CP0_READ(C0_EPC) : vm->resume_pc;
	con_printf("vm%u %s: %s pc=%08x status=%08x cause=%08x exits=%u irqs=%u denied=%u\n",
		   vm->id, vm->cfg->name, state_names[vm->state & 3], epc,
		   live ? GCP0_READ(C0_STATUS) : vm->gctx[GCTX_STATUS],
		   live ? GCP0_READ(C0_CAUSE) : vm->gctx[GCTX_CAUSE],
		   vm->exits, vm->irqs, vm->violations);
	if (vm->state == VM_FAULTED)
		vm_show_fault(vm, CON_REPLY);
	health_show(vm);
}

static void show_irqs(struct vz_vm *vm)
{
	con_printf("vm%u GuestCtl2 %08x; virtual IFS/IEC, owned:\n", vm->id,
		   vm->id == hv_fast.cur_id ? CP0_READ(C0_GUESTCTL2) : vm->guestctl2);
	for (unsigned w = 0; w < VZ_IRQ_WORDS; w++) {
		uint32_t own = vm->cfg->irq_owned[w];
		if (vm->evic.ifs[w] | vm->evic.iec[w] | own)
			con_printf(" %u: %08x %08x %08x\n", w,
				   vm->evic.ifs[w], vm->evic.iec[w], own);
	}
}

static void help(void)
{
	con_puts("1-7 VM, s stop, c continue, r restart, q status, l list, T TLB, I IRQs,\n"
		 "d debug recording on/off, e exits, i interrupts, t time events\n");
	con_kick();
}

static void command(char c)
{
	struct vz_vm *vm = vm_by_id(cmd_vm);
	if (c >= '1' && c <= '7') {
		if (vm_by_id((unsigned)(c - '0'))) {
			cmd_vm = (uint8_t)(c - '0');
			con_printf("selected vm%u\n", cmd_vm);
		} else {
			con_printf("no vm%c\n", c);
		}
		return;
	}
	const char *done = NULL;
	switch (c) {
	case 's':
		sched_stop(vm, VM_STOPPED);
		done = "stopped";
		break;
	case 'c':
		sched_resume(vm);
		done = "continued";
		break;
	case 'r':
		sched_restart(vm);
		done = "restarted";
		break;
	case 'q':
		show_vm(vm);
		break;
	case 'l':
		for (unsigned i = 1; i <= hv_fast.num_vms; i++)
			show_vm(vm_by_id(i));
		break;
	case 'T':
		tlb_dump();
		break;
	case 'I':
		show_irqs(vm);
		break;
	case 'd': case 'e': case 'i': case 't':
		con_debug_command(c, vm);
		break;
	case 'h':
	case '?':
		help();
		break;
	case '\r':
	case '\n':
		break;
	default:
		/* One answer per run of unknown keys: a pasted text or a
		 * stream of garbage gets one line, not one per byte. */
		if (!unknown_said)
			con_printf("'%c'? (h: help)\n", c);
		unknown_said = 1;
		return;
	}
	unknown_said = 0;
	if (done)
		con_printf("vm%u %s\n", vm->id, done);
}

/* Terminal escape sequences (cursor keys send ESC [ A, function keys ESC O P,
 * ESC [ 1 5 ~, Alt+key ESC ESC [ A ...) are not commands: skipped whole when
 * the hypervisor has the focus, so that their letters are never taken as
 * keys. ECMA-48: ESC (or the C1 byte CSI 0x9B, SS3 0x8F), then for CSI '[' parameter and intermediate bytes
 * 0x20-0x3F up to a final byte 0x40-0x7E; for SS3 'O' one more byte;
 * otherwise the byte after ESC. A terminal sends a sequence in one burst:
 * a pause of ESC_GAP_TICKS ends an unfinished one (an Escape key alone, a
 * cut-off paste), so that the next key typed is a key again. */
#define ESC_GAP_TICKS 500000u   /* 5 ms: ~50 bytes at 115200 baud, 4 at 9600 */
static uint32_t esc_last;       /* root Count at the sequence's last byte */

static bool skip_escape(uint8_t c)
{
	uint32_t now = CP0_READ(C0_COUNT);
	if (esc_seq != 0u && now - esc_last > ESC_GAP_TICKS)
		esc_seq = 0;
	esc_last = now;
	switch (esc_seq) {
	case 0:
		/* 8-bit CSI and SS3 (C1 controls) start a sequence too */
		if (c == CSI8)
			esc_seq = 2;
		else if (c == SS3_8)
			esc_seq = 3;
		else if (c == ESC)
			esc_seq = 1;
		return esc_seq != 0u;
	case 1:
		/* ESC ESC: the first one alone (Alt), the second starts a sequence */
		esc_seq = c == '[' ? 2 : c == 'O' ? 3 : c == ESC ? 1 : 0;
		return true;
	case 2:
		if (c < 0x20 || c > 0x3F)
			esc_seq = 0;
		return true;
	default:
		esc_seq = 0;
		return true;
	}
}

static void input(uint8_t c)
{
	if (escape) {
		escape = 0;
		if (c >= '0' && c <= '9') {
			unsigned id = c - '0';
			esc_seq = 0;
			if (id == 0 || vm_by_id(id)) {
				focus = (uint8_t)id;
				if (id)
					con_printf("input to vm%u (%s)\n", id, vm_by_id(id)->cfg->name);
				else
					con_printf("input to the hypervisor\n");
			} else {
				con_printf("no vm%u\n", id);
			}
			return;
		}
		if (c != CTRL_E)
			return;
		/* Ctrl-E Ctrl-E: a literal Ctrl-E for the focused VM. */
	} else if (c == CTRL_E) {
		escape = 1;
		return;
	}
	if (focus == 0) {
		if (!skip_escape(c))
			command((char)c);
		return;
	}
	/* The VM's input ring is full: the key is dropped, and the terminal
	 * bell sounds once for a run of dropped keys. */
	struct vz_vm *vm = vm_by_id(focus);
	if (vcon_input(vm, c)) {
		belled = 0;
	} else if (!belled && out_used() < OUT_SIZE) {
		belled = 1;
		out_byte('\a');
		con_kick();
	}
}

/* Keys are taken from the UART only while a whole reply fits in the ring
 * (rx_room); otherwise they wait in its receive FIFO (beyond its 8 bytes
 * they are lost there, an overrun) with the receive interrupt masked, and
 * con_kick unmasks it once the terminal has taken enough text. So input
 * can never make the hypervisor drop its own replies, and a long pasted
 * line costs nothing but the keys the UART could not hold. */
void con_interrupt_rx(void)
{
	int c;
	while (rx_room() && (c = uart_rx()) >= 0)
		input((uint8_t)c);
	if (!rx_room())
		rx_paused = 1;
	evic_enable(uart_irq_base() + 1, !rx_paused);
	evic_clear(uart_irq_base() + 1);
	evic_clear(uart_irq_base());
}

void con_interrupt_tx(void)
{
	evic_clear(uart_irq_base() + 2);
	con_kick();
}
