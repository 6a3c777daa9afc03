/* cpu.h - placeholder; the CPU core defines struct cpu here. */
#ifndef VZSIM_CPU_H
#define VZSIM_CPU_H
#include <stdint.h>
struct cpu { uint32_t placeholder; };
#endif
