#!/bin/sh
# media-allocs.sh — steady-state allocations of the media loop, independently
# of ordo-one: valgrind (memcheck) counts every heap allocation of
# `media-bench ticks` (a MediaScene set up, then far ends + tick + consumers
# for T ticks) for T and 2T. Equal totals mean the ticks themselves
# allocate nothing. Defaults 30 channels, T = 10 000: ~3 min on 2 cores.
# Usage: sh media-allocs.sh [channels [T]]
set -eu
cd "$(dirname "$0")"
channels=${1:-30}
ticks=${2:-10000}
swift build -c release --product media-bench >/dev/null
# valgrind 3.19 cannot read the Swift 6.3 toolchain's DWARF: use a copy
# without debug info (see callgrind.sh).
out=.build/valgrind
mkdir -p "$out"
cp .build/release/media-bench "$out/media-bench"
strip --strip-debug "$out/media-bench"
for t in "$ticks" $((ticks * 2)); do
    valgrind "$out/media-bench" ticks --ticks "$t" --channels "$channels" \
        >"$out/ticks.$t.out" 2>"$out/memcheck.$t.log"
    printf '%6s ticks: %s | %s\n' "$t" "$(sed -n 's/.*total heap usage: //p' "$out/memcheck.$t.log")" \
        "$(cat "$out/ticks.$t.out")"
done
