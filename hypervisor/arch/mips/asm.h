/* SPDX-License-Identifier: Apache-2.0 */
/* asm.h - register names and CP0 numbers for the hypervisor's assembly. */
#ifndef VZLET_ASM_H
#define VZLET_ASM_H

#define zero $0
#define AT   $1
#define v0   $2
#define v1   $3
#define a0   $4
#define a1   $5
#define a2   $6
#define a3   $7
#define t0   $8
#define t1   $9
#define t2   $10
#define t3   $11
#define t4   $12
#define t5   $13
#define t6   $14
#define t7   $15
#define s0   $16
#define t8   $24
#define t9   $25
#define k0   $26
#define k1   $27
#define gp   $28
#define sp   $29
#define ra   $31

#define CP0_BADVADDR $8
#define CP0_ENTRYHI  $10
#define CP0_STATUS   $12
#define CP0_CAUSE    $13
#define CP0_EPC      $14
#define CP0_EBASE    $15
#define CP0_PAGEMASK $5
#define CP0_ENTRYLO0 $2
#define CP0_ENTRYLO1 $3

/* struct vz_vevic (vzlet/vm.h; checked in vdev/vevic.c) */
#define VEVIC_IEC     28
#define VEVIC_OWNED   56
#define VEVIC_FAST    84
#define VEVIC_PENDING 112
#define VEVIC_OFFER   116
#define VEVIC_BEST    120
#define VEVIC_INTCON  124
#define VEVIC_IPC     136
#define VEVIC_OFF     352

#define LEAF(name) .globl name; .ent name; .type name, @function; name:
#define END(name)  .end name; .size name, . - name

#endif
