# SPDX-License-Identifier: Apache-2.0
# make check-static: the static-analysis gate (docs/testing.md, "Static
# analysis"; deviations and disabled checks: docs/misra.md). Run by .ci/run
# after make test. Each part alone: static-misra, static-tidy,
# static-analyzer. Any finding fails.
.PHONY: check-static static-misra static-tidy static-analyzer
check-static: deps
	@status=0; \
	tests/static/misra.sh || status=1; \
	tests/static/tidy.sh || status=1; \
	tests/static/analyzer.sh || status=1; \
	if [ $$status -ne 0 ]; then echo "check-static: FAILED"; exit 1; fi; \
	echo "check-static: clean"

static-misra:
	@tests/static/misra.sh
static-tidy:
	@tests/static/tidy.sh
static-analyzer:
	@tests/static/analyzer.sh
