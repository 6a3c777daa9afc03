/* SPDX-License-Identifier: Apache-2.0 */
/* tables.c - the system the hypervisor harnesses run: what vzlet-config
 * would emit for three VMs with every kind of block (virtual EVIC and
 * console, read-only, write-ignored, logged and guarded registers), RAM and
 * flash regions, owned interrupt sources and setup writes; and the boot
 * through core/main.c's hv_main up to the launch of the first guest. */
#include <string.h>

#include "hv_fuzz.h"

static const struct vz_region regions1[] = {
	{ 0x00000000u, 0x00008000u, 0x4000, VZ_REGION_R | VZ_REGION_W | VZ_REGION_X },
	{ 0x1D000000u, 0x1D010000u, 0x4000, VZ_REGION_R | VZ_REGION_X | VZ_REGION_FLASH },
	{ 0x1F860000u, 0x1F861000u, 0x1000, VZ_REGION_R | VZ_REGION_W | VZ_REGION_DEVICE },
};
static const struct vz_region regions2[] = {
	{ 0x00000000u, 0x0000C000u, 0x2000, VZ_REGION_R | VZ_REGION_W | VZ_REGION_X },
	{ 0x00010000u, 0x00010000u, 0x1000, VZ_REGION_R | VZ_REGION_W | VZ_REGION_SHARED },
	{ 0x1D000000u, 0x1D020000u, 0x4000, VZ_REGION_R | VZ_REGION_X | VZ_REGION_FLASH },
};

/* PORTB-like page: TRIS/PORT/LAT words shared bit by bit. */
static const struct vz_subpage guard1[16] = {
	[1] = { { 0x000000F0u, 0x000000F0u, 0x000000F0u, 0x000000F0u } },
	[3] = { { 0xFFFFFFFFu, 0, 0x00000F00u, 0 } },
	[4] = { { 0x0000000Fu, 0x0000000Fu, 0x0000000Fu, 0x0000000Fu } },
};
static const struct vz_subpage guard2[4] = {
	[0] = { { 0x0000FFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0 } },
	[2] = { { 0x80000001u, 0x80000001u, 0, 0x80000001u } },
};

static const struct vz_block blocks1[] = {
	{ 0x1F800000u, 0x1F800000u, 0x20, VZ_EMU_READ_ONLY, NULL },
	{ 0x1F800600u, 0x1F800600u, 0x40, VZ_EMU_WRITE_LOG, NULL },
	{ 0x1F810000u, 0, 0x1000, VZ_EMU_EVIC, NULL },
	{ 0x1F822600u, 0, 0x200, VZ_EMU_CONSOLE, NULL },
	{ 0x1F840000u, 0x1F840000u, 0x40, VZ_EMU_WRITE_IGNORE, NULL },
	{ 0x1F860100u, 0x1F860100u, 0x100, VZ_EMU_GUARDED, guard1 },
};
static const struct vz_block blocks2[] = {
	{ 0x1F800C00u, 0, 0x10, VZ_EMU_WDT, NULL },
	{ 0x1F810000u, 0, 0x1000, VZ_EMU_EVIC, NULL },
	{ 0x1F822600u, 0, 0x200, VZ_EMU_CONSOLE, NULL },
	{ 0x1F860140u, 0x1F860140u, 0x40, VZ_EMU_GUARDED, guard2 },
};
static const struct vz_block blocks3[] = {
	{ 0x1F822600u, 0, 0x200, VZ_EMU_CONSOLE, NULL },
};

static const struct vz_reg_write setup1[] = {
	{ 0x1F860114u, 0x000000F0u }, { 0x1F801404u, 0x1u },
};

static const struct vz_vm_config vms[] = {
	{ .id = 1, .cache_mode = VZ_CACHE_WB, .name = "one", .entry = 0x9D001000u,
	  .status = VZ_GUEST_STATUS_RESET, .ebase = VZ_GUEST_EBASE_RESET,
	  .intctl = VZ_GUEST_INTCTL_RESET, .regions = regions1, .region_count = 3,
	  .blocks = blocks1, .block_count = 6, .setup = setup1, .setup_count = 2,
	  .irq_owned = { 0, 0x00000010u, 0, 0, 0, 0x00040000u, 0 } },
	{ .id = 2, .flags = VZ_VM_POLLING, .cache_mode = VZ_CACHE_UNCACHED, .name = "two",
	  .entry = 0x9D000000u, .status = VZ_GUEST_STATUS_RESET,
	  .ebase = VZ_GUEST_EBASE_RESET, .intctl = VZ_GUEST_INTCTL_RESET,
	  .regions = regions2, .region_count = 3, .blocks = blocks2, .block_count = 4,
	  .irq_owned = { 0x00100000u, 0, 0, 0, 0x00000002u, 0, 0 }, .slice_ticks = 5000,
	  .wdt_devcfg1 = 0x00800000u },   /* its watchdog: on from reset, 1 ms, windowed 75 % */
	{ .id = 3, .flags = VZ_VM_NO_AUTOSTART, .name = "three", .entry = 0x9D000000u,
	  .status = VZ_GUEST_STATUS_RESET, .ebase = VZ_GUEST_EBASE_RESET,
	  .intctl = VZ_GUEST_INTCTL_RESET, .regions = regions2, .region_count = 1,
	  .blocks = blocks3, .block_count = 1 },
};

static uint8_t irq_owner[VZ_NUM_IRQS] = {
	[20] = 2, [36] = 1, [129] = 2, [178] = 1,
};

const struct vz_system vz_system = {
	.num_vms = 3, .console_uart = 4, .console_baud = 115200, .sysclk_hz = 200000000u,
	.pbclk2_hz = 100000000u, .slice_ticks = 100000, .vms = vms, .irq_owner = irq_owner,
};

VZ_DEFINE_VM_STATE(3);

void host_boot(void)
{
	memset(host_cp0, 0, sizeof(uint32_t[32][8]));
	memset(host_gcp0, 0, sizeof(uint32_t[32][8]));
	memset(host_gpr, 0, sizeof(uint32_t[32]));
	memset(vz_vm_state, 0, sizeof(struct vz_vm[3]));
	host_gcp0[16][0] = 0x80008083u;                                 /* guest Config */
	hv_cur = NULL;
	sched_loaded = NULL;
	sched_want = NULL;
	host_idle_waits = 0;
	if (!setjmp(host_launched))
		hv_main();
}
