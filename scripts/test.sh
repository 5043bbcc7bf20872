#!/usr/bin/env bash
# Installs what is missing, then runs the whole test suite. Run as root: the tests that compare
# with keepalived create network namespaces. Extra arguments go to `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec swift test "$@"
