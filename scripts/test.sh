#!/usr/bin/env bash
# Installs what is missing, then runs the whole test suite. Run as root: the tests that compare
# with keepalived and the karun lab tests create network namespaces. The lab tests (karun nodes
# timed against VRRP's intervals) run after the rest, so that the parallel suites do not take
# their CPU. Extra arguments go to both `swift test` runs.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
lab='Lab(Failover|Modes|Robustness|Systemd|SplitBrain|Interop)Tests'
swift build --build-tests
swift test --skip-build --skip "$lab" "$@"
swift test --skip-build --filter "$lab" "$@"
