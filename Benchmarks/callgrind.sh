#!/bin/sh
# callgrind.sh — instruction counts (Ir) for one channel's DSP pipeline:
# Swift ChannelDSP, the C reference, and ChannelDSP with spandsp's dtmf_rx
# (span), each alone over the 60 s BenchSignal. Ir counts are repeatable on a
# shared machine, unlike wall time. Prints Ir per channel-second and the
# ratios to C. Needs valgrind. Usage: sh callgrind.sh [seconds]
set -eu
cd "$(dirname "$0")"
seconds=${1:-60}
swift build -c release --product dsp-ratio >/dev/null
# valgrind 3.19 cannot read the Swift 6.3 toolchain's DWARF: use a copy
# without debug info (symbols stay, so functions keep their names).
out=.build/callgrind
mkdir -p "$out"
cp .build/release/dsp-ratio "$out/dsp-ratio"
strip --strip-debug "$out/dsp-ratio"
for side in swift c span; do
    # Count only inside the side's run function (its block loop, plus the
    # pipeline's one-off set-up, under 0.2 % of the total).
    case $side in
        swift) fn='$s9dsp_ratio8runSwift*' ;;
        c) fn='$s9dsp_ratio4runC*' ;;
        span) fn='$s9dsp_ratio7runSpan*' ;;
    esac
    valgrind --tool=callgrind --toggle-collect="$fn" \
        --callgrind-out-file="$out/callgrind.$side.out" \
        "$out/dsp-ratio" --only "$side" --seconds "$seconds" 2>"$out/valgrind.$side.log" >/dev/null
    ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out/valgrind.$side.log")
    echo "$side $ir"
done | awk -v s="$seconds" '
    { ir[$1] = $2 }
    END {
        printf "%-6s %14s %14s %8s\n", "side", "Ir total", "Ir per ch-s", "vs c"
        n = split("swift c span", sides, " ")
        for (i = 1; i <= n; i++) {
            k = sides[i]
            printf "%-6s %14d %14.0f %8.3f\n", k, ir[k], ir[k] / s, ir[k] / ir["c"]
        }
    }'
echo "profiles: $out/callgrind.{swift,c,span}.out (callgrind_annotate FILE)"
