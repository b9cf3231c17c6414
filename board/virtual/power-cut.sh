#!/usr/bin/env bash
# board/virtual/power-cut.sh — pull the virtual board's plug during calls, again and again.
#
# Usage: board/virtual/power-cut.sh PATH/TO/vboard-check [CUTS]
#
# Makes a fresh 256 MB ext4 disk image (the box's data partition) and boots the board CUTS times
# (default 20; or POWER_CUTS=N) with it attached. Each boot runs `vboard-check --power-cut`: it first
# checks what the previous cut left — SQLite's integrity_check passes, every call the ledger saw
# stored is still there, finished, with a playable recording, every call that ended over 3 s
# before the cut is stored — then starts Kefu's center on the disk and runs calls on both lines
# until run.sh kills qemu (no shutdown: the guest's unwritten page cache is lost, ext4 replays its
# journal at the next mount). The cut comes 12 to 30 s into the boot's command, at a different
# moment of the calls each time. A last boot only checks; then `e2fsck -fn` checks the file
# system the guest left. The ledger (host side, on the share) is what survives each cut.
#
# Exit status: 0 when every boot's check passed; 1 otherwise (the run folders are kept).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BIN=$(realpath -e "${1:?usage: board/virtual/power-cut.sh PATH/TO/vboard-check [CUTS]}")
CUTS=${2:-${POWER_CUTS:-20}}
[[ "$CUTS" =~ ^[0-9]+$ ]] || { echo "power-cut: CUTS must be a number" >&2; exit 2; }
CACHE=${VBOARD_CACHE:-$REPO/.build-vboard}
WORK=$CACHE/power-cut
rm -rf "$WORK"; mkdir -p "$WORK/share"
DISK=$WORK/data.img
truncate -s 256M "$DISK"
mkfs.ext4 -q -F -L kefu-data "$DISK"
LEDGER=$WORK/share/ledger
cd "$WORK"

T0=$SECONDS
failed=0
life() {   # life CUT_AFTER|"" SECONDS: one boot; prints the guest's lines and the disk's mount messages
    local cut=$1 secs=$2 rc=0
    local args=(--disk "$DISK" --share "$WORK/share" --timeout 300)
    [[ -n "$cut" ]] && args+=(--cut-after "$cut")
    "$HERE/run.sh" "${args[@]}" -- "$BIN" --power-cut /tmp/vboard-disk/kefu "$LEDGER" "$secs" \
        2> >(grep --line-buffered -E 'vboard: (disk|power cut|error)|^FAIL|error' >&2) || rc=$?
    return $rc
}
for ((i = 1; i <= CUTS; i++)); do
    cut=$((12 + (i * 11) % 19))
    echo "power-cut: boot $i of $CUTS, cut after $cut s"
    rc=0; life "$cut" 120 || rc=$?
    if ((rc != 137)); then
        echo "power-cut: FAIL boot $i: the command ended with status $rc before the cut"
        failed=1; break
    fi
done
if ((!failed)); then
    echo "power-cut: last boot, check only"
    rc=0; life "" 0 || rc=$?
    ((rc == 0)) || { echo "power-cut: FAIL the last check (status $rc)"; failed=1; }
fi
fsck=$(e2fsck -fn "$DISK" 2>&1) && fs=clean || { fs=damaged; failed=1; }
ended=$(grep -c '^ended ' "$LEDGER" || true)
stored=$(grep -c '^stored ' "$LEDGER" || true)
echo "power-cut: $CUTS cuts, $ended calls ended, $stored seen stored before a cut; file system $fs; $((SECONDS - T0)) s"
[[ "$fs" == clean ]] || echo "$fsck" | tail -n 8
if ((failed)); then echo "power-cut: FAILED (work folder $WORK)"; exit 1; fi
echo "power-cut: passed"
