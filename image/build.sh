#!/usr/bin/env bash
# image/build.sh — build Kefu's bootable A/B disk image (`make image`).
#
# Usage: image/build.sh [--broken]
#   --broken   also build a deliberately broken update (kefud exits at once), for the boot test
#
# Steps (printed as [n/8]; each cached under IMAGE_CACHE, so a rebuild with nothing changed is quick):
#   1. the board's kernel and DAHDI modules (board/virtual/build.sh: the same kernel the virtual
#      board boots, and dahdi, dahdi_dynamic, dahdi_dynamic_loc built from dahdi-dkms)
#   2. the Debian 12 base (mmdebstrap, minbase + systemd, udev, systemd-boot, dahdi tools and the C
#      libraries kefud links: spandsp, tonezone, sqlite, alsa), cached as a tarball by package list
#   3. kefud and kefu, release, Swift runtime linked in (--static-swift-stdlib): no /opt/swift on the box
#   4. the root file system: base + kernel + modules + binaries + units + udev rules + accounts
#   5. the initramfs (busybox: finds the slot's root partition by name, hands over to systemd)
#   6. file systems: root (ext4), data (ext4: config, dahdi, kefu.db), ESP (FAT: systemd-boot,
#      loader entries, each slot's kernel and initramfs) — made from folders, no loop devices
#   7. the disk: GPT (sfdisk) with kefu-esp, kefu-root-a, kefu-root-b, kefu-data; slot A filled
#   8. the update file (kefu update FILE): header + root file system + kernel + initramfs
#
# Output (IMAGE_OUT, default <repo>/.build-image/out):
#   kefu.img             the disk: write it to the box's disk (dd) or boot it in qemu (image/test.sh)
#   kefu-update.bin      the same software as an update for `kefu update`
#   kefu-broken-update.bin   with --broken only
#
# Knobs (environment):
#   IMAGE_CACHE=DIR       cache (default <repo>/.build-image, git-ignored)
#   VBOARD_CACHE=DIR      the virtual board's cache (kernel debs, DAHDI modules), as board/virtual
#   IMAGE_PASSWORD=...    password of root and of the console account `admin` (default "kefu";
#                         change it on the box: passwd)
#   ROOT_MB=1536 DATA_MB=512 ESP_MB=64   partition sizes
#   MIRROR=http://deb.debian.org/debian   Debian mirror
#   REBUILD_BASE=1        make the Debian base again (otherwise kept while its package list is the same)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
CACHE=${IMAGE_CACHE:-$REPO/.build-image}
OUT=${IMAGE_OUT:-$CACHE/out}
ROOT_MB=${ROOT_MB:-1536} DATA_MB=${DATA_MB:-512} ESP_MB=${ESP_MB:-64}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
PASSWORD=${IMAGE_PASSWORD:-kefu}
BROKEN=0
case "${1:-}" in
    "") ;;
    --broken) BROKEN=1 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "image: unknown argument '$1' (try --help)" >&2; exit 2 ;;
esac

T0=$EPOCHREALTIME
STEP=0
step() { STEP=$((STEP + 1)); printf 'image: [%d/8] %s\n' "$STEP" "$*"; }
log() { printf 'image:       %s\n' "$*"; }
die() { printf 'image: error: %s\n' "$*" >&2; exit 1; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f s", b - a }'; }

[[ $(id -u) == 0 ]] || die "needs root (mmdebstrap, file ownership in the root file system); run it as root or in the build container"
missing=()
for t in mmdebstrap:mmdebstrap sfdisk:fdisk mkfs.ext4:e2fsprogs mkfs.vfat:dosfstools mcopy:mtools \
         cpio:cpio depmod:kmod dpkg-deb:dpkg sha256sum:coreutils; do
    command -v "${t%%:*}" >/dev/null 2>&1 || missing+=("${t#*:}")
done
[[ -f /usr/lib/systemd/boot/efi/systemd-bootx64.efi ]] || missing+=(systemd-boot-efi)
((${#missing[@]} == 0)) || die "missing Debian packages: ${missing[*]} (image/setup.sh installs them)"
mkdir -p "$CACHE" "$OUT"
exec 9> "$CACHE/.build.lock"
flock -w 1800 9 || die "another image build holds $CACHE/.build.lock"

# ------------------------------------------------------------------ 1. kernel and DAHDI modules
step "kernel and DAHDI modules (board/virtual/build.sh)"
eval "$("$REPO/board/virtual/build.sh" --env 2> "$CACHE/vboard-build.log")" || { cat "$CACHE/vboard-build.log" >&2; die "board/virtual/build.sh failed"; }
VCACHE=$(cd "$(dirname "$VB_INITRD")/.." && pwd)
MKEY=$(basename "$VB_INITRD"); MKEY=${MKEY%+*}
MDIR=$VCACHE/modules/$MKEY
KDEB=$(ls "$VCACHE/debs/linux-image-$VB_KREL-unsigned_${VB_KVER}_"*.deb 2>/dev/null | head -n 1)
[[ -f "$KDEB" && -f "$MDIR/dahdi.ko" ]] || die "the virtual board's cache lacks the kernel .deb or the DAHDI modules ($VCACHE)"
log "kernel $VB_KREL ($VB_KVER), DAHDI modules ${VB_DAHDI_MODVER:-?} from dahdi-dkms $VB_DKMS_VER"

# ------------------------------------------------------------------ 2. Debian base
PKGS=(systemd systemd-sysv udev systemd-boot dbus kmod procps less iproute2 sqlite3
      dahdi libspandsp2 libtonezone2.0 libsqlite3-0 libasound2 libpri1.4 libopenr2-3)
BKEY=$(printf '%s\n' bookworm "$MIRROR" "${PKGS[@]}" | sha256sum | cut -c1-12)
BASE=$CACHE/base-$BKEY.tar
step "Debian 12 base (mmdebstrap minbase + ${#PKGS[@]} packages)"
if [[ -n "${REBUILD_BASE:-}" || ! -s "$BASE" ]]; then
    t=$EPOCHREALTIME
    log "downloading and installing: ${PKGS[*]}"
    mmdebstrap --variant=minbase --mode=root --format=tar --include="$(IFS=,; echo "${PKGS[*]}")" \
        bookworm "$BASE.tmp" "deb $MIRROR bookworm main" "deb $MIRROR bookworm-updates main" \
        "deb http://deb.debian.org/debian-security bookworm-security main" > "$CACHE/mmdebstrap.log" 2>&1 ||
        { tail -n 20 "$CACHE/mmdebstrap.log" >&2; die "mmdebstrap failed (log: $CACHE/mmdebstrap.log)"; }
    mv "$BASE.tmp" "$BASE"
    for f in "$CACHE"/base-*.tar; do [[ "$f" == "$BASE" ]] || rm -f "$f"; done
    log "base $(( $(stat -c %s "$BASE") / 1048576 )) MB ($(since "$t"))"
else
    log "cached: $(basename "$BASE") ($(( $(stat -c %s "$BASE") / 1048576 )) MB)"
fi

# ------------------------------------------------------------------ 3. binaries
step "kefud and kefu (swift build -c release --static-swift-stdlib)"
t=$EPOCHREALTIME
export PATH=/opt/swift/usr/bin:$PATH
for p in kefud kefu; do
    swift build -c release --static-swift-stdlib --product "$p" > "$CACHE/swift-$p.log" 2>&1 ||
        { tail -n 30 "$CACHE/swift-$p.log" >&2; die "swift build $p failed (log: $CACHE/swift-$p.log)"; }
done
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
for p in kefud kefu; do
    if ldd "$BIN/$p" | grep -q '/opt/swift\|not found'; then die "$BIN/$p still needs: $(ldd "$BIN/$p" | grep '/opt/swift\|not found' | tr '\n' ' ')"; fi
done
log "$(for p in kefud kefu; do printf '%s %s MB; ' "$p" "$(( $(stat -c %s "$BIN/$p") / 1048576 ))"; done)shared libraries: $(ldd "$BIN/kefud" "$BIN/kefu" | awk '/=>/ { print $1 }' | sort -u | tr '\n' ' ')($(since "$t"))"

# ------------------------------------------------------------------ 4. root file system
step "root file system"
t=$EPOCHREALTIME
WORK=$CACHE/work
rm -rf "$WORK"; mkdir -p "$WORK"
R=$WORK/root
mkdir -p "$R"
tar -x -C "$R" -f "$BASE"
. "$HERE/rootfs.sh"
make_rootfs "$R"
log "$(du -sm "$R" | cut -f1) MB ($(since "$t"))"

# ------------------------------------------------------------------ 5. initramfs
step "initramfs (busybox, disk and ext4 modules)"
t=$EPOCHREALTIME
INITRD=$WORK/initrd.img
make_initramfs "$R" "$INITRD"
log "$(( $(stat -c %s "$INITRD") / 1024 )) KB ($(since "$t"))"

# ------------------------------------------------------------------ 6. file systems
step "file systems (mkfs.ext4 -d, mkfs.vfat + mtools)"
t=$EPOCHREALTIME
VERSION=$(cd "$REPO" && git describe --always --dirty 2>/dev/null || echo unknown)-$(date -u +%Y%m%d%H%M)
echo "$VERSION" > "$R/etc/kefu-version"
ROOTFS=$WORK/root.ext4
make_ext4 "$R" "$ROOTFS" kefu-root "$ROOT_MB"
DATA=$WORK/data.ext4
make_ext4 "$WORK/data" "$DATA" kefu-data "$DATA_MB" full
ESP=$WORK/esp.vfat
make_esp "$ESP" "$R/boot/vmlinuz-$VB_KREL" "$INITRD" "$VERSION"
log "root $(( $(stat -c %s "$ROOTFS") / 1048576 )) MB, data $DATA_MB MB, ESP $ESP_MB MB ($(since "$t"))"

# ------------------------------------------------------------------ 7. disk
step "disk (GPT: kefu-esp, kefu-root-a, kefu-root-b, kefu-data)"
t=$EPOCHREALTIME
IMG=$OUT/kefu.img
make_disk "$IMG.tmp" "$ESP" "$ROOTFS" "$DATA"
mv "$IMG.tmp" "$IMG"
log "$IMG: $(( $(stat -c %s "$IMG") / 1048576 )) MB ($(du -m "$IMG" | cut -f1) MB used, sparse) ($(since "$t"))"

# ------------------------------------------------------------------ 8. update file
step "update file (kefu update FILE)"
t=$EPOCHREALTIME
make_update "$OUT/kefu-update.bin" "$VERSION" "$ROOTFS" "$R/boot/vmlinuz-$VB_KREL" "$INITRD"
log "$OUT/kefu-update.bin: $(( $(stat -c %s "$OUT/kefu-update.bin") / 1048576 )) MB, version $VERSION"
if ((BROKEN)); then
    # The same system with a kefud that exits at once: it never sends READY, so a box
    # updated to it must fall back by itself (image/test.sh).
    printf '#!/bin/sh\necho "kefud: this is a deliberately broken test build; exiting" >&2\nexit 1\n' > "$R/usr/sbin/kefud"
    chmod 755 "$R/usr/sbin/kefud"
    echo "$VERSION-broken" > "$R/etc/kefu-version"
    make_ext4 "$R" "$WORK/broken.ext4" kefu-root "$ROOT_MB"
    make_update "$OUT/kefu-broken-update.bin" "$VERSION-broken" "$WORK/broken.ext4" "$R/boot/vmlinuz-$VB_KREL" "$INITRD"
    rm -f "$WORK/broken.ext4"
    log "$OUT/kefu-broken-update.bin: kefud replaced by a script that exits 1"
fi
log "($(since "$t"))"
rm -rf "$WORK"
printf 'image: done in %s: %s (version %s; slots A filled, B empty; console on ttyS0 115200, login root or admin)\n' \
    "$(since "$T0")" "$IMG" "$VERSION"
