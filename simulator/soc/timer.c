/* SPDX-License-Identifier: Apache-2.0 */
/* timer.c - Timer1 (type A) and Timer2-9 (type B, Timer2/3, 4/5, 6/7, 8/9
 * pair into 32-bit timers with TxCON.T32 on the even timer).
 *
 * Counting is lazy: a running timer remembers the SYSCLK cycle `base` at
 * which its count was the value in TMR, and advances TMR only when it is
 * read or reconfigured. One event is scheduled for the next period match.
 * The count runs 0..PR; the tick after TMR == PR it returns to 0 and the
 * interrupt flag is set, so the period is PR + 1 ticks. A count above PR
 * runs to the top of the counter and wraps to 0 without an interrupt.
 * A tick is the prescaler times the PBCLK3 divider in SYSCLK cycles.
 * Not modelled: external clock (TCS = 1) and gated mode (TGATE = 1), which
 * need a T×CK pin signal: such a timer does not count.
 */
#include "machine.h"

#define TIMER_BASE 0x1F840000u

#define CON_ON    (1u << 15)
#define CON_TGATE (1u << 7)
#define CON_T32   (1u << 3)
#define CON_TCS   (1u << 1)

static const unsigned timer_vector[TIMER_COUNT] = { 4, 9, 14, 19, 24, 28, 32, 36, 40 };

/* Timer index i (0-based) is the low half of a 32-bit pair. */
static bool timer_is32(const struct soc *s, unsigned i)
{
	return (i & 1) && i + 1 < TIMER_COUNT && (s->timer[i].con & CON_T32);
}

/* Timer i is the high half of a pair and does not count on its own. */
static bool timer_is_slave(const struct soc *s, unsigned i)
{
	return i >= 2 && !(i & 1) && timer_is32(s, i - 1);
}

static uint32_t timer_count(const struct soc *s, unsigned i)
{
	uint32_t v = s->timer[i].tmr & 0xFFFFu;
	if (timer_is32(s, i))
		v |= (s->timer[i + 1].tmr & 0xFFFFu) << 16;
	return v;
}

static void timer_set_count(struct soc *s, unsigned i, uint32_t v)
{
	s->timer[i].tmr = v & 0xFFFFu;
	if (timer_is32(s, i))
		s->timer[i + 1].tmr = v >> 16;
}

static uint64_t timer_period(const struct soc *s, unsigned i)
{
	uint64_t p = s->timer[i].pr & 0xFFFFu;
	if (timer_is32(s, i))
		p |= (uint64_t)(s->timer[i + 1].pr & 0xFFFFu) << 16;
	return p;
}

static uint64_t timer_top(const struct soc *s, unsigned i)
{
	return timer_is32(s, i) ? 0xFFFFFFFFu : 0xFFFFu;
}

/* Ticks from count v0 until the count next returns to 0, and whether that
 * return is a period match (IF) or a wrap at the counter's top. */
static uint64_t timer_ticks_to_zero(uint64_t v0, uint64_t pr, uint64_t top, bool *match)
{
	*match = v0 <= pr;
	return *match ? pr - v0 + 1 : top - v0 + 1;
}

/* Bring timer i's count up to SYSCLK cycle `now`. */
static void timer_sync(struct machine *m, unsigned i, uint64_t now)
{
	struct soc *s = &m->soc;
	struct timer *t = &s->timer[i];
	if (!t->tick || now <= t->base)
		return;
	uint64_t n = (now - t->base) / t->tick;
	if (!n)
		return;
	uint64_t v0 = timer_count(s, i), pr = timer_period(s, i);
	bool match;
	uint64_t d0 = timer_ticks_to_zero(v0, pr, timer_top(s, i), &match);
	uint64_t v = n < d0 ? v0 + n : (n - d0) % (pr + 1);
	timer_set_count(s, i, (uint32_t)v);
	t->base += n * t->tick;
}

static void timer_schedule(struct machine *m, unsigned i)
{
	struct soc *s = &m->soc;
	struct timer *t = &s->timer[i];
	if (!t->tick) {
		event_cancel(m, &t->match);
		return;
	}
	uint64_t v0 = timer_count(s, i), pr = timer_period(s, i);
	bool match;
	uint64_t d = timer_ticks_to_zero(v0, pr, timer_top(s, i), &match);
	if (!match)
		d += pr + 1;
	event_schedule(m, &t->match, t->base + d * t->tick);
}

static uint64_t timer_tick(const struct machine *m, unsigned i)
{
	static const unsigned ps_a[4] = { 1, 8, 64, 256 };
	static const unsigned ps_b[8] = { 1, 2, 4, 8, 16, 32, 64, 256 };
	const struct soc *s = &m->soc;
	uint32_t con = s->timer[i].con;
	if (!(con & CON_ON) || (con & (CON_TCS | CON_TGATE)) || timer_is_slave(s, i) ||
	    (s->sys.pmd[3] & (1u << i)))
		return 0;
	unsigned ps = i == 0 ? ps_a[(con >> 4) & 3u] : ps_b[(con >> 4) & 7u];
	return (uint64_t)ps * soc_pbclk_div(m, 3);
}

static void timer_sync_all(struct machine *m)
{
	for (unsigned i = 0; i < TIMER_COUNT; i++)
		timer_sync(m, i, m->cycle);
}

/* After a configuration change: new ticks, restart the given timers' phase
 * (restart_mask bit i), and reschedule every match. */
static void timer_retime(struct machine *m, unsigned restart_mask)
{
	struct soc *s = &m->soc;
	for (unsigned i = 0; i < TIMER_COUNT; i++) {
		struct timer *t = &s->timer[i];
		uint64_t tick = timer_tick(m, i);
		if (tick != t->tick || (restart_mask & (1u << i)))
			t->base = m->cycle;
		t->tick = tick;
		timer_schedule(m, i);
	}
}

static void timer_match(struct machine *m, struct event *ev)
{
	struct timer *t = (struct timer *)((char *)ev - offsetof(struct timer, match));
	unsigned i = t->n - 1;
	timer_sync(m, i, ev->when);
	evic_raise(m, timer_vector[timer_is32(&m->soc, i) ? i + 1 : i]);
	timer_schedule(m, i);
}

/* Every write first brings the counts up to date under the old settings:
 * the new value is set aside while that happens. */
static void timer_sync_before(struct machine *m, struct sfr *r, uint32_t old)
{
	uint32_t nv = *r->val;
	*r->val = old;
	timer_sync_all(m);
	*r->val = nv;
}

static void timer_con_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct timer *t = r->dev;
	timer_sync_before(m, r, old);
	unsigned i = t->n - 1, restart = 0;
	if (*r->val != old) {
		restart = 1u << i;
		/* Pairing or unpairing restarts the high half too; an
		 * independent neighbour keeps its phase. */
		if ((i & 1) && i + 1 < TIMER_COUNT && ((*r->val | old) & CON_T32))
			restart |= 1u << (i + 1);
	}
	timer_retime(m, restart);
}

static void timer_tmr_write(struct machine *m, struct sfr *r, uint32_t old)
{
	struct timer *t = r->dev;
	timer_sync_before(m, r, old);
	unsigned i = t->n - 1;
	unsigned master = timer_is_slave(&m->soc, i) ? i - 1 : i;
	/* Writing TMR clears the prescaler: the count restarts its phase. */
	timer_retime(m, 1u << master);
}

static void timer_pr_write(struct machine *m, struct sfr *r, uint32_t old)
{
	timer_sync_before(m, r, old);
	timer_retime(m, 0);
}

static uint32_t timer_tmr_read(struct machine *m, struct sfr *r)
{
	struct timer *t = r->dev;
	unsigned i = t->n - 1;
	timer_sync(m, timer_is_slave(&m->soc, i) ? i - 1 : i, m->cycle);
	return *r->val;
}

void timer_clock_changed(struct machine *m)
{
	/* Counts up to now still use each timer's old tick (cached in
	 * t->tick); the new divider applies from here on, and a partly
	 * elapsed count starts again. */
	timer_sync_all(m);
	timer_retime(m, 0x1FF);
}

void timer_disable(struct machine *m, unsigned i)
{
	struct timer *t = &m->soc.timer[i];
	timer_sync_all(m);
	sfr_reset_range(m, t, t + 1);
	timer_retime(m, 1u << i);
}

void timer_init(struct machine *m)
{
	struct soc *s = &m->soc;
	for (unsigned i = 0; i < TIMER_COUNT; i++) {
		struct timer *t = &s->timer[i];
		uint32_t base = TIMER_BASE + 0x200 * i;
		uint32_t con_mask = i == 0 ? 0x0000B3B6u :
				    (i & 1) ? 0x0000A0FAu : 0x0000A0F2u;
		t->n = i + 1;
		t->match = (struct event){ .fn = timer_match, .name = "timer" };
		sfr_add(m, "TxCON", base + 0x00, &t->con, 0, con_mask, 0,
			NULL, timer_con_write, t);
		sfr_add(m, "TMRx", base + 0x10, &t->tmr, 0, 0xFFFFu, 0,
			timer_tmr_read, timer_tmr_write, t);
		sfr_add(m, "PRx", base + 0x20, &t->pr, 0xFFFFu, 0xFFFFu, 0,
			NULL, timer_pr_write, t);
		sfr_set_pmd(m, t, t + 1, &s->sys.pmd[3], 1u << i);
	}
}

void timer_reset(struct machine *m)
{
	for (unsigned i = 0; i < TIMER_COUNT; i++) {
		struct timer *t = &m->soc.timer[i];
		event_cancel(m, &t->match);
		t->tick = 0;
		t->base = m->cycle;
	}
}
