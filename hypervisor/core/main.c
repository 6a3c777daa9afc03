/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - boot: chip and root CP0 set-up, console, root TLB, VMs, then the
 * first guest. */
#include <vzlet/hv.h>
#include <vzlet/thread.h>
#include <vzlet/cp0.h>

struct hv_fast hv_fast;

extern char vz_vec_refill[];          /* root EBase */
extern char _stack_top[];

void hv_main(void) __attribute__((noreturn));

static void cp0_init(void)
{
	/* EBase may only change while BEV = 1 (as at reset). */
	CP0_WRITE(C0_STATUS, ST_CU0 | ST_BEV | ST_EXL);
	ehb();
	CP0_WRITE(C0_EBASE, (uint32_t)(uintptr_t)vz_vec_refill);
	CP0_WRITE(C0_INTCTL, 0x20);                    /* VS = 1 */
	CP0_WRITE(C0_CAUSE, CA_IV);                    /* EIC: vector from the EVIC */
	CP0_WRITE(C0_SRSCTL, 0);                       /* hypervisor: set 0 (ESS = 0) */
	CP0_WRITE(C0_PAGEGRAIN, 0xC0000000u);          /* RIE | XIE: the plan's XI bits count */
	/* Guests: full CP0 and guest TLB; Count/Compare and Config trap (GT =
	 * CF = 0); every CACHE traps (CG = 0: with CG = 1, Index Store Data,
	 * which CGI does not cover, would write any line of the shared cache;
	 * core/exit.c does what is safe); software interrupt bits of Cause
	 * trap (SFC1); no hardware field change exits (MC = 0, FCD). */
	CP0_WRITE(C0_GUESTCTL0, GC0_GM | GC0_CP0 | GC0_AT_FULL | GC0_SFC1);
	CP0_WRITE(C0_GUESTCTL0EXT, GC0X_FCD);
	CP0_WRITE(C0_GUESTCTL1, 0);
	CP0_WRITE(C0_GUESTCTL2, 0);
	CP0_WRITE(C0_STATUS, ST_CU0 | ST_EXL);         /* BEV off; EXL: root mode */
	jr_hb();                                       /* fetch sees the new K0 */
}

static void banner(void)
{
	const struct vz_system *s = &vz_system;
	con_printf("vzlet hypervisor: %u VMs, console UART%u, slice %u ticks, TLB: guests' part %u, "
		   "root Wired %u\n", hv_fast.num_vms, s->console_uart, s->slice_ticks,
		   s->guest_tlb_part, tlb_wired_count());
	for (unsigned i = 1; i <= hv_fast.num_vms; i++) {
		const struct vz_vm_config *c = vm_by_id(i)->cfg;
		con_printf("vm%u %s: entry %08x, %u regions, %u TLB, %u blocks%s\n",
			   i, c->name, c->entry, c->region_count, c->tlb_count, c->block_count,
			   (c->flags & VZ_VM_POLLING) ? ", polling" : "");
	}
	con_printf("Ctrl-E n: input to VM n (0: hypervisor, h: help)\n");
}

void hv_main(void)
{
	unsigned n = vz_system.num_vms;
	hv_fast.num_vms = n > VZ_MAX_VMS ? VZ_MAX_VMS : n;
	for (unsigned i = 0; i < hv_fast.num_vms; i++) {
		vz_vm_state[i].cfg = &vz_system.vms[i];
		vz_vm_state[i].id = (uint8_t)(i + 1u);
	}

	soc_board_init();
	cp0_init();
	evic_init();
	setup_apply(vz_system.board_setup, vz_system.board_setup_count);
	con_init();
	for (unsigned k = 0; k < VZ_NUM_IRQS; k++) {   /* sources owned by VMs: 6 */
		if (vz_system.irq_owner[k]) {
			evic_set_priority(k, 6, 0);
		}
	}
	evic_set_priority(0, 7, 0);          /* core timer: the hypervisor's */
	evic_clear(0);
	evic_enable(0, true);
	tlb_init();
	tlb_wire_plans();
	banner();
	sched_init();
	threads_init();
	CP0_WRITE(C0_STATUS, ST_CU0 | ST_EXL | ST_IE);   /* IE takes effect in guest mode */
	ehb();
	sched_start();
}
