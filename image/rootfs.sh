# image/rootfs.sh — the steps of image/build.sh that shape files (sourced; uses its variables:
# REPO HERE WORK KDEB MDIR VB_KREL BIN PASSWORD ESP_MB ROOT_MB DATA_MB log die).
BOARD_DIR=$REPO/board/virtual/image
KEFU_UID=990

# The root file system in $1 (the Debian base already unpacked there); the data partition's
# first contents in $WORK/data.
make_rootfs() {
    local R=$1 K=$1/usr/lib/modules/$VB_KREL
    # The kernel: /boot and its modules, from the same .deb as the virtual board (tar keeps the
    # merged-/usr symlinks /lib -> usr/lib). Drivers a call-center box never has are left out.
    dpkg-deb --fsys-tarfile "$KDEB" | tar -x -C "$R" --keep-directory-symlink
    rm -rf "$K"/kernel/drivers/{gpu,media,net/wireless,infiniband,staging,iio,isdn,bluetooth,video/fbdev} \
           "$K"/kernel/sound/soc "$K"/kernel/net/{wireless,mac80211,bluetooth}
    mkdir -p "$K/updates/dahdi"
    cp "$MDIR"/*.ko "$K/updates/dahdi/"
    depmod -b "$R" "$VB_KREL"
    install -m 644 "$BOARD_DIR/modprobe.conf" "$R/etc/modprobe.d/kefu-dahdi.conf"
    grep -v '^#' "$BOARD_DIR/modules" > "$R/etc/modules-load.d/kefu-dahdi.conf"

    # Kefu: binaries, units, udev rules, helpers, documentation.
    install -m 755 "$BIN/kefud" "$R/usr/sbin/kefud"
    install -m 755 "$BIN/kefu" "$R/usr/bin/kefu"
    # Every shared library they link must be in the root file system (a new C library in
    # Package.swift needs its Debian package in build.sh's PKGS).
    local lib missing=()
    for lib in $(ldd "$BIN/kefud" "$BIN/kefu" | awk '/=>/ { print $1 }' | sort -u); do
        [[ -e "$R/usr/lib/x86_64-linux-gnu/$lib" || -e "$R/usr/lib/$lib" ]] || missing+=("$lib")
    done
    ((${#missing[@]} == 0)) || die "kefud/kefu need ${missing[*]}, which the Debian base lacks: add the package to PKGS in image/build.sh"
    install -m 644 "$REPO"/systemd/*.service "$REPO"/systemd/*.timer "$R/usr/lib/systemd/system/"
    install -D -m 644 "$REPO/systemd/90-kefu.preset" "$R/usr/lib/systemd/system-preset/90-kefu.preset"
    install -m 644 "$REPO/udev/70-kefu.rules" "$R/usr/lib/udev/rules.d/70-kefu.rules"
    install -D -m 755 "$REPO/udev/kefu-span-assign" "$R/usr/lib/kefu/kefu-span-assign"
    install -D -m 755 "$REPO/board/x86-analog/gen-system-conf.sh" "$R/usr/lib/kefu/gen-system-conf"
    cp -a "$HERE/rootfs/." "$R/"
    install -d "$R/usr/share/doc/kefu"
    install -m 644 "$REPO"/docs/*.md "$R/usr/share/doc/kefu/"

    # Accounts, with fixed ids: both slots and the data partition agree on them.
    chroot "$R" groupadd -r -g $KEFU_UID kefu
    chroot "$R" useradd -r -u $KEFU_UID -g kefu -d /var/lib/kefu -s /usr/sbin/nologin kefu
    chroot "$R" groupadd -r -g 991 kefu-admin
    chroot "$R" groupadd -r -g 992 kefu-supervisor
    chroot "$R" groupadd -r -g 993 kefu-viewer
    echo /usr/bin/kefu >> "$R/etc/shells"
    chroot "$R" useradd -m -u 1000 -G kefu-admin -s /usr/bin/kefu -c "Kefu console (admin)" admin
    printf 'root:%s\nadmin:%s\n' "$PASSWORD" "$PASSWORD" | chroot "$R" chpasswd
    echo kefu > "$R/etc/hostname"
    printf '127.0.0.1\tlocalhost\n127.0.1.1\tkefu\n' > "$R/etc/hosts"
    : > "$R/etc/machine-id"

    # What survives an update lives on the data partition, bound into place.
    mkdir -p "$R/data" "$R/boot/efi" "$R/etc/kefu" "$R/etc/dahdi" "$R/var/lib/kefu"
    cat > "$R/etc/fstab" <<'EOF'
# The root file system is the slot the loader started (kefu.root= on the kernel command line).
PARTLABEL=kefu-esp   /boot/efi     vfat  umask=0077,nofail  0 2
PARTLABEL=kefu-data  /data         ext4  defaults           0 2
/data/kefu           /var/lib/kefu none  bind,x-systemd.requires-mounts-for=/data  0 0
/data/etc/kefu       /etc/kefu     none  bind,x-systemd.requires-mounts-for=/data  0 0
/data/etc/dahdi      /etc/dahdi    none  bind,x-systemd.requires-mounts-for=/data  0 0
EOF
    # The console: kefu-console@ttyKefu (preset); Debian's serial getty on the kernel console is
    # the same port, so it is masked.
    ln -sf /dev/null "$R/etc/systemd/system/serial-getty@ttyS0.service"
    chroot "$R" systemctl preset kefud.service kefu-dahdi.service kefu-maintenance.timer kefu-console@.service \
        kefu-boot-check.service > /dev/null 2>&1 || die "systemctl preset in the root file system failed"
    for u in multi-user.target.wants/kefud.service multi-user.target.wants/kefu-dahdi.service \
             timers.target.wants/kefu-maintenance.timer getty.target.wants/kefu-console@ttyKefu.service \
             boot-complete.target.requires/kefu-boot-check.service; do
        [[ -L "$R/etc/systemd/system/$u" ]] || die "the preset did not enable $u"
    done

    # The data partition: config, DAHDI config, kefud's data directory.
    local D=$WORK/data
    mkdir -p "$D/kefu" "$D/etc/kefu/prompts" "$D/etc/dahdi"
    install -m 640 "$BOARD_DIR/kefu.toml" "$D/etc/kefu/kefu.toml"
    install -m 644 "$REPO/board/virtual/guest/system.conf" "$D/etc/dahdi/system.conf"
    make_prompts "$BIN/kefu" "$D/etc/kefu/kefu.toml" "$D/etc/kefu/prompts"
    chown -R 0:$KEFU_UID "$D/etc/kefu"
    chmod -R g+rX "$D/etc/kefu"
    chown $KEFU_UID:$KEFU_UID "$D/kefu"
    chmod 750 "$D/kefu"
}

# Every prompt file the config names, spoken by espeak-ng (Mandarin) into 8 kHz mono WAV.
make_prompts() {
    local kefu=$1 config=$2 dir=$3 file name text
    command -v espeak-ng > /dev/null && command -v sox > /dev/null || die "espeak-ng and sox are needed for the prompts"
    for file in $("$kefu" config prompts "$config"); do
        name=$(basename "$file" .wav)
        text=$(awk -F'|' -v n="$name" '$1 == "zh" && $2 == n { print $3; exit }' "$REPO/scripts/demo-prompts.txt")
        mkdir -p "$dir/$(dirname "$file")"
        espeak-ng -v cmn -s 150 -w "$WORK/speech.wav" "${text:-$name}"
        sox "$WORK/speech.wav" -r 8000 -c 1 -b 16 "$dir/$file" gain -n -6
    done
    rm -f "$WORK/speech.wav"
}

# $2: a busybox initramfs that mounts the root partition kefu.root= names (image/initramfs-init).
make_initramfs() {
    local R=$1 out=$2 S=$WORK/initramfs m f
    mkdir -p "$S"/{bin,dev,proc,sys,newroot,etc}
    cp /bin/busybox "$S/bin/busybox"
    install -m 755 "$HERE/initramfs-init" "$S/init"
    grep -v '^#' "$HERE/initramfs-modules" > "$S/etc/initramfs-modules"
    # Each module with what it depends on, as the root file system's modprobe resolves it.
    for m in $(cat "$S/etc/initramfs-modules"); do
        modprobe -d "$R" -S "$VB_KREL" --show-depends "$m" 2>/dev/null | awk '$1 == "insmod" { print $2 }'
    done | sort -u | while read -r f; do
        mkdir -p "$S/$(dirname "${f#"$R"}")"
        cp "$f" "$S/${f#"$R"}"
    done
    # busybox finds modules under /lib/modules.
    if [[ -d "$S/usr/lib/modules" ]]; then mkdir -p "$S/lib"; mv "$S/usr/lib/modules" "$S/lib/modules"; rm -rf "$S/usr"; fi
    [[ -d "$S/lib/modules/$VB_KREL" ]] || die "no module of $(tr '\n' ' ' < "$S/etc/initramfs-modules") found for the initramfs"
    cp "$R/usr/lib/modules/$VB_KREL"/modules.{order,builtin,builtin.modinfo} "$S/lib/modules/$VB_KREL/"
    depmod -b "$S" "$VB_KREL"
    (cd "$S" && find . | cpio -o -H newc --quiet | gzip -6) > "$out"
}

# ext4 of folder $1 into file $2, label $3; sized to its contents (or $4 MB with "full").
make_ext4() {
    local dir=$1 out=$2 label=$3 max=$4 mode=${5:-fit} mb
    if [[ "$mode" == full ]]; then mb=$max
    else mb=$(( $(du -sm "$dir" | cut -f1) * 5 / 4 + 128 )); fi
    ((mb <= max)) || die "$label needs $mb MB, the partition has $max MB (ROOT_MB/DATA_MB)"
    rm -f "$out"
    mkfs.ext4 -q -F -L "$label" -d "$dir" "$out" "${mb}M" > /dev/null || die "mkfs.ext4 $label failed"
}

# The EFI system partition: systemd-boot, its settings, slot A's entry, kernel and initramfs.
make_esp() {
    local out=$1 kernel=$2 initrd=$3 version=$4 m=$WORK/esp
    rm -f "$out"; truncate -s "${ESP_MB}M" "$out"
    mkfs.vfat -F 32 -S 512 -s 1 -n KEFU-ESP "$out" > /dev/null || die "mkfs.vfat failed"
    mkdir -p "$m"
    printf 'default kefu-*\ntimeout 0\neditor no\nconsole-mode keep\n' > "$m/loader.conf"
    entry a "$version" 1 > "$m/kefu-a.conf"
    export MTOOLS_SKIP_CHECK=1
    mmd -i "$out" ::/EFI ::/EFI/BOOT ::/loader ::/loader/entries ::/kefu ::/kefu/a ::/kefu/b
    mcopy -i "$out" /usr/lib/systemd/boot/efi/systemd-bootx64.efi ::/EFI/BOOT/BOOTX64.EFI
    mcopy -i "$out" "$m/loader.conf" ::/loader/loader.conf
    mcopy -i "$out" "$m/kefu-a.conf" ::/loader/entries/kefu-a.conf
    mcopy -i "$out" "$kernel" ::/kefu/a/vmlinuz
    mcopy -i "$out" "$initrd" ::/kefu/a/initrd.img
}

# A loader entry for slot $1 (what `kefu update` writes for the other slot: Sources/Tools/UpdateTool.swift).
entry() {
    printf 'title Kefu %s (slot %s)\nsort-key kefu\nversion %s\nlinux /kefu/%s/vmlinuz\ninitrd /kefu/%s/initrd.img\n' "$2" "$1" "$3" "$1" "$1"
    printf 'options kefu.root=kefu-root-%s kefu.slot=%s rw console=ttyS0,115200 preempt=full systemd.gpt_auto=0 quiet\n' "$1" "$1"
}

# The disk $1: GPT with the ESP, two root slots and the data partition; slot A filled, B empty.
make_disk() {
    local img=$1 esp=$2 root=$3 data=$4 total linux=0FC63DAF-8483-4772-8E79-3D69D8477DE4
    total=$((1 + ESP_MB + 2 * ROOT_MB + DATA_MB + 1))
    rm -f "$img"; truncate -s "${total}M" "$img"
    sfdisk -q "$img" <<EOF || die "sfdisk failed"
label: gpt
start=1MiB, size=${ESP_MB}MiB, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name="kefu-esp"
size=${ROOT_MB}MiB, type=$linux, name="kefu-root-a"
size=${ROOT_MB}MiB, type=$linux, name="kefu-root-b"
size=${DATA_MB}MiB, type=$linux, name="kefu-data"
EOF
    dd if="$esp" of="$img" bs=1M seek=1 conv=notrunc,sparse status=none
    dd if="$root" of="$img" bs=1M seek=$((1 + ESP_MB)) conv=notrunc,sparse status=none
    dd if="$data" of="$img" bs=1M seek=$((1 + ESP_MB + 2 * ROOT_MB)) conv=notrunc,sparse status=none
}

# The update file (read by `kefu update`): a 4096-byte text header, then the root file system,
# the kernel and the initramfs, each starting on a 4096-byte boundary.
#   KEFU-UPDATE 1 / version V / root SIZE SHA256 / kernel SIZE SHA256 / initrd SIZE SHA256
make_update() {
    local out=$1 version=$2 root=$3 kernel=$4 initrd=$5 f
    {
        echo "KEFU-UPDATE 1"
        echo "version $version"
        for f in "root $root" "kernel $kernel" "initrd $initrd"; do
            set -- $f
            echo "$1 $(stat -c %s "$2") $(sha256sum "$2" | cut -d' ' -f1)"
        done
    } > "$out.tmp"
    truncate -s 4096 "$out.tmp"
    for f in "$root" "$kernel" "$initrd"; do
        cat "$f" >> "$out.tmp"
        truncate -s %4096 "$out.tmp"
    done
    mv "$out.tmp" "$out"
}
