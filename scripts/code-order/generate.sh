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
# every function executed. Then native rounds: callgrind runs the threads one at a time, and a
# native run's threads interleave and take paths it did not see (a chunk queued, a value copied
# through its witness): each round relinks kalint with the list, runs the same runs natively
# under perf recording every page fault, and adds the functions whose code faulted outside the
# listed span (faulted-functions.py), until a round adds none. Run it after changes that add or
# rename hot code (a stale list only costs resident memory, never correctness).
# Needs valgrind, perf and python3 (apt-get install valgrind linux-perf python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in valgrind perf python3; do
    command -v "$tool" >/dev/null || { echo "generate.sh: needs $tool (apt-get install valgrind linux-perf python3)" >&2; exit 1; }
done

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

# Functions, and the ifunc resolvers a static executable runs at start (callgrind names a
# resolver by its ifunc symbol).
nm --defined-only "$bin/kalint" | awk '$2 ~ /^[tTwWi]$/ { print $3 }' | sort -u >"$work/defined.txt"
# callgrind names a function once per file as "fn=(id) name" or "cfn=(id) name"; a recursive
# cycle's copies get a "'N" suffix.
sed -n -E "s/^c?fn=\([0-9]+\) ([^']+).*$/\1/p" "$work"/run*.out | sort -u >"$work/executed.txt"
list=scripts/code-order/kalint.symbols
comm -12 "$work/executed.txt" "$work/defined.txt" >"$list"
echo "callgrind: $(wc -l <"$list") functions"

for round in 1 2 3 4 5 6 7 8; do
    # SwiftPM does not see the list as an input of the link: relink kalint with it.
    rm -f "$bin/kalint"
    swift build -c release --product kalint >/dev/null
    rm -f "$work"/faults*.txt
    index=0
    for repetition in 1 2 3; do
        for run in "${runs[@]}"; do
            index=$((index + 1))
            # shellcheck disable=SC2086 # each run is a list of arguments
            perf record -q -e page-faults -c 1 -d -o "$work/faults.data" -- "$bin/kalint" $run >/dev/null 2>&1 || true
            perf script -i "$work/faults.data" -F addr,ip >"$work/faults$index.txt" 2>/dev/null
        done
    done
    python3 scripts/code-order/faulted-functions.py "$bin/kalint" "$list" "$work"/faults*.txt >"$work/new.txt"
    added=$(grep -c . "$work/new.txt" || true)
    echo "native round $round: $added functions faulted in outside the list"
    [ "$added" -eq 0 ] && break
    sort -u "$list" "$work/new.txt" -o "$list"
done
echo "$list: $(wc -l <"$list") functions"
# The list changed after the last link: relink kalint at the next build.
rm -f "$bin/kalint"
