/* SPDX-License-Identifier: Apache-2.0 */
/* thread_switch.S - switch between the hypervisor's own stack and the stack
 * of one of its threads (core/thread.c). Only what the o32 calling
 * convention makes the callee keep is saved: $16-$23, $30, gp and ra; the
 * caller keeps the rest. Interrupts stay as they are (the hypervisor runs
 * with EXL = 1 or IE = 0 throughout). */
#include "asm.h"

	.set noreorder
	.set noat
	.text

#define FRAME 48   /* 11 words, rounded up to 8-byte alignment */

/* void hv_stack_switch(uint32_t *save_sp, uint32_t new_sp): push the saved
 * registers, store sp to *save_sp, take new_sp and pop the registers that a
 * previous switch (or thread_frame in thread.c) left there. */
LEAF(hv_stack_switch)
	addiu	sp, sp, -FRAME
	sw	$16, 0(sp)
	sw	$17, 4(sp)
	sw	$18, 8(sp)
	sw	$19, 12(sp)
	sw	$20, 16(sp)
	sw	$21, 20(sp)
	sw	$22, 24(sp)
	sw	$23, 28(sp)
	sw	$30, 32(sp)
	sw	gp, 36(sp)
	sw	ra, 40(sp)
	sw	sp, 0(a0)
	move	sp, a1
	lw	$16, 0(sp)
	lw	$17, 4(sp)
	lw	$18, 8(sp)
	lw	$19, 12(sp)
	lw	$20, 16(sp)
	lw	$21, 20(sp)
	lw	$22, 24(sp)
	lw	$23, 28(sp)
	lw	$30, 32(sp)
	lw	gp, 36(sp)
	lw	ra, 40(sp)
	jr	ra
	addiu	sp, sp, FRAME
END(hv_stack_switch)

/* A thread's first switch lands here ($16 = its struct vz_thread_config,
 * set by thread_frame): call thread_main, which never returns. */
LEAF(hv_thread_start)
	move	a0, $16
	j	thread_main
	nop
END(hv_thread_start)
