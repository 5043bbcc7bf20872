#!/usr/bin/env bash
# Writes scripts/code-order/kalint.symbols: the functions that kalint executes in typical runs,
# which the linker places together at the start of kalint's code (Package.swift: lld's
# --symbol-ordering-file, with -function-sections for kalint's modules).
#
# Why: the kernel maps the 64 KB around each page of code a process faults in, so code that runs
# scattered over the binary makes nearly all of its 5.9 MB text resident (about 6 MB of kalint's
# peak RSS, also for `kalint --version`); the code a lint runs is about 0.9 MB.
#
# The runs: kalint on kabench's generated 1,000- and 5,000-instance files (plain and JSON), on
# the gateway sample's node pair, and --version, each under valgrind's callgrind, which lists
# every function executed. Run it after changes that add or rename hot code (a stale list only
# costs resident memory, never correctness). Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "generate.sh: needs valgrind (apt-get install valgrind)" >&2; exit 1; }

swift build -c release --product kalint >/dev/null
swift build -c release --product kabench >/dev/null
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bin/kabench" generate --instances 1000 >"$work/g1k.conf"
"$bin/kabench" generate --instances 5000 >"$work/g5k.conf"
runs=(
    "$work/g5k.conf"
    "--format json $work/g1k.conf"
    "samples/gateway/node1.conf samples/gateway/node2.conf"
    "--version"
)
index=0
for run in "${runs[@]}"; do
    index=$((index + 1))
    # shellcheck disable=SC2086 # each run is a list of arguments
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/run$index.out" "$bin/kalint" $run >/dev/null 2>&1 || true
done

nm --defined-only "$bin/kalint" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u >"$work/defined.txt"
# callgrind names a function once per file as "fn=(id) name" or "cfn=(id) name"; a recursive
# cycle's copies get a "'N" suffix.
sed -n -E "s/^c?fn=\([0-9]+\) ([^']+).*$/\1/p" "$work"/run*.out | sort -u >"$work/executed.txt"
comm -12 "$work/executed.txt" "$work/defined.txt" >scripts/code-order/kalint.symbols
echo "scripts/code-order/kalint.symbols: $(wc -l <scripts/code-order/kalint.symbols) functions"
# SwiftPM does not see the list as an input of the link: relink kalint at the next build.
rm -f "$bin/kalint"
