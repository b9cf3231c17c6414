#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets of Fuzz/ (AddressSanitizer and
# coverage on the firmware's own modules) and runs each for FUZZ_SECONDS
# (default 25). Fails when any target crashes, traps, leaks past its memory
# limit or takes over 10 s on one input; the input is kept in
# .build/fuzz/artifacts/ and the command to replay it is printed.
#
#   scripts/fuzz.sh                     # every target, 25 s each (make test)
#   FUZZ_SECONDS=600 scripts/fuzz.sh    # longer (make fuzz)
#   FUZZ_TARGETS="config wav" scripts/fuzz.sh
#
# Each run starts from the seeds in Fuzz/Seeds/<target>/ and from what
# earlier runs found (.build/fuzz/corpus/<target>/, never committed).
# Executions per target are printed at the end (docs/reliability.md).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
# The Swift runtime's backtracer and AddressSanitizer both want the crash signal.
export SWIFT_BACKTRACE=enable=no

seconds=${FUZZ_SECONDS:-25}
read -r -a targets <<< "${FUZZ_TARGETS:-config wav callerid console}"
scratch=.build/fuzz
mkdir -p "$scratch/artifacts" "$scratch/logs"

for t in "${targets[@]}"; do
    [[ -d "Fuzz/Sources/fuzz-$t" ]] || { echo "fuzz: no target '$t' (Fuzz/Sources/fuzz-*)" >&2; exit 2; }
    # The linker's warnings about ASan's local symbols are noise.
    swift build --package-path Fuzz --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address \
        --product "fuzz-$t" 2>&1 | { grep -v "Cannot export local symbol" || true; }
    (( PIPESTATUS[0] == 0 )) || { echo "fuzz: fuzz-$t did not build" >&2; exit 2; }
done
bin=$(swift build --package-path Fuzz --scratch-path "$scratch" --show-bin-path)

failed=()
summary=()
for t in "${targets[@]}"; do
    corpus="$scratch/corpus/$t"
    log="$scratch/logs/$t.log"
    mkdir -p "$corpus"
    echo "fuzz: $t for ${seconds} s"
    "$bin/fuzz-$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$scratch/artifacts/$t-" "$corpus" "Fuzz/Seeds/$t" > "$log" 2>&1
    status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -n 1 | grep -o '[0-9]*' || true)
    if (( status != 0 )); then
        failed+=("$t")
        artifact=$(grep -o "Test unit written to .*" "$log" | sed 's/Test unit written to //' | tail -n 1)
        summary+=("$(printf '%-9s FAILED after %s runs (exit %s); input: %s' "$t" "${runs:-?}" "$status" "${artifact:-none}")")
        grep -E "Fatal error|Precondition failed|ERROR: (AddressSanitizer|libFuzzer)|SUMMARY" "$log" | head -n 5 | sed 's/^/    /'
        [[ -n "$artifact" ]] && echo "    replay: SWIFT_BACKTRACE=enable=no $bin/fuzz-$t $artifact"
    else
        summary+=("$(printf '%-9s %10s runs in %s s, coverage %s edges' "$t" "${runs:-?}" "$seconds" "${cov:-?}")")
    fi
done

echo "fuzz: results"
printf '  %s\n' "${summary[@]}"
if (( ${#failed[@]} > 0 )); then
    echo "fuzz: failed: ${failed[*]} (logs in $scratch/logs)" >&2
    exit 1
fi
