/* SPDX-License-Identifier: Apache-2.0 */
/* finding.c - reports of the model checkers (machine.h, enum finding_rule).
 * A finding names software that works on a lenient model but is not
 * guaranteed to on silicon; --strict (vzsim_options.strict) makes it fatal so
 * that tests cannot pass by relying on it. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "machine.h"

static const char *const rule_names[FINDING_RULES] = {
	[FINDING_COHERENCE] = "cache-coherence",
	[FINDING_CACHE_INIT] = "cache-uninitialised",
	[FINDING_HAZARD] = "cp0-hazard",
	[FINDING_BUS] = "bus-order",
	[FINDING_ISA] = "isa",
	[FINDING_TLB] = "tlb-index",
};

const char *finding_rule_name(enum finding_rule rule)
{
	return (unsigned)rule < FINDING_RULES ? rule_names[rule] : "?";
}

void machine_finding(struct machine *m, enum finding_rule rule, const char *fmt, ...)
{
	char msg[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	m->findings++;
	if (m->opt.strict && !(m->opt.lenient_rules & (1u << rule))) {
		machine_fatal(m, "strict: %s: %s", finding_rule_name(rule), msg);
		return;
	}
	if (m->findings_warned & (1u << rule))
		return;
	m->findings_warned |= 1u << rule;
	machine_warn(m, "%s: %s (further %s findings not shown; --strict makes them fatal)",
		     finding_rule_name(rule), msg, finding_rule_name(rule));
}

int vzsim_rule_by_name(const char *name)
{
	for (unsigned r = 0; r < FINDING_RULES; r++)
		if (!strcmp(name, rule_names[r]))
			return (int)r;
	return -1;
}

uint64_t vzsim_findings(const struct machine *m)
{
	return m->findings;
}
