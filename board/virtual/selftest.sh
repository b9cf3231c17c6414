#!/usr/bin/env bash
# board/virtual/selftest.sh — checks the virtual board end to end (make vboard-selftest).
#
# Usage: board/virtual/selftest.sh [--full]
#
# Builds two small host programs into .build-vboard/selftest/ — loopcheck (C, real DAHDI ioctls)
# and, when swiftc is available, hello (Swift with Foundation) — then boots the board once through
# run.sh and runs selftest/guest-check.sh there. Passes when:
#   - dahdi_scan shows the four spans without alarms (4 channels at 1 and 5, 2 at 9 and 11);
#   - channels 1-8 have the signalling of guest/system.conf and ring/answer across the n <-> n+4 wiring;
#   - the Swift runtime under /opt/swift is reachable and the Swift program runs;
#   - the guest's result file arrives in the share, and the command's exit status (42) comes back.
# --full also checks that a hung command is stopped (--timeout, status 124) and that a bad
# system.conf is reported as a board failure (status 125); about 30 s more.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CACHE=${VBOARD_CACHE:-$REPO/.build-vboard}
OUT=$CACHE/selftest
FULL=0
[[ "${1:-}" == --full ]] && FULL=1
export PATH=/opt/swift/usr/bin:$PATH

fails=0
# judge WHAT COMMAND...: one "ok"/"FAIL" line for WHAT, by COMMAND's status
judge() { local what=$1; shift; if "$@"; then echo "selftest: ok   $what"; else echo "selftest: FAIL $what"; fails=$((fails + 1)); fi; }
has() { grep -q -- "$1" <<< "$out"; }
T0=$EPOCHREALTIME

# ------------------------------------------------------------------ host programs
mkdir -p "$OUT"
inc=$(ls -d /usr/src/dahdi-*/include 2>/dev/null | sort -V | tail -n 1 || true)
[[ -f "$inc/dahdi/user.h" ]] || { echo "selftest: error: no /usr/src/dahdi-*/include/dahdi/user.h (dahdi-dkms) — run scripts/setup.sh" >&2; exit 1; }
if [[ ! -x "$OUT/loopcheck" || "$HERE/selftest/loopcheck.c" -nt "$OUT/loopcheck" ]]; then
    gcc -O2 -Wall -Wextra -I"$inc" -o "$OUT/loopcheck" "$HERE/selftest/loopcheck.c"
fi
hello=()
if command -v swiftc >/dev/null 2>&1; then
    if [[ ! -x "$OUT/hello" || "$HERE/selftest/hello.swift" -nt "$OUT/hello" ]]; then
        swiftc -O "$HERE/selftest/hello.swift" -o "$OUT/hello"
    fi
    hello=("$OUT/hello")
else
    echo "selftest: note: no swiftc on PATH or in /opt/swift; the Swift program check is skipped"
fi

# ------------------------------------------------------------------ one board run
share=$OUT/share
rm -rf "$share"; mkdir -p "$share"
rc=0
out=$("$HERE/run.sh" --timeout 240 --share "$share" -- "$HERE/selftest/guest-check.sh" "$OUT/loopcheck" "${hello[@]}") || rc=$?
printf '%s\n' "$out" | sed 's/^/    /'
judge "run.sh returned the command's exit status (got $rc, want 42)" test "$rc" = 42
judge "loopcheck: signalling and wiring of channels 1-8" has '^PASS: 0 failed$'
judge "dahdi_scan: four spans, no alarms" has '^ok   dahdi_scan: 4 spans'
judge "Swift runtime reachable in the chroot" has '^ok   Swift runtime'
((${#hello[@]} == 0)) || judge "Swift program ran in the guest" has '^swift: hello from .*/dev/dahdi/channel present'
judge "result file came back through the share" grep -q ' with 0 failures$' "$share/result.txt"

# ------------------------------------------------------------------ failure paths (--full)
if ((FULL)); then
    rc=0
    "$HERE/run.sh" --quiet --timeout 25 -- sleep 600 2> "$OUT/timeout.err" || rc=$?
    judge "a hung command is stopped (got $rc, want 124)" test "$rc" = 124
    [[ $rc == 124 ]] || cat "$OUT/timeout.err"
    printf 'dynamic=loc,1:0,4,0\nfxsks=1-9\n' > "$OUT/bad-system.conf"
    rc=0
    "$HERE/run.sh" --quiet --conf "$OUT/bad-system.conf" -- true 2> "$OUT/badconf.err" || rc=$?
    judge "a bad system.conf is a board failure (got $rc, want 125)" test "$rc" = 125
    judge "the failure names dahdi_cfg" grep -q 'the board failed: dahdi_cfg' "$OUT/badconf.err"
    [[ $rc == 125 ]] || cat "$OUT/badconf.err"
fi

t=$(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')
if ((fails)); then echo "selftest: FAILED ($fails, ${t} s)"; exit 1; fi
echo "selftest: PASS (${t} s)"
