#!/usr/bin/env python3
"""Prints the functions whose code a native kalint run faulted in outside the listed region.

Usage: faulted-functions.py KALINT SYMBOLS_LIST PERF_SCRIPT_OUTPUT...

SYMBOLS_LIST is the ordering file kalint was linked with; each PERF_SCRIPT_OUTPUT holds the
lines `perf script -F addr,ip` printed for `perf record -e page-faults -c 1 -d` runs. A fault
whose address is its instruction pointer fetched code; one in .text but outside the span of the
listed functions means a function the list lacks: the name of the function symbol whose code
holds the address is printed, once, unless it is listed already. Code with no symbol of its own
(a compiler-outlined copy or destroy has only its section's name) cannot be listed; how many such
faults there were goes to stderr.
"""
import bisect
import subprocess
import sys


def text_section(binary):
    for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        fields = line.replace("[ ", "[").split()
        if ".text" in fields:
            at = fields.index(".text")
            start = int(fields[at + 2], 16)
            return start, start + int(fields[at + 4], 16)
    sys.exit("faulted-functions.py: no .text section in " + binary)


def main():
    binary, listing, traces = sys.argv[1], sys.argv[2], sys.argv[3:]
    listed = {line.strip() for line in open(listing) if line.strip()}
    symbols = []
    for line in subprocess.run(["nm", "-n", "-S", "--defined-only", binary], capture_output=True, text=True, check=True).stdout.splitlines():
        fields = line.split(None, 3)
        # Functions (local, global, weak) and ifunc resolvers, which a static executable runs at start.
        if len(fields) == 4 and fields[2] in "tTwWi":
            symbols.append((int(fields[0], 16), int(fields[1], 16), fields[3]))
    addresses = [address for address, _, _ in symbols]
    placed = [address for address, _, name in symbols if name in listed]
    low, high = (min(placed), max(placed)) if placed else (0, 0)
    text_start, text_end = text_section(binary)
    found = []
    unnamed = 0
    for trace in traces:
        for line in open(trace):
            fields = line.split()
            try:
                address, ip = int(fields[0], 16), int(fields[1], 16)
            except (IndexError, ValueError):
                continue
            if address != ip or not text_start <= address < text_end or low <= address <= high:
                continue
            at = bisect.bisect_right(addresses, address) - 1
            if at < 0 or address >= symbols[at][0] + symbols[at][1]:
                unnamed += 1
                continue
            name = symbols[at][2]
            if name not in listed and name not in found:
                found.append(name)
    print("\n".join(found))
    print(f"faulted-functions.py: {unnamed} faults in code without a symbol", file=sys.stderr)


main()
