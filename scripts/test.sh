#!/usr/bin/env bash
# Installs what is missing, then runs the whole test suite. Run as root: the tests that compare
# with keepalived and the karun lab tests create network namespaces. The lab tests (karun nodes
# timed against VRRP's intervals, keepalived as a live peer) run after the rest, so that the
# parallel suites do not take their CPU. Then the Debian package (issue 17): package.sh --debug
# links the debug build again with the Swift runtime in (about a minute; the release package takes
# many more, see README "Packaging figures"), and PackageInstallTests installs it with dpkg, runs
# the tools without Swift and purges it (CI=true makes that suite fail, not skip, without it).
# Extra arguments go to every `swift test` run.
# Then a bounded fuzz smoke run (issue 16): every libFuzzer target for FUZZ_SECONDS (default 20)
# on its seeds; KA_SKIP_FUZZ=1 skips it. The longer run is `Fuzz/run.sh long [SECONDS]`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
lab='Lab(Failover|Modes|Robustness|Systemd|SplitBrain|Interop)Tests'
package='PackageInstallTests'
swift build --build-tests
swift test --skip-build --skip "$lab|$package" "$@"
swift test --skip-build --filter "$lab" "$@"
deb="$(./scripts/package.sh --debug)"
KA_PACKAGE_DEB="$deb" swift test --skip-build --filter "$package" "$@"
if [ "${KA_SKIP_FUZZ:-0}" != 1 ]; then
    FUZZ_SECONDS="${FUZZ_SECONDS:-20}" ./Fuzz/run.sh smoke
fi
