/* SPDX-License-Identifier: Apache-2.0 */
/* test_soc_common.c - see test_soc_common.h */
#include "test_soc_common.h"

struct machine *m;

static int setup_with(bool strict)
{
	struct vzsim_options o = { .quiet = true, .strict = true, .strict_sfr = strict };
	m = vzsim_new(&o);
	return m ? 0 : -1;
}

int soc_setup(void **state) { (void)state; return setup_with(false); }
int soc_setup_strict(void **state) { (void)state; return setup_with(true); }

int soc_teardown(void **state)
{
	(void)state;
	vzsim_free(m);
	m = NULL;
	return 0;
}

uint32_t rdn(uint32_t kseg1, unsigned size)
{
	uint32_t v = 0xDEADBEEFu;
	assert_true(soc_read(m, kseg1 & 0x1FFFFFFFu, size, &v));
	return v;
}

uint32_t rd(uint32_t kseg1) { return rdn(kseg1, 4); }

void wrn(uint32_t kseg1, unsigned size, uint32_t val)
{
	assert_true(soc_write(m, kseg1 & 0x1FFFFFFFu, size, val));
}

void wr(uint32_t kseg1, uint32_t val) { wrn(kseg1, 4, val); }

void unlock(void)
{
	wr(0xBF800030u, 0);
	wr(0xBF800030u, 0xAA996655u);
	wr(0xBF800030u, 0x556699AAu);
}

void advance_to(uint64_t cycle)
{
	while (m->next_event <= cycle) {
		if (m->next_event > m->cycle)
			m->cycle = m->next_event;
		event_dispatch(m);
	}
	m->cycle = cycle;
}

void advance(uint64_t cycles) { advance_to(m->cycle + cycles); }

bool ifs(unsigned vector)
{
	return (m->soc.evic.ifs[vector / 32] >> (vector % 32)) & 1u;
}

void clear_ifs(unsigned vector)
{
	wr(0xBF810044u + 0x10 * (vector / 32), 1u << (vector % 32));
}
