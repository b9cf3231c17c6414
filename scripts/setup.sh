#!/usr/bin/env bash
# Kefu set-up: installs what the build and the tests need on Debian 12.
# Idempotent and fast when everything is there (one dpkg-query, no network).
# Called by `make run` and `make test`; safe to run by hand.
# Usage: scripts/setup.sh [MORE-PACKAGES...]
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages. --no-install-recommends keeps dahdi-dkms from pulling
# kernel headers and building modules for the host: Kefu only needs its
# user-space headers here (the virtual board builds its own kernel modules).
PKGS=(
    pkg-config
    libspandsp-dev      # DSP: DTMF, tones, fax tones, caller ID
    libtonezone-dev     # DAHDI tone zones (cn, us, ...)
    dahdi-dkms          # DAHDI source: the only place dahdi/user.h ships
    libasound2-dev      # local audio (ALSA)
    libsqlite3-dev      # call records
    libpri-dev          # E1 lines: ISDN PRI signalling (CPri)
    libopenr2-dev       # E1 lines: MFC/R2 China signalling (COpenR2)
    espeak-ng           # speech for DTMF talk-off tests
    sox                 # audio conversion in tests and demos
    valgrind            # instruction counts for benchmarks
    # virtual board (board/virtual): guest, DAHDI tools, out-of-tree module build
    qemu-system-x86     # runs the guest kernel
    busybox-static      # the guest's userland
    dahdi               # dahdi_cfg, dahdi_scan (run in the guest from the host's root)
    cpio                # packs the initramfs
    kmod                # depmod for the guest's modules
    gcc-12              # the compiler Debian's 6.1 kernel headers ask for
    make
    patch               # board/virtual/patches
    xz-utils            # unpacks vmlinux from the kernel image
    libelf1             # objtool from linux-kbuild (unpacked, not installed)
    e2fsprogs           # mkfs.ext4, e2fsck for the power-cut test's disk image
    systemd             # systemd-analyze verify of the units (systemd/)
)

# Arguments: more packages to install the same way (image/setup.sh passes the image's).
PKGS+=("$@")

missing=()
for p in "${PKGS[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    SUDO=""
    [[ "$(id -u)" == 0 ]] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Swift toolchain: the machine image provides it; say clearly if it does not.
if ! command -v swift >/dev/null 2>&1; then
    if [[ -x /opt/swift/usr/bin/swift ]]; then
        echo "setup: swift is at /opt/swift/usr/bin but not on PATH (the Makefile adds it)"
    else
        echo "setup: error: no Swift toolchain found (need Swift 6.1 or newer on PATH or in /opt/swift)" >&2
        exit 1
    fi
fi

# DAHDI user-space headers: dahdi-dkms installs them under
# /usr/src/dahdi-<version>/include. Link the newest into the CDAHDI shim so
# <dahdi/user.h> resolves for C and for Swift importers. The link is git-ignored.
dahdi_include=$(ls -d /usr/src/dahdi-*/include 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$dahdi_include" || ! -f "$dahdi_include/dahdi/user.h" ]]; then
    echo "setup: error: dahdi/user.h not found under /usr/src/dahdi-*/include (is dahdi-dkms installed?)" >&2
    exit 1
fi
link=Sources/CDAHDI/include/dahdi
if [[ "$(readlink "$link" 2>/dev/null || true)" != "$dahdi_include/dahdi" ]]; then
    ln -sfn "$dahdi_include/dahdi" "$link"
    echo "setup: $link -> $dahdi_include/dahdi"
fi
