/* SPDX-License-Identifier: Apache-2.0 */
/* slip.c - the bus permissions behind the hypervisor's DMA checks: boots
 * systems/wifire-dma.dts on the simulator until its DMA guest is done,
 * then programs a DMA channel directly (what a transfer that slipped past
 * the hypervisor's checks would do) and checks that the permissions the
 * configurator planned stop it: into the other VM's RAM, into the
 * hypervisor's RAM, into the bus permission registers (to reopen them),
 * from the hypervisor's flash; while a copy inside the DMA VM's RAM
 * still works. Usage: slip IMAGE. Exit 0: all held. */
#include <stdio.h>
#include <string.h>

#include "machine.h"

#define DMA_PA   0x1F811000u
#define CH5      (DMA_PA + 0x60u + 0xC0u * 5)  /* a channel nobody uses */
#define SBFLAG   0x1F8F0510u
#define SBT_RD0(t) (0x1F8F8000u + 0x400u * (t) + 0x50u)

static char out[8192];
static size_t nout;

static void on_tx(void *ctx, int uart, uint8_t byte)
{
	struct machine *m = ctx;
	(void)uart;
	if (nout + 1 < sizeof out) {
		out[nout++] = (char)byte;
		out[nout] = 0;
	}
	if (strstr(out, "[1] dma: all ok"))
		vzsim_request_stop(m);
}

static int failures;
static void check(bool ok, const char *what)
{
	printf("%s dma-slip: %s\n", ok ? "ok" : "FAIL", what);
	failures += !ok;
}

static uint32_t rd(struct machine *m, uint32_t pa)
{
	uint32_t v = 0;
	soc_read(m, pa, 4, &v);
	return v;
}

/* One 16-byte block copy on channel 5, straight into the real registers. */
static uint32_t copy(struct machine *m, uint32_t src, uint32_t dst)
{
	soc_write(m, CH5 + 0x20u, 4, 0);              /* DCH5INT */
	soc_write(m, CH5 + 0x30u, 4, src);
	soc_write(m, CH5 + 0x40u, 4, dst);
	soc_write(m, CH5 + 0x50u, 4, 16);
	soc_write(m, CH5 + 0x60u, 4, 16);
	soc_write(m, CH5 + 0x90u, 4, 16);
	soc_write(m, CH5 + 0x00u, 4, 1u << 7);        /* CHEN */
	soc_write(m, CH5 + 0x18u, 4, 1u << 7);        /* CFORCE */
	vzsim_run(m, m->cycle + 2000);
	return rd(m, CH5 + 0x20u) & 0xFFu;
}

static bool blocked(struct machine *m, uint32_t src, uint32_t dst, const char *what)
{
	uint8_t before[16], after[16];
	bool dst_mem = dst < PA_RAM_SIZE;
	if (dst_mem)
		vzsim_peek(m, dst, before, sizeof before);
	uint32_t flags = copy(m, src, dst);
	bool same = true;
	if (dst_mem) {
		vzsim_peek(m, dst, after, sizeof after);
		same = memcmp(before, after, sizeof before) == 0;
	}
	bool ok = (flags & 1u) && same && rd(m, SBFLAG) != 0;
	char line[160];
	snprintf(line, sizeof line, "%s: bus error (CHERIF), nothing written", what);
	check(ok, line);
	return ok;
}

int main(int argc, char **argv)
{
	char err[256];
	if (argc != 2) {
		fprintf(stderr, "usage: slip IMAGE\n");
		return 2;
	}
	struct vzsim_options o = { .quiet = true, .strict = true };
	struct machine *m = vzsim_new(&o);
	if (!m || vzsim_load(m, argv[1], err, sizeof err) != 0) {
		fprintf(stderr, "slip: %s\n", m ? err : "out of memory");
		return 2;
	}
	vzsim_set_uart_tx(m, on_tx, m);
	vzsim_reset(m);
	vzsim_run(m, 400000000u);
	check(strstr(out, "[1] dma: all ok") != NULL, "the DMA guest ran to 'all ok'");

	uint32_t vm1 = 0, vm2 = 0;
	check(vzsim_gpa_to_pa(m, 1, 0x6000, true, &vm1) && vzsim_gpa_to_pa(m, 2, 0x100, true, &vm2),
	      "both VMs' RAM found");
	/* Inside the DMA VM: allowed. */
	uint32_t f = copy(m, vm1, vm1 + 0x100);
	check((f & 0x9u) == 0x8u && rd(m, SBFLAG) == 0, "a copy inside the DMA VM's RAM runs");
	blocked(m, vm1, vm2, "into the other VM's RAM");
	blocked(m, vm1, 0x100, "into the hypervisor's RAM");
	uint32_t rd0 = rd(m, SBT_RD0(2));
	blocked(m, vm1, SBT_RD0(2), "into the bus permission registers");
	check(rd0 == 0x1u && rd(m, SBT_RD0(2)) == rd0, "RAM bank 0 stays closed to the DMA's group");
	blocked(m, 0x1D000000u, vm1, "from the hypervisor's flash");
	vzsim_free(m);
	return failures != 0;
}
