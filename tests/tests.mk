# tests build fragment (see top-level Makefile)
