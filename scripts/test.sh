#!/usr/bin/env bash
# Installs what is missing, then runs the whole test suite. Run as root: the tests that compare
# with keepalived create network namespaces. Extra arguments go to `swift test`.
# Then a bounded fuzz smoke run (issue 16): every libFuzzer target for FUZZ_SECONDS (default 20)
# on its seeds; KA_SKIP_FUZZ=1 skips it. The longer run is `Fuzz/run.sh long [SECONDS]`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift test "$@"
if [ "${KA_SKIP_FUZZ:-0}" != 1 ]; then
    FUZZ_SECONDS="${FUZZ_SECONDS:-20}" ./Fuzz/run.sh smoke
fi
