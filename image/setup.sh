#!/usr/bin/env bash
# image/setup.sh — what `make image` and `make image-test` need beyond what `make test` needs:
# scripts/setup.sh installs both lists the same way (one dpkg-query when all is there).
set -euo pipefail
cd "$(dirname "$0")/.."
PKGS=(
    mmdebstrap          # the Debian 12 root file system
    fdisk               # sfdisk: the GPT of the disk image
    dosfstools          # mkfs.vfat: the EFI system partition
    mtools              # mcopy: files into the ESP without mounting it
    systemd-boot-efi    # systemd-bootx64.efi, the boot loader
    ovmf                # UEFI firmware for qemu (image/test.sh)
    python3             # drives the serial console in image/boot-test.py
)
exec bash scripts/setup.sh "${PKGS[@]%%#*}"
