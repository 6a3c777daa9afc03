/* SPDX-License-Identifier: Apache-2.0 */
/* dma.h - guest DMA: channel ownership, the emulated DMA block, the bus
 * permission plan (dma.c). */
#ifndef VZCFG_DMA_H
#define VZCFG_DMA_H

#include "model.h"

/* A VM with `dma-channels`: its DMA block and channel interrupts. */
void dma_build_vm(struct cfg_system *sys, struct cfg_vm *vm);
/* irq is the interrupt of a DMA channel vm owns. */
bool dma_irq_owned(const struct cfg_vm *vm, unsigned irq);
/* Errors for DMA the bus permission hardware cannot confine. */
void dma_check(const struct cfg_system *sys);
/* After allocation: the bus permission writes (sys->bus_plan). */
int dma_plan(struct cfg_system *sys);

#endif
