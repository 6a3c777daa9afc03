/* SPDX-License-Identifier: Apache-2.0 */
/* vm_build.h - per-VM regions and register blocks from the description. */
#ifndef VZCFG_VM_BUILD_H
#define VZCFG_VM_BUILD_H

#include "model.h"

/* Read the guest ELF; add its flash regions (program flash, boot flash). */
int vm_build_image(struct cfg_vm *vm);
/* Add the RAM windows. */
int vm_build_ram(struct cfg_vm *vm);
/* Check the ELF's run-time addresses and entry point against the regions. */
int vm_check_image_fits(struct cfg_vm *vm);
/* Turn devices, explicit blocks and pins into blocks and device regions. */
void vm_build_blocks(struct cfg_system *sys, struct cfg_vm *vm);
/* Take coupled bits (vzlet,coupled) out of the allow masks of a VM that
 * does not have the device they control. */
void vm_mask_coupled(const struct cfg_system *sys, struct cfg_vm *vm);
/* Overlaps inside one VM (blocks, regions, blocks sharing a mapped page). */
int vm_check_layout(const struct cfg_system *sys, const struct cfg_vm *vm);

/* Flash region size for an image of image_size bytes at gpa: rounded to
 * 4 KB, or further (at most doubled) when that needs fewer TLB entries. */
uint32_t vm_flash_size_for(uint32_t gpa, uint32_t image_size);

#endif
