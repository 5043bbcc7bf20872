#!/usr/bin/env bash
# Builds the libFuzzer targets (issue 16) with -sanitize=fuzzer,address and runs each one.
#   Fuzz/run.sh smoke            each target for FUZZ_SECONDS (default 20) on its seeds: CI's bounded run
#   Fuzz/run.sh long [SECONDS]   each target for SECONDS (default 3600) with a corpus kept in .build/fuzz-corpus
#   Fuzz/run.sh replay DIR...    replays files (crashes, corpora) through every target, without libFuzzer
# FUZZ_TIMEOUT=N (seconds, default 1) is the hang limit; on a machine shared with builds, or at
# a low priority, a run can wait longer than a second for the CPU: use a larger limit there and
# replay what it reports (run.sh replay) to tell a hang from a wait.
# FUZZ_TARGETS="fuzz-lint ..." picks targets; in long mode FUZZ_ASAN=0 builds without
# AddressSanitizer (about 2.7x the executions a second: Swift checks its own memory outside
# unsafe pointers) and FUZZ_JOBS=N runs N fuzzing processes per target on one corpus.
# A crash, a timeout (over 1 s) or a sanitizer report stops the target and fails the run; the
# input is left in .build/fuzz-findings/ and must become a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-smoke}"
read -r -a targets <<<"${FUZZ_TARGETS:-fuzz-analysis fuzz-format fuzz-lint fuzz-vrrp}"
seeds_for() { if [ "$1" = fuzz-vrrp ]; then echo Fuzz/Corpus/vrrp; else echo Fuzz/Corpus/config; fi; }

if [ "$mode" = replay ]; then
    shift
    swift build --product fuzz-analysis >/dev/null
    for target in "${targets[@]}"; do
        swift build --product "$target" >/dev/null
        "$(swift build --show-bin-path)/$target" "$@"
    done
    exit 0
fi

seconds="${FUZZ_SECONDS:-20}"
if [ "$mode" = long ]; then seconds="${2:-3600}"; fi
# Debug code is enough for a smoke run and builds in a fraction of the time of -O.
configuration=debug
if [ "$mode" = long ]; then configuration=release; fi
sanitizers=fuzzer,address
scratch=.build/fuzz-$configuration
if [ "$mode" = long ] && [ "${FUZZ_ASAN:-1}" = 0 ]; then sanitizers=fuzzer; scratch=.build/fuzz-$configuration-noasan; fi
jobs=()
if [ "$mode" = long ] && [ "${FUZZ_JOBS:-1}" -gt 1 ]; then jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS"); fi
flags=(-c "$configuration" --scratch-path "$scratch" -Xswiftc -sanitize="$sanitizers" -Xswiftc -DFUZZING)
bin="$(swift build "${flags[@]}" --show-bin-path)"
mkdir -p .build/fuzz-findings
status=0
for target in "${targets[@]}"; do
    swift build "${flags[@]}" --product "$target" 2>&1 | grep -E "error:" && exit 1 || true
    corpus="$(mktemp -d)"
    if [ "$mode" = long ]; then corpus=".build/fuzz-corpus/$target"; mkdir -p "$corpus"; fi
    # Swift's backtracer makes AddressSanitizer report a false "unknown-crash" and leaves
    # processes behind: switch it off.
    if ! SWIFT_BACKTRACE=enable=no "$bin/$target" "$corpus" "$(seeds_for "$target")" \
        -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-1}" -max_len=65536 -rss_limit_mb=2048 \
        -artifact_prefix=.build/fuzz-findings/"$target"- -print_final_stats=1 ${jobs[@]+"${jobs[@]}"} 2>"$scratch/$target.log"; then
        echo "$target: FAILED (see $scratch/$target.log and .build/fuzz-findings/)"
        tail -30 "$scratch/$target.log"
        status=1
    fi
    echo "$target: $(grep -E 'stat::number_of_executed_units' "$scratch/$target.log" | awk '{print $2}') executions in ${seconds} s"
    if [ "$mode" != long ]; then rm -rf "$corpus"; fi
done
exit $status
