#!/usr/bin/env bash
# image/test.sh — the appliance image's boot test (`make image-test`).
#
# Builds the image (image/build.sh --broken, cached) and vboard-check, then boots a copy of the
# disk in qemu (UEFI with OVMF, TCG) and drives its serial console (image/boot-test.py):
#   1. slot A boots; kefud reaches READY on the virtual board (systemctl is-active kefud);
#      udev gave the DAHDI nodes to root:kefu 660, the console port is /dev/ttyKefu, the
#      maintenance timer is scheduled;
#   2. one call through kefud: `vboard-check --exchange-call` plays the exchange and a phone on
#      span 2 (from a read-only 9p share); the call is stored with its recording;
#      `kefu maintenance` as user kefu;
#   3. the console account `admin` logs in on the serial port and lands in the kefu shell: status;
#   4. `kefu update` with a deliberately broken build (kefud exits at once) and 1 try, reboot:
#      slot B starts, its boot check finds kefud failing and reboots, the loader starts slot A
#      again by itself, kefud is READY there.
# Prints PASS/FAIL per check and the times; exits 1 if any check failed.
#
# Usage: image/test.sh [--keep]
#   --keep   keep the run folder (.build-image/runs/<time>: console.log, the disk copy) when it passes
# Knobs: IMAGE_CACHE, VBOARD_CACHE, IMAGE_PASSWORD (as image/build.sh); BOOT_LIMIT (s per boot,
# default 900); MEM (MiB, default 1024).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
CACHE=${IMAGE_CACHE:-$REPO/.build-image}
OUT=${IMAGE_OUT:-$CACHE/out}
KEEP=0
case "${1:-}" in
    "") ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "image-test: unknown argument '$1' (try --help)" >&2; exit 2 ;;
esac
T0=$EPOCHREALTIME
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f s", b - a }'; }
OVMF_CODE=/usr/share/OVMF/OVMF_CODE_4M.fd OVMF_VARS=/usr/share/OVMF/OVMF_VARS_4M.fd
[[ -f $OVMF_CODE && -f $OVMF_VARS ]] || { echo "image-test: no OVMF firmware (Debian package ovmf; image/setup.sh)" >&2; exit 1; }
command -v python3 qemu-system-x86_64 > /dev/null || { echo "image-test: needs python3 and qemu-system-x86_64" >&2; exit 1; }

echo "image-test: building the image (cached steps are quick)"
"$HERE/build.sh" --broken
export PATH=/opt/swift/usr/bin:$PATH
echo "image-test: building vboard-check (release, Swift runtime linked in)"
swift build -c release --static-swift-stdlib --product vboard-check > "$CACHE/swift-vboard-check.log" 2>&1 ||
    { tail -n 30 "$CACHE/swift-vboard-check.log" >&2; echo "image-test: building vboard-check failed" >&2; exit 1; }
CHECK=$(swift build -c release --static-swift-stdlib --show-bin-path)/vboard-check

mkdir -p "$CACHE/runs"
find "$CACHE/runs" -mindepth 1 -maxdepth 1 -mmin +1440 -exec rm -rf {} + 2>/dev/null || true
RUN=$(mktemp -d "$CACHE/runs/$(date +%Y%m%d-%H%M%S)-XXXX")
mkdir -p "$RUN/xfer"
cp --sparse=always "$OUT/kefu.img" "$RUN/disk.img"
cp "$OVMF_VARS" "$RUN/vars.fd"
ln "$OUT/kefu-broken-update.bin" "$RUN/xfer/" 2>/dev/null || cp "$OUT/kefu-broken-update.bin" "$RUN/xfer/"
cp "$CHECK" "$RUN/xfer/vboard-check"
echo "image-test: run folder $RUN; booting (TCG: each boot takes minutes)"
QEMU=(qemu-system-x86_64 -accel tcg,thread=multi -M pc -m "${MEM:-1024}" -smp 1 -nodefaults -no-user-config -display none
      -drive "if=pflash,format=raw,readonly=on,file=$OVMF_CODE" -drive "if=pflash,format=raw,file=$RUN/vars.fd"
      -drive "file=$RUN/disk.img,format=raw,if=virtio,cache=unsafe"
      -virtfs "local,path=$RUN/xfer,mount_tag=xfer,security_model=none,readonly=on,id=xfer"
      -serial stdio -monitor none -no-reboot)
rc=0
python3 "$HERE/boot-test.py" "$RUN" "${QEMU[@]}" || rc=$?
echo "image-test: $( ((rc == 0)) && echo PASS || echo FAIL ) in $(since "$T0") (console: $RUN/console.log)"
if ((rc == 0 && !KEEP)); then rm -rf "$RUN"; else rm -f "$RUN/disk.img.tmp"; echo "image-test: run folder kept: $RUN"; fi
exit $rc
