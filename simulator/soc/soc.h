/* soc.h - placeholder; the SoC defines struct soc here. */
#ifndef VZSIM_SOC_H
#define VZSIM_SOC_H
#include <stdint.h>
struct soc { uint32_t placeholder; };
#endif
