#!/bin/bash
# board/virtual/selftest/guest-check.sh — the guest half of selftest.sh, run on the board by run.sh.
# Usage (inside the guest): guest-check.sh LOOPCHECK [SWIFT_HELLO]
# Prints one "ok"/"FAIL" line per check, writes $VBOARD_SHARE/result.txt, and exits with 42 when
# everything passed (selftest.sh expects exactly 42, which also proves the status comes back), 1 if not.
fails=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; fails=$((fails + 1)); }

# The host's dahdi_scan (dynamically linked) sees the four spans of system.conf without alarms:
# 4 channels at 1 and 5, 2 channels at 9 and 11.
scan=$(/usr/sbin/dahdi_scan 2>&1) || fail "dahdi_scan: $scan"
spans=$(grep -c '^\[[0-9]*\]$' <<< "$scan")
summary=$(grep -E '^(basechan|totchans|alarms)=' <<< "$scan" | tr '\n' ' ')
want="alarms=OK basechan=1 totchans=4 alarms=OK basechan=5 totchans=4 alarms=OK basechan=9 totchans=2 alarms=OK basechan=11 totchans=2 "
if [[ $spans == 4 && $summary == "$want" ]]; then
    ok "dahdi_scan: 4 spans: $summary"
else
    fail "dahdi_scan: $spans spans: $summary"
fi

# Channel signalling and the n <-> n+4 wiring, through real ioctls.
if "$1"; then ok "loopcheck"; else fail "loopcheck (status $?)"; fi

# The Swift runtime of the host toolchain is reachable.
libs=$(ls /opt/swift/usr/lib/swift/linux/*.so 2>/dev/null | wc -l)
if [[ -r /opt/swift/usr/lib/swift/linux/libswiftCore.so ]]; then ok "Swift runtime: $libs libraries in /opt/swift/usr/lib/swift/linux"
else fail "Swift runtime: /opt/swift/usr/lib/swift/linux/libswiftCore.so not readable"; fi
if [[ -n "${2:-}" ]]; then
    if "$2"; then ok "Swift program ran"; else fail "Swift program (status $?)"; fi
fi

# The share is writable and comes back to the host.
if echo "written on $(uname -r) with $fails failures" > "$VBOARD_SHARE/result.txt"; then ok "wrote $VBOARD_SHARE/result.txt"
else fail "cannot write to the share $VBOARD_SHARE"; fi

((fails == 0)) && exit 42
exit 1
