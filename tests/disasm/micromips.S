/* SPDX-License-Identifier: Apache-2.0 */
/* micromips.S - one of each microMIPS instruction form the disassembler
 * names (16- and 32-bit, the FPU's and the DSP ASE's among them), for
 * test-disasm's comparison with objdump. Not run: only disassembled. */
	.set	micromips
	.set	noreorder
	.set	noat
	.set	hardfloat
	.set	dsp
	.text
	.globl	_start
	.ent	_start
_start:
	/* 16-bit */
	addu	$2, $3, $4
	subu	$16, $17, $7
	sll	$4, $5, 8
	srl	$6, $7, 3
	not	$2, $3
	and	$2, $2, $5
	or	$3, $3, $16
	xor	$4, $4, $17
	lbu	$2, -1($3)
	lbu	$2, 14($16)
	lhu	$3, 30($4)
	lw	$5, 60($6)
	lw	$7, 124($sp)
	lw	$2, -256($gp)
	sb	$0, 15($3)
	sh	$17, 6($2)
	sw	$4, 40($5)
	sw	$31, 4($sp)
	move	$9, $25
	andi	$2, $3, 255
	andi	$4, $5, 0x8000
	addiu	$2, $sp, 252
	addiu	$3, $4, -1
	addiu	$3, $4, 24
	addiu	$sp, $sp, -1032
	addiu	$sp, $sp, 2048
	addiu	$25, $25, -8
	li	$4, 126
	li	$5, -1
	mfhi	$9
	mflo	$24
	movep	$5, $6, $17, $0
	movep	$4, $22, $20, $3
	lwm	$16-$18, $31, 12($sp)
	swm	$16, $31, 0($sp)
	break16	7
	sdbbp16	3
	jrc	$31
	jraddiusp 16
1:	jr	$9
	nop16
	jalr	$25
	nop
	jalrs	$25
	nop16
	beqz	$2, 1b
	nop
	bnez	$16, 1b
	nop
	b	1b
	nop
	/* 32-bit */
	add	$1, $2, $3
	addu	$20, $21, $22
	sub	$3, $4, $5
	subu	$3, $4, $5
	neg	$6, $7
	negu	$6, $7
	and	$20, $21, $22
	or	$20, $21, $22
	xor	$20, $21, $22
	nor	$20, $21, $22
	not	$20, $21
	move	$20, $21
	slt	$8, $9, $10
	sltu	$8, $9, $10
	mul	$8, $9, $10
	movn	$8, $9, $10
	movz	$8, $9, $10
	addi	$8, $9, -300
	addiu	$8, $9, 300
	li	$8, 0x7fff
	li	$8, 0xffff
	slti	$8, $9, -5
	sltiu	$8, $9, 5
	andi	$20, $21, 0x1234
	ori	$20, $21, 0x1234
	xori	$20, $21, 0x1234
	lui	$20, 0xabcd
	sll	$20, $21, 31
	srl	$20, $21, 1
	sra	$20, $21, 7
	rotr	$20, $21, 9
	sllv	$20, $21, $22
	srlv	$20, $21, $22
	srav	$20, $21, $22
	rotrv	$20, $21, $22
	ext	$8, $9, 3, 5
	ins	$8, $9, 3, 5
	seb	$8, $9
	seh	$8, $9
	wsbh	$8, $9
	clo	$8, $9
	clz	$8, $9
	mult	$8, $9
	multu	$8, $9
	div	$0, $8, $9
	divu	$0, $8, $9
	madd	$8, $9
	maddu	$8, $9
	msub	$8, $9
	msubu	$8, $9
	mfhi	$20
	mflo	$20
	mthi	$20
	mtlo	$20
	lb	$20, -4($21)
	lbu	$20, 1000($21)
	lh	$20, -2($21)
	lhu	$20, 2($21)
	lw	$20, 32764($21)
	sb	$20, -32768($21)
	sh	$20, 2($21)
	sw	$20, 4($21)
	lwl	$20, 3($21)
	lwr	$20, -2048($21)
	swl	$20, 2047($21)
	swr	$20, 0($21)
	ll	$20, 8($21)
	sc	$20, 8($21)
	lwp	$20, 8($21)
	swp	$20, 8($21)
	lwm	$16-$23, $30, $31, 8($21)
	swm	$16-$19, 8($21)
	lwxs	$8, $9($10)
	cache	0x14, 16($21)
	pref	5, -16($21)
	lwc1	$f2, 4($21)
	swc1	$f2, 4($21)
	ldc1	$f4, 8($21)
	sdc1	$f4, 8($21)
	addiupc	$4, 4096
	teq	$8, $9
	teq	$8, $9, 7
	tne	$8, $9
	tge	$8, $9
	tgeu	$8, $9
	tlt	$8, $9
	tltu	$8, $9
	teqi	$8, -3
	tnei	$8, 3
	tgei	$8, 3
	tgeiu	$8, 3
	tlti	$8, 3
	tltiu	$8, 3
	break
	break	5
	sdbbp
	sdbbp	9
	syscall
	syscall	17
	wait
	wait	3
	eret
	deret
	di
	di	$8
	ei
	ei	$8
	ehb
	ssnop
	pause
	sync
	sync	4
	synci	16($8)
	mfc0	$8, $12
	mfc0	$8, $12, 1
	mfc0	$8, $16, 3
	mtc0	$8, $14
	mtc0	$8, $15, 1
	mfgc0	$8, $12
	mtgc0	$8, $12, 2
	rdhwr	$8, $29
	rdhwr	$8, $2
	rdpgpr	$8, $9
	wrpgpr	$8, $9
	tlbp
	tlbr
	tlbwi
	tlbwr
	tlbgp
	tlbgr
	tlbgwi
	tlbgwr
	tlbginv
	tlbginvf
	hypcall
	hypcall	0x3ff
2:	beq	$8, $9, 2b
	nop
	bne	$8, $9, 2b
	nop
	bgez	$8, 2b
	nop
	bgtz	$8, 2b
	nop
	blez	$8, 2b
	nop
	bltz	$8, 2b
	nop
	bltzal	$8, 2b
	nop
	bgezal	$8, 2b
	nop
	bltzals	$8, 2b
	nop16
	bgezals	$8, 2b
	nop16
	beqzc	$8, 2b
	bnezc	$8, 2b
	bc1f	2b
	nop
	bc1t	$fcc3, 2b
	nop
	bposge32 2b
	nop
	jalr	$20, $21
	nop
	jalr.hb	$21
	nop
	jr.hb	$21
	nop
	jalrs	$20, $21
	nop16
	j	2b
	nop
	jal	2b
	nop
	jals	2b
	nop16
	/* FPU (POOL32F): arithmetic, conversions, moves, compares, conditional
	 * moves, multiply-add, indexed loads and stores, paired single */
	.set	fp=64
	add.s	$f1,$f2,$f3
	add.d	$f2,$f4,$f6
	sub.s	$f1,$f2,$f3
	mul.s	$f1,$f2,$f3
	div.s	$f1,$f2,$f3
	add.ps	$f2,$f4,$f6
	abs.s	$f1,$f2
	neg.s	$f1,$f2
	mov.s	$f1,$f2
	sqrt.s	$f1,$f2
	rsqrt.s	$f1,$f2
	recip.s	$f1,$f2
	abs.d	$f2,$f4
	mov.d	$f2,$f4
	cvt.d.s	$f2,$f5
	cvt.s.d	$f5,$f2
	cvt.w.s	$f1,$f2
	cvt.s.w	$f1,$f2
	cvt.l.s	$f2,$f5
	cvt.s.l	$f5,$f2
	cvt.d.w	$f2,$f5
	cvt.d.l	$f2,$f4
	cvt.w.d	$f5,$f2
	cvt.l.d	$f4,$f2
	trunc.w.s	$f1,$f2
	round.w.s	$f1,$f2
	ceil.w.s	$f1,$f2
	floor.w.s	$f1,$f2
	trunc.l.d	$f2,$f4
	mfc1	$5,$f7
	mtc1	$5,$f7
	mfhc1	$5,$f7
	mthc1	$5,$f7
	cfc1	$5,$31
	ctc1	$5,$31
	c.eq.s	$f2,$f4
	c.lt.d	$fcc3,$f2,$f4
	c.ngt.ps	$fcc2,$f2,$f4
	movf	$5,$6,$fcc1
	movt	$5,$6,$fcc2
	movf.s	$f1,$f2,$fcc3
	movt.d	$f2,$f4,$fcc4
	movz.s	$f1,$f2,$5
	movn.d	$f2,$f4,$5
	madd.s	$f1,$f2,$f3,$f4
	msub.d	$f2,$f4,$f6,$f8
	nmadd.s	$f1,$f2,$f3,$f4
	nmsub.d	$f2,$f4,$f6,$f8
	lwxc1	$f1,$5($6)
	swxc1	$f1,$5($6)
	ldxc1	$f2,$5($6)
	sdxc1	$f2,$5($6)
	luxc1	$f2,$5($6)
	suxc1	$f2,$5($6)
	prefx	3,$5($6)
	cvt.ps.s	$f2,$f4,$f6
	cvt.s.pl	$f1,$f2
	cvt.s.pu	$f1,$f2
	pll.ps	$f2,$f4,$f6
	plu.ps	$f2,$f4,$f6
	pul.ps	$f2,$f4,$f6
	puu.ps	$f2,$f4,$f6
	alnv.ps	$f2,$f4,$f6,$5
	abs.s	$f2,$f4
	abs.ps	$f2,$f4
	neg.s	$f2,$f4
	neg.d	$f2,$f4
	neg.ps	$f2,$f4
	mov.s	$f2,$f4
	mov.ps	$f2,$f4
	sqrt.s	$f2,$f4
	sqrt.d	$f2,$f4
	rsqrt.s	$f2,$f4
	rsqrt.d	$f2,$f4
	recip.s	$f2,$f4
	recip.d	$f2,$f4
	round.w.s	$f2,$f4
	round.w.d	$f2,$f4
	round.l.s	$f2,$f4
	round.l.d	$f2,$f4
	trunc.w.s	$f2,$f4
	trunc.w.d	$f2,$f4
	trunc.l.s	$f2,$f4
	ceil.w.s	$f2,$f4
	ceil.w.d	$f2,$f4
	ceil.l.s	$f2,$f4
	ceil.l.d	$f2,$f4
	floor.w.s	$f2,$f4
	floor.w.d	$f2,$f4
	floor.l.s	$f2,$f4
	floor.l.d	$f2,$f4
	cvt.w.s	$f2,$f4
	cvt.w.d	$f2,$f4
	cvt.l.s	$f2,$f4
	cvt.l.d	$f2,$f4
	cvt.s.d	$f2,$f4
	cvt.s.w	$f2,$f4
	cvt.s.l	$f2,$f4
	cvt.d.s	$f2,$f4
	cvt.d.w	$f2,$f4
	cvt.s.pl	$f2,$f4
	cvt.s.pu	$f2,$f4
	cfc1	$5,$25
	ctc1	$5,$25
	/* DSP ASE r2 (POOL32A, POOL32Axf): one of each */
	.set	dspr2
	addu.qb	$5,$6,$7
	subu.qb	$5,$6,$7
	addu_s.qb	$5,$6,$7
	subu_s.qb	$5,$6,$7
	muleu_s.ph.qbl	$5,$6,$7
	muleu_s.ph.qbr	$5,$6,$7
	addu.ph	$5,$6,$7
	subu.ph	$5,$6,$7
	addq.ph	$5,$6,$7
	subq.ph	$5,$6,$7
	addu_s.ph	$5,$6,$7
	subu_s.ph	$5,$6,$7
	addq_s.ph	$5,$6,$7
	subq_s.ph	$5,$6,$7
	addsc	$5,$6,$7
	addwc	$5,$6,$7
	modsub	$5,$6,$7
	raddu.w.qb	$5,$6
	addq_s.w	$5,$6,$7
	subq_s.w	$5,$6,$7
	muleq_s.w.phl	$5,$6,$7
	muleq_s.w.phr	$5,$6,$7
	mulq_s.ph	$5,$6,$7
	mulq_rs.ph	$5,$6,$7
	cmpu.eq.qb	$5,$6
	cmpu.lt.qb	$5,$6
	cmpu.le.qb	$5,$6
	pick.qb	$5,$6,$7
	cmpgu.eq.qb	$5,$6,$7
	cmpgu.lt.qb	$5,$6,$7
	cmpgu.le.qb	$5,$6,$7
	cmp.eq.ph	$5,$6
	cmp.lt.ph	$5,$6
	cmp.le.ph	$5,$6
	pick.ph	$5,$6,$7
	precrq.qb.ph	$5,$6,$7
	precr.qb.ph	$5,$6,$7
	packrl.ph	$5,$6,$7
	precrqu_s.qb.ph	$5,$6,$7
	precrq.ph.w	$5,$6,$7
	precrq_rs.ph.w	$5,$6,$7
	cmpgdu.eq.qb	$5,$6,$7
	cmpgdu.lt.qb	$5,$6,$7
	cmpgdu.le.qb	$5,$6,$7
	precr_sra.ph.w	$5,$6,21
	precr_sra_r.ph.w	$5,$6,21
	absq_s.qb	$5,$6
	repl.qb	$5,0xa5
	replv.qb	$5,$6
	precequ.ph.qbl	$5,$6
	precequ.ph.qbr	$5,$6
	precequ.ph.qbla	$5,$6
	precequ.ph.qbra	$5,$6
	absq_s.ph	$5,$6
	repl.ph	$5,-300
	replv.ph	$5,$6
	preceq.w.phl	$5,$6
	preceq.w.phr	$5,$6
	absq_s.w	$5,$6
	preceu.ph.qbl	$5,$6
	preceu.ph.qbr	$5,$6
	preceu.ph.qbla	$5,$6
	preceu.ph.qbra	$5,$6
	bitrev	$5,$6
	shll.qb	$5,$6,5
	shrl.qb	$5,$6,5
	shllv.qb	$5,$6,$7
	shrlv.qb	$5,$6,$7
	shra.qb	$5,$6,5
	shra_r.qb	$5,$6,5
	shrav.qb	$5,$6,$7
	shrav_r.qb	$5,$6,$7
	shll.ph	$5,$6,13
	shra.ph	$5,$6,13
	shllv.ph	$5,$6,$7
	shrav.ph	$5,$6,$7
	shll_s.ph	$5,$6,13
	shra_r.ph	$5,$6,13
	shllv_s.ph	$5,$6,$7
	shrav_r.ph	$5,$6,$7
	shll_s.w	$5,$6,29
	shra_r.w	$5,$6,29
	shllv_s.w	$5,$6,$7
	shrav_r.w	$5,$6,$7
	shrl.ph	$5,$6,13
	shrlv.ph	$5,$6,$7
	adduh.qb	$5,$6,$7
	subuh.qb	$5,$6,$7
	adduh_r.qb	$5,$6,$7
	subuh_r.qb	$5,$6,$7
	addqh.ph	$5,$6,$7
	subqh.ph	$5,$6,$7
	addqh_r.ph	$5,$6,$7
	subqh_r.ph	$5,$6,$7
	mul.ph	$5,$6,$7
	mul_s.ph	$5,$6,$7
	addqh.w	$5,$6,$7
	subqh.w	$5,$6,$7
	addqh_r.w	$5,$6,$7
	subqh_r.w	$5,$6,$7
	mulq_s.w	$5,$6,$7
	mulq_rs.w	$5,$6,$7
	dpa.w.ph	$ac1,$6,$7
	dps.w.ph	$ac1,$6,$7
	mulsa.w.ph	$ac1,$6,$7
	dpau.h.qbl	$ac1,$6,$7
	dpaq_s.w.ph	$ac1,$6,$7
	dpsq_s.w.ph	$ac1,$6,$7
	mulsaq_s.w.ph	$ac1,$6,$7
	dpau.h.qbr	$ac1,$6,$7
	dpax.w.ph	$ac1,$6,$7
	dpsx.w.ph	$ac1,$6,$7
	dpsu.h.qbl	$ac1,$6,$7
	dpaq_sa.l.w	$ac1,$6,$7
	dpsq_sa.l.w	$ac1,$6,$7
	dpsu.h.qbr	$ac1,$6,$7
	maq_sa.w.phl	$ac1,$6,$7
	maq_sa.w.phr	$ac1,$6,$7
	maq_s.w.phl	$ac1,$6,$7
	maq_s.w.phr	$ac1,$6,$7
	dpaqx_s.w.ph	$ac1,$6,$7
	dpsqx_s.w.ph	$ac1,$6,$7
	dpaqx_sa.w.ph	$ac1,$6,$7
	dpsqx_sa.w.ph	$ac1,$6,$7
	append	$5,$6,21
	prepend	$5,$6,21
	balign	$5,$6,3
	extr.w	$5,$ac2,17
	extrv.w	$5,$ac3,$6
	extp	$5,$ac2,17
	extpv	$5,$ac3,$6
	extr_r.w	$5,$ac2,17
	extrv_r.w	$5,$ac3,$6
	extr_rs.w	$5,$ac2,17
	extrv_rs.w	$5,$ac3,$6
	extpdp	$5,$ac2,17
	extpdpv	$5,$ac3,$6
	extr_s.h	$5,$ac2,17
	extrv_s.h	$5,$ac3,$6
	rddsp	$5,0x15
	wrdsp	$5,0x2a
	shilo	$ac1,-7
	shilov	$ac2,$6
	mthlip	$5,$ac3
	lwx	$5,$6($7)
	lhx	$5,$6($7)
	lbux	$5,$6($7)
	insv	$5,$6
	rddsp	$5
	wrdsp	$6
	mult	$ac1,$6,$7
	maddu	$ac2,$6,$7
	mfhi	$5,$ac3
	mtlo	$5,$ac1
	.end	_start
