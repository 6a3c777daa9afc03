# hypervisor build fragment (see top-level Makefile)
