#!/usr/bin/env bash
# Installs what is missing, then runs the whole test suite. Run as root: the tests that compare
# with keepalived and the karun lab tests create network namespaces. The lab tests (karun nodes
# timed against VRRP's intervals, keepalived as a live peer) run after the rest, so that the
# parallel suites do not take their CPU. Extra arguments go to both `swift test` runs.
# Then a bounded fuzz smoke run (issue 16): every libFuzzer target for FUZZ_SECONDS (default 20)
# on its seeds; KA_SKIP_FUZZ=1 skips it. The longer run is `Fuzz/run.sh long [SECONDS]`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
lab='Lab(Failover|Modes|Robustness|Systemd|SplitBrain|Interop)Tests'
swift build --build-tests
swift test --skip-build --skip "$lab" "$@"
swift test --skip-build --filter "$lab" "$@"
if [ "${KA_SKIP_FUZZ:-0}" != 1 ]; then
    FUZZ_SECONDS="${FUZZ_SECONDS:-20}" ./Fuzz/run.sh smoke
fi
