/* SPDX-License-Identifier: Apache-2.0 */
/* test_soc_main.c - runs every SoC unit test group (host, cmocka). */
#include <stdio.h>

int run_sfr_tests(void);
int run_evic_tests(void);
int run_uart_tests(void);
int run_timer_tests(void);
int run_gpio_tests(void);
int run_system_tests(void);
int run_nvm_tests(void);
int run_bus_tests(void);
int run_dma_tests(void);
int run_sba_tests(void);

int main(void)
{
	int failed = 0;
	failed += run_sfr_tests();
	failed += run_evic_tests();
	failed += run_uart_tests();
	failed += run_timer_tests();
	failed += run_gpio_tests();
	failed += run_system_tests();
	failed += run_nvm_tests();
	failed += run_bus_tests();
	failed += run_dma_tests();
	failed += run_sba_tests();
	if (failed)
		fprintf(stderr, "soc unit tests: %d failed\n", failed);
	return failed != 0;
}
