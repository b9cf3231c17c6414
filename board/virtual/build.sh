#!/usr/bin/env bash
# board/virtual/build.sh — build the virtual board's kernel, DAHDI modules and initramfs.
#
# What it does (each step cached; a rerun with nothing changed takes about a second):
#   1. picks the kernel ABI: KREL, or the newest linux-image-6.1.0-*-amd64-unsigned apt offers;
#   2. downloads (apt-get download, nothing is installed on the host) that image, its headers,
#      linux-headers-<abi>-common and linux-kbuild-6.1, and unpacks what is needed;
#   3. builds dahdi, dahdi_dynamic and dahdi_dynamic_loc from the installed dahdi-dkms source
#      (/usr/src/dahdi-*) against that kernel, after applying board/virtual/patches/*.patch;
#   4. packs a busybox-static initramfs: guest/init, the DAHDI modules, the virtio + 9p modules,
#      and virtio_blk + ext4 for the optional disk (run.sh --disk).
#
# Usage: board/virtual/build.sh [--env]
#   --env   also print the artifacts as shell assignments on stdout (run.sh evals them);
#           progress always goes to stderr.
#
# Knobs (environment):
#   KREL=6.1.0-56-amd64   kernel ABI to use ("6.1.0-56" is enough). Old ABIs leave the archive:
#                         their .debs stay in the cache, so a pinned KREL keeps working offline.
#   REFRESH=1             ask apt for the newest ABI now (the answer is otherwise kept 12 hours)
#   REBUILD=1             rebuild modules and initramfs even if cached
#   VBOARD_CACHE=DIR      cache folder (default: <repo>/.build-vboard, git-ignored)
#
# Cache layout (keys: kernel ABI + package version, dahdi-dkms version, patch/init checksums):
#   debs/                         downloaded .debs (kept: old ABIs leave the archive)
#   kernel/<abi>_<ver>/           unpacked image (boot/, virtio + 9p modules), headers, vmlinux
#   modules/<abi>_<ver>+dahdi_<dkmsver>+<sum>/   built .ko files and the build log
#   initrd/<same>+<sum>.cpio.gz   the guest's initramfs
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CACHE=${VBOARD_CACHE:-$REPO/.build-vboard}
DAHDI_MODS=(dahdi dahdi_dynamic dahdi_dynamic_loc)
# kernel modules the guest needs (folders or single .ko files under kernel/; modprobe resolves the
# order): the 9p shares, and a virtio disk with ext4 for the power-cut test's persistent data
GUEST_KDIRS=(drivers/virtio fs/9p net/9p fs/netfs fs/fscache
             drivers/block/virtio_blk.ko fs/ext4 fs/jbd2 fs/mbcache.ko lib/crc16.ko crypto/crc32c_generic.ko)
GUEST_KSUM=$(printf '%s\n' "${GUEST_KDIRS[@]}" | sha256sum | cut -c1-8)

T0=$EPOCHREALTIME
log() { printf 'vboard-build: %s\n' "$*" >&2; }
die() { printf 'vboard-build: error: %s\n' "$*" >&2; exit 1; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", b - a }'; }
sum8() { cat "$@" | sha256sum | cut -c1-8; }

PRINT_ENV=0
case "${1:-}" in
    "") ;;
    --env) PRINT_ENV=1 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
esac

# ------------------------------------------------------------------ host tools
missing=()
for t in apt-get:apt apt-cache:apt dpkg-deb:dpkg gcc-12:gcc-12 make:make patch:patch cpio:cpio \
         depmod:kmod xz:xz-utils gzip:gzip flock:util-linux sha256sum:coreutils; do
    command -v "${t%%:*}" >/dev/null 2>&1 || missing+=("${t#*:} (no ${t%%:*})")
done
if [[ ! -x /bin/busybox ]] || ldd /bin/busybox >/dev/null 2>&1; then
    missing+=("busybox-static (/bin/busybox missing or not static)")
fi
((${#missing[@]} == 0)) || die "missing Debian packages: ${missing[*]} — run scripts/setup.sh"

DAHDI_SRC=$(ls -d /usr/src/dahdi-* 2>/dev/null | sort -V | tail -n 1 || true)
[[ -n "$DAHDI_SRC" && -f "$DAHDI_SRC/drivers/dahdi/dahdi_dynamic_loc.c" ]] ||
    die "no DAHDI source under /usr/src/dahdi-* (package dahdi-dkms) — run scripts/setup.sh"
DKMS_VER=$(dpkg-query -W -f='${Version}' dahdi-dkms 2>/dev/null || true)
[[ -n "$DKMS_VER" ]] || DKMS_VER=$(basename "$DAHDI_SRC" | sed 's/^dahdi-//')

mkdir -p "$CACHE"/{debs,kernel,modules,initrd}
exec 9> "$CACHE/.build.lock"
flock -w 900 9 || die "another build holds $CACHE/.build.lock for 15 minutes"

# ------------------------------------------------------------------ kernel ABI
DEBS=$CACHE/debs
cached_abis() {
    ls "$DEBS" 2>/dev/null | sed -n 's/^linux-image-\(6\.1\.0-[0-9]*-amd64\)-unsigned_.*\.deb$/\1/p' | sort -V
}
if [[ -n "${KREL:-}" ]]; then
    KREL=${KREL%-unsigned}
    [[ "$KREL" == *-amd64 ]] || KREL=$KREL-amd64
else
    f=$CACHE/newest-abi
    if [[ -z "${REFRESH:-}" && -s "$f" && -z "$(find "$f" -mmin +720)" ]]; then
        KREL=$(cat "$f")
    else
        KREL=$(apt-cache pkgnames linux-image-6.1.0- 2>/dev/null |
               sed -n 's/^linux-image-\(6\.1\.0-[0-9]*-amd64\)-unsigned$/\1/p' | sort -V | tail -n 1)
        if [[ -z "$KREL" ]]; then
            KREL=$(cached_abis | tail -n 1)
            [[ -n "$KREL" ]] || die "apt offers no linux-image-6.1.0-*-amd64-unsigned and none is cached (apt-get update?)"
            log "warning: apt offers no linux-image-6.1.0-*-amd64-unsigned; using the cached $KREL"
        fi
        echo "$KREL" > "$f"
    fi
fi
[[ "$KREL" =~ ^([0-9]+\.[0-9]+)\.[0-9]+-[0-9]+-amd64$ ]] || die "KREL='$KREL' is not like 6.1.0-56-amd64"
KMM=${BASH_REMATCH[1]}        # 6.1
ABI=${KREL%-amd64}            # 6.1.0-56

# ------------------------------------------------------------------ downloads
# newest cached .deb of a package, optionally of one exact version
cached_deb() {
    if [[ -n "${2:-}" ]]; then ls "$DEBS/${1}_${2}_"*.deb; else ls "$DEBS/${1}_"*.deb; fi 2>/dev/null |
        sort -V | tail -n 1 || true
}
download() {   # download PKG[=VERSION] into the cache; returns apt-get's status
    local tmp rc=0
    tmp=$(mktemp -d "$DEBS/.dl.XXXXXX")
    (cd "$tmp" && apt-get -q -o APT::Sandbox::User=root download "$1") > "$tmp.log" 2>&1 || rc=$?
    if ((rc == 0)); then mv "$tmp"/*.deb "$DEBS/"; else sed 's/^/    /' "$tmp.log" >&2; fi
    rm -rf "$tmp" "$tmp.log"
    return $rc
}
IMG=linux-image-$KREL-unsigned
img_deb=$(cached_deb "$IMG")
if [[ -z "$img_deb" ]]; then
    log "downloading $IMG"
    download "$IMG" || die "apt-get download $IMG failed (is the ABI still in the archive? pin KREL= to a cached one: $(cached_abis | tr '\n' ' '))"
    img_deb=$(cached_deb "$IMG")
fi
KVER=$(dpkg-deb -f "$img_deb" Version)     # e.g. 6.1.192-2
hdr_debs=()
for p in "linux-headers-$KREL" "linux-headers-$ABI-common" "linux-kbuild-$KMM"; do
    d=$(cached_deb "$p" "$KVER")
    if [[ -z "$d" ]]; then
        log "downloading $p=$KVER"
        if ! download "$p=$KVER"; then
            # linux-kbuild-6.1 is shared by all 6.1 ABIs and only its newest versions stay in the
            # archive: for an older ABI take whichever is cached or offered (it is compatible in practice).
            [[ "$p" == linux-kbuild-* ]] || die "apt-get download $p=$KVER failed"
            d=$(cached_deb "$p")
            if [[ -z "$d" ]]; then download "$p" || die "apt-get download $p failed"; d=$(cached_deb "$p"); fi
            log "warning: $p $KVER is not available; using $(dpkg-deb -f "$d" Version)"
        fi
        [[ -n "$d" ]] || d=$(cached_deb "$p" "$KVER")
    fi
    hdr_debs+=("$d")
done

# ------------------------------------------------------------------ unpack kernel + headers
KDIR=$CACHE/kernel/${KREL}_$KVER
if [[ ! -f "$KDIR/.done" || "$(cat "$KDIR/.done")" != "$GUEST_KSUM" ]]; then
    t=$EPOCHREALTIME
    rm -rf "$KDIR"; mkdir -p "$KDIR"
    # Only /boot, the module index files and the guest's modules (12 MB, not 400 MB).
    globs=("./boot/*" "./lib/modules/$KREL/modules.*")
    for d in "${GUEST_KDIRS[@]}"; do
        if [[ "$d" == *.ko ]]; then globs+=("./lib/modules/$KREL/kernel/$d"); else globs+=("./lib/modules/$KREL/kernel/$d/*"); fi
    done
    dpkg-deb --fsys-tarfile "$img_deb" | tar -x -C "$KDIR" --wildcards "${globs[@]}"
    for d in "${hdr_debs[@]}"; do dpkg-deb -x "$d" "$KDIR"; done
    # The arch headers' Makefile includes the -common tree by absolute path: point it into the cache.
    sed -i "s#^include /usr/src/#include $KDIR/usr/src/#" "$KDIR/usr/src/linux-headers-$KREL/Makefile"
    # qemu boots an uncompressed ELF vmlinux through its PVH entry (Debian sets CONFIG_PVH=y), which
    # skips the BIOS loader and the in-guest decompression: about 4 s less under TCG than the bzImage.
    vmlinuz=$KDIR/boot/vmlinuz-$KREL
    off=$( (LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$vmlinuz" || true) | head -n 1 | cut -d: -f1)
    if [[ -n "$off" ]] && xz -dc --single-stream < <(tail -c +$((off + 1)) "$vmlinuz") > "$KDIR/vmlinux.tmp" 2>/dev/null &&
       [[ "$(head -c 4 "$KDIR/vmlinux.tmp" | od -An -tx1 | tr -d ' ')" == 7f454c46 ]]; then
        mv "$KDIR/vmlinux.tmp" "$KDIR/vmlinux"
    else
        rm -f "$KDIR/vmlinux.tmp"
        log "warning: could not extract vmlinux from $vmlinuz; the guest boots the bzImage (slower)"
    fi
    echo "$GUEST_KSUM" > "$KDIR/.done"
    log "unpacked $IMG $KVER and headers ($(since "$t"))"
fi
KSRC=$KDIR/usr/src/linux-headers-$KREL
KIMG=$KDIR/vmlinux
[[ -s "$KIMG" ]] || KIMG=$KDIR/boot/vmlinuz-$KREL

# ------------------------------------------------------------------ DAHDI modules
PATCHES=("$HERE"/patches/*.patch)
[[ -e "${PATCHES[0]}" ]] || PATCHES=()
MKEY=${KREL}_${KVER}+dahdi_${DKMS_VER//[:~]/_}+$(sum8 /dev/null "${PATCHES[@]}")
MDIR=$CACHE/modules/$MKEY
if [[ -n "${REBUILD:-}" || ! -f "$MDIR/.done" ]]; then
    t=$EPOCHREALTIME
    log "building ${DAHDI_MODS[*]} from $DAHDI_SRC (dahdi-dkms $DKMS_VER) for $KREL"
    rm -rf "$MDIR"; mkdir -p "$MDIR"
    cp -a "$DAHDI_SRC" "$MDIR/src"
    for p in "${PATCHES[@]}"; do
        patch -d "$MDIR/src" -p1 --forward --quiet < "$p" || die "patch $(basename "$p") does not apply to $DAHDI_SRC"
        log "applied patches/$(basename "$p")"
    done
    cfg=(DAHDI_BUILD_ALL=)
    for m in "${DAHDI_MODS[@]}"; do cfg+=("CONFIG_${m^^}=m"); done
    if ! make -C "$MDIR/src" modules KVERS="$KREL" KSRC="$KSRC" -j"$(nproc)" "${cfg[@]}" > "$MDIR/build.log" 2>&1; then
        tail -n 25 "$MDIR/build.log" >&2
        die "DAHDI module build failed (full log: $MDIR/build.log)"
    fi
    for m in "${DAHDI_MODS[@]}"; do cp "$MDIR/src/drivers/dahdi/$m.ko" "$MDIR/"; done
    rm -rf "$MDIR/src"
    touch "$MDIR/.done"
    log "DAHDI modules built ($(since "$t"))"
fi

# ------------------------------------------------------------------ initramfs
IKEY=$MKEY+$(sum8 "$HERE/guest/init" /bin/busybox <(echo "$GUEST_KSUM"))
INITRD=$CACHE/initrd/$IKEY.cpio.gz
if [[ -n "${REBUILD:-}" || ! -s "$INITRD" ]]; then
    t=$EPOCHREALTIME
    S=$(mktemp -d "$CACHE/initrd/.stage.XXXXXX")
    mkdir -p "$S"/{bin,dev,proc,sys,tmp,ctl,mnt/root}
    cp /bin/busybox "$S/bin/busybox"
    install -m 755 "$HERE/guest/init" "$S/init"
    M=$S/lib/modules/$KREL
    mkdir -p "$M/extra"
    for m in "${DAHDI_MODS[@]}"; do cp "$MDIR/$m.ko" "$M/extra/"; done
    for d in "${GUEST_KDIRS[@]}"; do
        src=$KDIR/lib/modules/$KREL/kernel/$d
        if [[ -f "$src" ]]; then
            mkdir -p "$M/kernel/$(dirname "$d")"; cp "$src" "$M/kernel/$d"
        elif [[ -d "$src" ]]; then
            mkdir -p "$M/kernel/$d"; cp -a "$src/." "$M/kernel/$d/"
        fi   # neither: built into the kernel
    done
    cp "$KDIR/lib/modules/$KREL"/modules.{order,builtin,builtin.modinfo} "$M/"
    depmod -b "$S" "$KREL"
    (cd "$S" && find . | cpio -o -H newc --quiet | gzip -1) > "$INITRD.tmp"
    mv "$INITRD.tmp" "$INITRD"
    rm -rf "$S"
    for f in "$CACHE/initrd/$MKEY+"*.cpio.gz; do [[ "$f" == "$INITRD" ]] || rm -f "$f"; done   # older guest/init
    log "initramfs $(du -h "$INITRD" | cut -f1) ($(since "$t"))"
fi

# ------------------------------------------------------------------ report
DAHDI_MODVER=$(/sbin/modinfo -F version "$MDIR/dahdi.ko" 2>/dev/null || true)
log "kernel: $IMG $KVER (boot image: ${KIMG#"$CACHE"/})"
log "DAHDI: dahdi-dkms $DKMS_VER, modules ${DAHDI_MODS[*]} version ${DAHDI_MODVER:-?}," \
    "patches: $( ((${#PATCHES[@]})) && for p in "${PATCHES[@]}"; do printf '%s ' "$(basename "$p")"; done || echo none)"
log "ready in $(since "$T0")"
if ((PRINT_ENV)); then
    printf 'VB_KREL=%q\nVB_KVER=%q\nVB_KIMG=%q\nVB_INITRD=%q\nVB_DKMS_VER=%q\nVB_DAHDI_MODVER=%q\nVB_DAHDI_INCLUDE=%q\n' \
        "$KREL" "$KVER" "$KIMG" "$INITRD" "$DKMS_VER" "$DAHDI_MODVER" "$DAHDI_SRC/include"
fi
