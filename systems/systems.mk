# systems build fragment (see top-level Makefile)
