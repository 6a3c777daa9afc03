# guests build fragment (see top-level Makefile)
