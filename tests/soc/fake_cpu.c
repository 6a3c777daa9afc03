/* fake_cpu.c - stand-ins for the CPU contracts, used only while the CPU
 * core is not in the tree: the SoC unit tests never execute instructions. */
#include "machine.h"

void cpu_init(struct machine *m) { (void)m; }
void cpu_reset(struct machine *m) { (void)m; }
void cpu_free(struct machine *m) { (void)m; }
void cpu_run(struct machine *m, uint64_t until) { m->cycle = until; }
void cpu_eic_update(struct machine *m, unsigned ripl, uint32_t voff, unsigned eicss)
{
	(void)m; (void)ripl; (void)voff; (void)eicss;
}
void cpu_code_written(struct machine *m, uint32_t pa, uint32_t len)
{
	(void)m; (void)pa; (void)len;
}
