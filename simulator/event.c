/* SPDX-License-Identifier: Apache-2.0 */
/* event.c - the cycle-ordered event scheduler.
 *
 * Devices arm a few events at a time (core timer, timers, UART shifters), so a
 * sorted singly linked list is both simplest and fastest here. The CPU loop
 * only compares m->cycle with m->next_event; nothing is polled.
 */
#include "machine.h"

static void event_update_next(struct machine *m)
{
	m->next_event = m->events ? m->events->when : UINT64_MAX;
}

void event_cancel(struct machine *m, struct event *ev)
{
	if (!ev->armed)
		return;
	for (struct event **p = &m->events; *p; p = &(*p)->next) {
		if (*p == ev) {
			*p = ev->next;
			break;
		}
	}
	ev->armed = false;
	ev->next = NULL;
	event_update_next(m);
}

void event_schedule(struct machine *m, struct event *ev, uint64_t when)
{
	event_cancel(m, ev);
	ev->when = when;
	struct event **p = &m->events;
	/* Equal times keep scheduling order, so runs are deterministic. */
	while (*p && (*p)->when <= when)
		p = &(*p)->next;
	ev->next = *p;
	*p = ev;
	ev->armed = true;
	event_update_next(m);
}

void event_dispatch(struct machine *m)
{
	while (m->events && m->events->when <= m->cycle) {
		struct event *ev = m->events;
		m->events = ev->next;
		ev->next = NULL;
		ev->armed = false;
		event_update_next(m);
		ev->fn(m, ev); /* may re-arm itself */
	}
}
