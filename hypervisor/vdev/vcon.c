/* SPDX-License-Identifier: Apache-2.0 */
/* vcon.c - each VM's view of the shared console UART: its own MODE/STA/BRG,
 * a transmitter that is always ready (output goes to a line buffer, tagged
 * with the VM id when flushed to the real UART) and a receive ring fed by
 * the console's input focus. Virtual RX/TX interrupt flags follow the data
 * like the real UART's do. */
#include <vzlet/hv.h>

#define U_MODE 0x00
#define U_STA  0x10
#define U_TX   0x20
#define U_RX   0x30
#define U_BRG  0x40

#define MODE_ON    0x8000u
#define STA_CTRL   0x01FFFCE0u  /* ADM_EN, ADDR, UTXISEL, UTXINV, URXEN, UTXBRK, UTXEN, URXISEL, ADDEN */
#define STA_UTXEN  0x0400u
#define STA_UTXBF  0x0200u
#define STA_TRMT   0x0100u
#define STA_RIDLE  0x0010u
#define STA_URXDA  0x0001u

static bool rx_empty(const struct vz_vcon *c)
{
	return c->rx_head == c->rx_tail;
}

static void set_flag(struct vz_vm *vm, unsigned irq, bool on)
{
	uint32_t *w = &vm->evic.ifs[irq >> 5];
	uint32_t b = 1u << (irq & 31);
	if (on && !(*w & b))
		vevic_raise(vm, irq);
	else if (!on && (*w & b)) {
		*w &= ~b;
		vevic_word_changed(vm, irq);
		vevic_update(vm);
	}
}

void vcon_levels(struct vz_vm *vm)
{
	struct vz_vcon *c = &vm->con;
	if (!c->present)
		return;
	if (!rx_empty(c))
		set_flag(vm, c->irq + 1, true);
	if ((c->mode & MODE_ON) && (c->sta & STA_UTXEN))
		set_flag(vm, c->irq + 2, true);
}

void vcon_reset(struct vz_vm *vm)
{
	struct vz_vcon *c = &vm->con;
	c->mode = c->sta = c->brg = 0;
	c->rx_head = c->rx_tail = 0;
	c->line_len = 0;
	c->present = 0;
	vm->evic_block = 0;
	for (unsigned i = 0; i < vm->cfg->block_count; i++) {
		const struct vz_block *b = &vm->cfg->blocks[i];
		if (b->kind == VZ_EMU_CONSOLE)
			c->present = 1;
		if (b->kind == VZ_EMU_EVIC && b->gpa == 0x1F810000u && b->size >= 0x1000)
			vm->evic_block = 1;
	}
	c->irq = (uint16_t)uart_irq_base();
}

/* Move the VM's buffered text to the console as far as the output ring has
 * room for guests; what does not fit waits in the line buffer. */
void vcon_flush(struct vz_vm *vm)
{
	struct vz_vcon *c = &vm->con;
	vm->con_flush_armed = 0;
	if (!c->line_len)
		return;
	unsigned done = con_guest_write(vm->id, c->line, c->line_len);
	for (unsigned i = done; i < c->line_len; i++)
		c->line[i - done] = c->line[i];
	c->line_len = (uint8_t)(c->line_len - done);
	con_kick();
}

static bool line_full(const struct vz_vcon *c)
{
	return c->line_len >= VZ_CON_LINE_SIZE;
}

static void out(struct vz_vm *vm, uint8_t ch)
{
	struct vz_vcon *c = &vm->con;
	if (ch == '\r' || line_full(c))
		return;                 /* written while it read "full": dropped */
	c->line[c->line_len++] = (char)ch;
	if (ch == '\n' || line_full(c)) {
		vcon_flush(vm);
		return;
	}
	/* A partial line (a prompt, the echo of a key) goes out after a quiet
	 * time even if the guest never waits or leaves the CPU: each byte
	 * moves the deadline, time.c flushes when it passes. */
	vm->con_flush_due = CP0_READ(C0_COUNT) + VZ_CON_QUIET_TICKS;
	if (!vm->con_flush_armed) {
		vm->con_flush_armed = 1;
		time_program();
	}
}

void vcon_write_bytes(struct vz_vm *vm, const volatile uint8_t *p, uint32_t n)
{
	while (n--)
		out(vm, *p++);
}

bool vcon_input(struct vz_vm *vm, uint8_t ch)
{
	struct vz_vcon *c = &vm->con;
	if ((uint8_t)(c->rx_head - c->rx_tail) >= VZ_CON_RX_SIZE)
		return false;
	c->rx[c->rx_head++ % VZ_CON_RX_SIZE] = ch;
	vcon_levels(vm);
	sched_wake(vm);
	return true;
}

bool vcon_read(struct vz_vm *vm, uint32_t off, uint32_t *val)
{
	struct vz_vcon *c = &vm->con;
	*val = 0;
	if (off & 0xC)
		return true;
	switch (off) {
	case U_MODE: *val = c->mode; break;
	case U_STA:
		/* The transmitter is full while the VM's line buffer is (the
		 * console cannot take its text yet): a chatty guest waits in its
		 * own driver, never the hypervisor or the other guests. */
		if (line_full(c))
			vcon_flush(vm);
		*val = (c->sta & STA_CTRL) | STA_RIDLE | (rx_empty(c) ? 0 : STA_URXDA) |
		       (line_full(c) ? STA_UTXBF : STA_TRMT);
		break;
	case U_RX:
		if (!rx_empty(c))
			*val = c->rx[c->rx_tail++ % VZ_CON_RX_SIZE];
		break;
	case U_BRG: *val = c->brg; break;
	}
	return true;
}

/* The stored value of a console register, for merging a narrow store
 * (vdev/blocks.c): no side effect, unlike vcon_read of RXREG or STA. */
uint32_t vcon_latch(const struct vz_vm *vm, uint32_t off)
{
	const struct vz_vcon *c = &vm->con;
	switch (off) {
	case U_MODE: return c->mode;
	case U_STA:  return c->sta & STA_CTRL;
	case U_BRG:  return c->brg;
	default:     return 0;
	}
}

bool vcon_write(struct vz_vm *vm, uint32_t off, uint32_t v)
{
	struct vz_vcon *c = &vm->con;
	unsigned a = (off >> 2) & 3;
	switch (off & ~0xFu) {
	case U_MODE: c->mode = sfr_alias(c->mode, v, a) & 0xFFFFu; break;
	case U_STA:  c->sta = sfr_alias(c->sta, v, a) & STA_CTRL; break;
	case U_TX:   if (!a) out(vm, (uint8_t)v); return true;
	case U_BRG:  c->brg = sfr_alias(c->brg, v, a) & 0xFFFFu; return true;
	default:     return true;
	}
	vcon_levels(vm);   /* ON/UTXEN may have changed the TX flag */
	return true;
}
