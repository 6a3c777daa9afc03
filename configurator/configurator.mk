# configurator build fragment (see top-level Makefile)
