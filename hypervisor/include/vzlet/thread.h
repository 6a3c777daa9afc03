/* SPDX-License-Identifier: Apache-2.0 */
/* thread.h - hypervisor threads (core/thread.c; configured in the system
 * description, struct vz_thread_config in vm_config.h). */
#ifndef VZLET_THREAD_H
#define VZLET_THREAD_H

#include <stdbool.h>
#include <stdint.h>
#include <vzlet/vm_config.h>

void threads_init(void);
void threads_run(void);                  /* the scheduler: run the due threads */
uint32_t threads_deadline(bool *armed);  /* the earliest wake-up (root Count) */
void thread_wait_period(void);           /* in a thread: until its next period */
uint32_t thread_stack_used(const struct vz_thread_config *cfg);   /* bytes */

/* The thread functions a system description may name (`function`); the
 * configurator knows the same list (configurator/dt_read.c). */
void hv_thread_heartbeat(const struct vz_thread_config *self);

#endif
