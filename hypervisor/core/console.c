/* SPDX-License-Identifier: Apache-2.0 */
/* console.c - the physical console: an output ring drained by the UART's TX
 * interrupt, per-guest tagged lines, input focus (Ctrl-E then a digit) and
 * the hypervisor's command loop (docs/console.md). */
#include <stdarg.h>
#include <vzlet/hv.h>
#include <vzlet/cp0.h>

#define OUT_SIZE 4096u          /* power of two: a full status/TLB dump fits */
#define OUT_RESERVE 1024u       /* kept for the hypervisor's own text */
#define CTRL_E   0x05

static const char hv_tag[] = { '[', 'h', 'v', ']', ' ', 0 };

static char out_ring[OUT_SIZE];
static uint32_t out_head, out_tail;   /* free-running */
static uint8_t out_owner;             /* 0 = at line start, 0xFF = hv text, else VM id */
static uint8_t focus;                 /* 0 = hypervisor, else VM id */
static uint8_t escape;                /* Ctrl-E seen */
static uint8_t cmd_vm = 1;            /* VM the commands act on */

void con_kick(void)
{
	while (out_tail != out_head && uart_tx_ready())
		uart_tx((uint8_t)out_ring[out_tail++ % OUT_SIZE]);
	evic_enable(uart_irq_base() + 2, out_tail != out_head);
}

/* Room left for guest output: guests see their transmitter full below this
 * (vcon), and what they write anyway is dropped, so that no guest can make
 * the hypervisor wait for the UART. */
bool con_guest_room(void)
{
	return out_head - out_tail < OUT_SIZE - OUT_RESERVE;
}

/* Never waits for the UART: that would stop every guest. When even the
 * hypervisor's reserve is used up, its text is lost. */
static void out_byte(char c)
{
	if (out_head - out_tail < OUT_SIZE)
		out_ring[out_head++ % OUT_SIZE] = c;
}

/* Hypervisor text: every line starts on its own line, tagged "". */
void con_putc(char c)
{
	if (out_owner != 0xFF) {
		if (out_owner != 0)
			out_byte('\n');
		out_owner = 0xFF;
		for (const char *t = hv_tag; *t; t++)
			out_byte(*t);
	}
	out_byte(c);
	if (c == '\n')
		out_owner = 0;
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
	out_byte(c);
	if (c == '\n')
		out_owner = 0;
}

void con_puts(const char *s)
{
	while (*s)
		con_putc(*s++);
}

static void put_num(uint32_t v, unsigned base, int width)
{
	char buf[12];
	int n = 0;
	do {
		unsigned d = v % base;
		buf[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= base;
	} while (v);
	while (n < width)
		buf[n++] = '0';
	while (n)
		con_putc(buf[--n]);
}


/* %s %c %u %x, with a zero-padded width: %08x */
void con_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
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
	va_end(ap);
	con_kick();
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
		vm_show_fault(vm);
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
	con_puts("1-7 VM, s stop, c continue, r restart, q status, l list, T TLB, I IRQs\n");
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
	case 'h':
	case '?':
		help();
		break;
	case '\r':
	case '\n':
		break;
	default:
		con_printf("'%c'? (h: help)\n", c);
		break;
	}
	if (done)
		con_printf("vm%u %s\n", vm->id, done);
}

static void input(uint8_t c)
{
	if (escape) {
		escape = 0;
		if (c >= '0' && c <= '9') {
			unsigned id = c - '0';
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
		command((char)c);
		return;
	}
	struct vz_vm *vm = vm_by_id(focus);
	if (!vcon_input(vm, c)) {
		out_byte('\a');   /* the VM's input ring is full */
		con_kick();
	}
}

void con_interrupt_rx(void)
{
	int c;
	while ((c = uart_rx()) >= 0)
		input((uint8_t)c);
	evic_clear(uart_irq_base() + 1);
	evic_clear(uart_irq_base());
}

void con_interrupt_tx(void)
{
	evic_clear(uart_irq_base() + 2);
	con_kick();
}
