/* SPDX-License-Identifier: Apache-2.0 */
/* console.c - fuzz harness: the hypervisor's console (core/console.c) with
 * input from the terminal and output from guests, over the stub arch layer.
 * The input is a byte stream: a byte 0xFE makes the next byte a guest's
 * store to its virtual UART transmitter (of the VM it names, by the low two
 * bits of the byte after), every other byte is typed at the terminal. */
#include "hv_fuzz.h"
#include "../fuzz.h"

static void typing(const uint8_t *data, size_t len)
{
	host_boot();
	for (size_t i = 0; i < len; i++) {
		if (data[i] == 0xFE && i + 2 < len) {
			struct vz_vm *vm = vm_by_id(1u + data[i + 1] % 3u);
			vcon_write(vm, 0x20, data[i + 2]);         /* UxTXREG */
			i += 2;
			continue;
		}
		host_uart_input(data + i, 1);
		host_idle_waits = 0;
		con_interrupt_rx();
		sched_commit();         /* what the keys decided (stop, restart) */
	}
}

void fuzz_one(const uint8_t *data, size_t len)
{
	if (!setjmp(host_idle_exit))
		typing(data, len);
	/* else: idle with nothing left to run */
}
