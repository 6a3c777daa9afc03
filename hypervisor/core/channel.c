/* SPDX-License-Identifier: Apache-2.0 */
/* channel.c - inter-VM channels (docs/channels.md): sampling ports (latest
 * message wins, age on read), queuing ports (FIFO, a full queue drops and
 * counts, never blocks the writer) and doorbells. Buffers are static: the
 * configurator sizes them in the tables (struct vz_channel). Every guest
 * pointer goes through vm_guest_ptr, so a VM can only copy from and to its
 * own memory. */
#include <vzlet/hv.h>
#include <vzlet/hypercall.h>

/* Words per slot: the length word, then the message rounded up to words. */
static uint32_t slot_words(const struct vz_channel *c)
{
	return 1u + (((uint32_t)c->msg_size + 3u) / 4u);
}

static void copy_in(uint32_t *slot, const volatile uint8_t *src, uint32_t n)
{
	uint8_t *d = (uint8_t *)&slot[1];
	for (uint32_t i = 0; i < n; i++)
		d[i] = src[i];
	slot[0] = n;
}

static uint32_t copy_out(volatile uint8_t *dst, const uint32_t *slot)
{
	const uint8_t *s = (const uint8_t *)&slot[1];
	uint32_t n = slot[0];
	for (uint32_t i = 0; i < n; i++)
		dst[i] = s[i];
	return n;
}

const struct vz_channel *chan_get(uint32_t ch)
{
	return ch < vz_system.num_channels ? &vz_system.channels[ch] : NULL;
}

int32_t chan_write(const struct vz_vm *vm, uint32_t ch, uint32_t p, uint32_t n, uint32_t *r1)
{
	const struct vz_channel *c = chan_get(ch);
	const volatile uint8_t *src;
	if (!c || c->kind == VZ_CHAN_SHARED || n > c->msg_size)
		return VZ_HC_EINVAL;
	if (c->writer != vm->id)
		return VZ_HC_EPERM;
	src = vm_guest_ptr(vm, p, n, VZ_REGION_R);
	if (!src)
		return VZ_HC_EFAULT;
	struct vz_chan_state *s = c->state;
	uint32_t *slots = c->slots;
	if (c->kind == VZ_CHAN_SAMPLING) {
		copy_in(slots, src, n);
		s->stamp = time_now();
		s->count = 1;
	} else {
		if (s->count >= c->depth) {
			s->overflows++;
			s->dropped++;
			*r1 = s->count;
			return VZ_HC_EFULL;
		}
		uint32_t slot = (uint32_t)(s->head + s->count) % c->depth;
		copy_in(&slots[slot * slot_words(c)], src, n);
		s->count++;
		*r1 = s->count;
	}
	s->writes++;
	return 0;
}

int32_t chan_read(const struct vz_vm *vm, uint32_t ch, uint32_t p, uint32_t size, uint32_t *r1)
{
	const struct vz_channel *c = chan_get(ch);
	volatile uint8_t *dst;
	if (!c || c->kind == VZ_CHAN_SHARED || size < c->msg_size)
		return VZ_HC_EINVAL;
	if (!(c->readers >> vm->id & 1u))
		return VZ_HC_EPERM;
	dst = vm_guest_ptr(vm, p, c->msg_size, VZ_REGION_W);
	if (!dst)
		return VZ_HC_EFAULT;
	struct vz_chan_state *s = c->state;
	if (!s->count)
		return VZ_HC_EEMPTY;
	if (c->kind == VZ_CHAN_SAMPLING) {
		uint64_t age = time_now() - s->stamp;
		uint32_t a = age > 0x7FFFFFFFu ? 0x7FFFFFFFu : (uint32_t)age;
		if (c->refresh_ticks && age > c->refresh_ticks)
			a |= VZ_HC_STALE;
		*r1 = a;
		return (int32_t)copy_out(dst, c->slots);
	}
	uint32_t n = copy_out(dst, c->slots + (uint32_t)s->head * slot_words(c));
	s->head = (uint8_t)((s->head + 1u) % c->depth);
	s->count--;
	*r1 = s->overflows;
	s->overflows = 0;
	return (int32_t)n;
}

int32_t chan_notify(const struct vz_vm *vm, uint32_t ch, uint32_t to)
{
	const struct vz_channel *c = chan_get(ch);
	struct vz_vm *peer = vm_by_id(to);
	if (!c || !peer)
		return VZ_HC_EINVAL;
	if (!(c->notify[vm->id] >> to & 1u))
		return VZ_HC_EPERM;
	vevic_raise(peer, c->doorbell_irq);
	return 0;
}

/* The doorbell vectors a VM may be rung on: virtual sources it may
 * acknowledge and enable like its core software interrupts. */
void chan_doorbells(const struct vz_vm *vm, uint32_t may[VZ_IRQ_WORDS])
{
	for (unsigned i = 0; i < vz_system.num_channels; i++) {
		const struct vz_channel *c = &vz_system.channels[i];
		for (unsigned from = 1; from <= VZ_MAX_VMS; from++)
			if (c->notify[from] >> vm->id & 1u)
				may[c->doorbell_irq >> 5] |= 1u << (c->doorbell_irq & 31u);
	}
}
