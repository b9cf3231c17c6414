#!/usr/bin/env bash
# board/virtual/run.sh — run one host-built program on the virtual board and hand back its result.
#
# Usage: board/virtual/run.sh [options] -- COMMAND [ARGS...]
#        board/virtual/run.sh --shell
#
# Builds (or reuses) the board with build.sh, boots it under qemu, loads the real DAHDI modules
# and configures two looped loc spans from guest/system.conf:
#   span 1, channels 1-4: the box  (1-2 fxsks = Kefu's FXO lines, 3-4 fxoks = Kefu's FXS ports)
#   span 2, channels 5-8: far ends (5-6 fxoks = exchange side of lines 1-2, 7-8 fxsks = phones)
#   channel n is wired to channel n+4.
# COMMAND then runs in a chroot of the host's / (exported read-only over 9p), so dynamically
# linked host binaries — Swift executables from `swift build` — run unchanged. Its stdout and
# stderr stream to this script's stdout and stderr; this script exits with its status. Board
# information (kernel, DAHDI version, spans) goes to stderr, prefixed "vboard:".
#
# Inside the guest, COMMAND starts in the current directory with this environment only:
#   PATH (the host's), HOME=/tmp, TMPDIR=/tmp, LANG=C.UTF-8, VBOARD=1,
#   VBOARD_SHARE=<the share folder>, plus any --env. stdin is /dev/null.
# /tmp, /run, /dev, /proc and /sys are the guest's own (empty, writable); the rest of the host is
# visible read-only, except the share folder, which is writable and has the same path as on the host.
#
# Options:
#   --timeout S      stop the guest after S seconds in all (default 300) and exit 124
#   --share DIR      writable results folder (created if missing). Default: a fresh folder inside
#                    the run folder, deleted after the run unless --keep.
#   --env NAME=VAL   add to COMMAND's environment (repeatable)
#   --conf FILE      DAHDI system.conf to use (default: guest/system.conf)
#   --disk FILE      attach FILE (a raw ext4 image) as the guest's virtio disk, mounted at
#                    /tmp/vboard-disk (COMMAND gets VBOARD_DISK=/tmp/vboard-disk). qemu writes through
#                    the host's page cache and passes the guest's flushes on as fdatasync.
#   --cut-after S    power cut: S seconds after COMMAND started, stop qemu with SIGKILL (no shutdown,
#                    nothing the guest had not written to its disk survives) and exit 137
#   --keep           keep the run folder (console.log, stdout, stderr); it is always kept when
#                    the board fails or times out
#   --quiet          print nothing of its own except errors
#   --verbose        stream the guest's whole serial console to stderr
#   --shell          no COMMAND: the configured board with a shell on this terminal
#                    (the host is at /mnt/root; quit with 'poweroff -f' or Ctrl-A x)
#
# Knobs (environment): KREL, REFRESH (see build.sh); ACCEL=auto|tcg|kvm; SMP=1; MEM=1024 (MiB);
#   BOOT_TIMEOUT=60 (seconds until the guest's init must have started).
#
# Exit status: COMMAND's; 124 timeout; 125 the board failed (build, boot, modules, dahdi_cfg);
#   2 bad usage; 137 the power cut of --cut-after happened (COMMAND was still running). Failed runs keep their folder under .build-vboard/runs/ and say so.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CACHE=${VBOARD_CACHE:-$REPO/.build-vboard}
T0=$EPOCHREALTIME

TIMEOUT=300 SHARE="" DISK="" CUT_AFTER="" CONF=$HERE/guest/system.conf KEEP=0 QUIET=0 VERBOSE=0 SHELL_MODE=0
EXTRA_ENV=()
say() { ((QUIET)) || printf 'vboard: %s\n' "$*" >&2; }
err() { printf 'vboard: error: %s\n' "$*" >&2; }
usage() { err "$*"; echo "usage: board/virtual/run.sh [--timeout S] [--share DIR] [--env N=V] [--keep] [--quiet] -- COMMAND [ARGS...]  (--help)" >&2; exit 2; }

while (($#)); do
    case "$1" in
        --timeout) [[ "${2:-}" =~ ^[0-9]+$ ]] || usage "--timeout needs whole seconds"; TIMEOUT=$2; shift 2 ;;
        --share) [[ -n "${2:-}" ]] || usage "--share needs a folder"; SHARE=$2; shift 2 ;;
        --env) [[ "${2:-}" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || usage "--env needs NAME=VALUE"; EXTRA_ENV+=("$2"); shift 2 ;;
        --conf) [[ -f "${2:-}" ]] || usage "--conf: no such file '${2:-}'"; CONF=$2; shift 2 ;;
        --disk) [[ -f "${2:-}" ]] || usage "--disk: no such file '${2:-}'"; DISK=$(realpath "$2"); shift 2 ;;
        --cut-after) [[ "${2:-}" =~ ^[0-9]+$ ]] || usage "--cut-after needs whole seconds"; CUT_AFTER=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        --quiet) QUIET=1; shift ;;
        --verbose) VERBOSE=1; shift ;;
        --shell) SHELL_MODE=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        --) shift; break ;;
        -*) usage "unknown option '$1' (put the command after --)" ;;
        *) break ;;
    esac
done
((SHELL_MODE || $#)) || usage "no COMMAND given"

# ------------------------------------------------------------------ host checks
command -v qemu-system-x86_64 >/dev/null 2>&1 ||
    { err "qemu-system-x86_64 not found: install the Debian package qemu-system-x86 (scripts/setup.sh does)"; exit 125; }
[[ -x /usr/sbin/dahdi_cfg ]] ||
    { err "/usr/sbin/dahdi_cfg not found: install the Debian package dahdi (scripts/setup.sh does)"; exit 125; }

# The guest sees the host's files at the same paths, except where it mounts its own.
guest_hidden() { case "$1/" in /tmp/*|/run/*|/dev/*|/proc/*|/sys/*) return 0 ;; esac; return 1; }
plain_path() { [[ "$1" =~ ^/[A-Za-z0-9._/+@-]*$ ]]; }
CWD=$(pwd -P)
guest_hidden "$CWD" && { err "the guest cannot see the current directory $CWD (its /tmp, /run, /dev are its own); cd elsewhere"; exit 2; }
CONF=$(realpath -e "$CONF")
guest_hidden "$CONF" && { err "the guest cannot see $CONF; keep system.conf outside /tmp and /run"; exit 2; }

# ------------------------------------------------------------------ board artifacts
build_log=$(mktemp)
if ((QUIET)); then
    env_out=$("$HERE/build.sh" --env 2> "$build_log") || { cat "$build_log" >&2; rm -f "$build_log"; err "building the virtual board failed"; exit 125; }
else
    env_out=$("$HERE/build.sh" --env) || { rm -f "$build_log"; err "building the virtual board failed"; exit 125; }
fi
rm -f "$build_log"
eval "$env_out"

# ------------------------------------------------------------------ run folder
mkdir -p "$CACHE/runs"
find "$CACHE/runs" -mindepth 1 -maxdepth 1 -mmin +1440 -exec rm -rf {} + 2>/dev/null || true
RUN=$(mktemp -d "$CACHE/runs/$(date +%Y%m%d-%H%M%S)-XXXX")
RUN=$(realpath "$RUN")
if [[ -z "$SHARE" ]]; then
    SHARE=$RUN/share; mkdir -p "$SHARE"; SHARE_TAG=""
else
    mkdir -p "$SHARE"; SHARE=$(realpath "$SHARE"); SHARE_TAG=share
    guest_hidden "$SHARE" && { err "--share $SHARE: the guest cannot see it (its /tmp and /run are its own)"; exit 2; }
fi
for p in "$RUN" "$SHARE" "$CONF" ${DISK:+"$DISK"}; do
    plain_path "$p" || { err "path '$p' has characters qemu or the guest cannot take (only letters, digits and ._/+@- please)"; exit 2; }
done
cat > "$RUN/run.env" <<EOF
VB_RUN_DIR=$RUN
VB_SHARE=$SHARE
VB_SHARE_TAG=$SHARE_TAG
VB_CONF=$CONF
VB_SHELL=$SHELL_MODE
VB_DISK=$([[ -n "$DISK" ]] && echo 1 || echo 0)
VB_TIMEOUT=$((TIMEOUT + 30))
EOF
{
    printf 'cd %q || exit 126\n' "$CWD"
    printf 'export PATH=%q HOME=/tmp TMPDIR=/tmp LANG=C.UTF-8 VBOARD=1 VBOARD_SHARE=%q\n' "$PATH" "$SHARE"
    [[ -n "$DISK" ]] && printf 'export VBOARD_DISK=/tmp/vboard-disk\n'
    for e in "${EXTRA_ENV[@]}"; do printf 'export %s=%q\n' "${e%%=*}" "${e#*=}"; done
    printf 'exec'; printf ' %q' "$@"; printf '\n'
} > "$RUN/cmd.sh"
: > "$RUN/console.log"; : > "$RUN/stdout"; : > "$RUN/stderr"

# ------------------------------------------------------------------ qemu
ACCEL=${ACCEL:-auto}
if [[ "$ACCEL" == auto ]]; then
    # /dev/kvm backed by kvm_pvm (a nested, "pagetable-based" KVM) runs only PVM-enlightened guest
    # kernels: a stock Debian kernel hangs there, and -cpu host aborts. Use KVM only if it is real.
    ACCEL=tcg
    if [[ -w /dev/kvm && ! -d /sys/module/kvm_pvm ]] && [[ -d /sys/module/kvm_intel || -d /sys/module/kvm_amd ]]; then
        ACCEL=kvm
    fi
fi
case "$ACCEL" in
    tcg) QACCEL=(-accel "tcg,thread=multi") ;;
    kvm) QACCEL=(-accel kvm -cpu host) ;;
    *) usage "ACCEL must be auto, tcg or kvm" ;;
esac
QEMU=(qemu-system-x86_64 "${QACCEL[@]}" -M pc -m "${MEM:-1024}" -smp "${SMP:-1}"
      -nodefaults -no-user-config -no-reboot -display none
      -kernel "$VB_KIMG" -initrd "$VB_INITRD"
      -append "console=ttyS0 panic=-1 quiet loglevel=3 tsc=unstable"
      -virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap,id=hostroot"
      -virtfs "local,path=$RUN,mount_tag=ctl,security_model=none,id=ctl")
[[ -n "$SHARE_TAG" ]] && QEMU+=(-virtfs "local,path=$SHARE,mount_tag=share,security_model=none,id=share")
[[ -n "$DISK" ]] && QEMU+=(-drive "file=$DISK,format=raw,if=virtio,cache=writeback")

say "kernel $VB_KREL ($VB_KVER), DAHDI modules ${VB_DAHDI_MODVER:-?} from dahdi-dkms $VB_DKMS_VER, accel $ACCEL, smp ${SMP:-1}, ${MEM:-1024} MiB"
if ((SHELL_MODE)); then
    exec "${QEMU[@]}" -serial mon:stdio
fi

QPID="" PIDS=() OUTCOME=""
cleanup() {
    local rc=$?
    [[ -n "$QPID" ]] && kill "$QPID" 2>/dev/null
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    if [[ "$OUTCOME" != ok ]]; then
        printf 'vboard: run folder kept: %s (console.log, qemu.log, stdout, stderr)\n' "$RUN" >&2
    elif ((KEEP)); then
        say "run folder kept: $RUN"
    else
        rm -rf "$RUN"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'err "interrupted"; exit 130' INT
trap 'err "terminated"; exit 143' TERM

SECONDS=0   # the timeouts count from here
"${QEMU[@]}" -serial "file:$RUN/console.log" < /dev/null > "$RUN/qemu.log" 2>&1 &
QPID=$!
# Live output: COMMAND's two streams, and the board's "VB:" lines (or the whole console).
tail -f -n +1 -s 0.2 --pid="$QPID" "$RUN/stdout" & PIDS+=($!)
tail -f -n +1 -s 0.2 --pid="$QPID" "$RUN/stderr" >&2 & PIDS+=($!)
if ((VERBOSE)); then
    tail -f -n +1 -s 0.2 --pid="$QPID" "$RUN/console.log" | tr -d '\r' >&2 & PIDS+=($!)
elif ((!QUIET)); then
    tail -f -n +1 -s 0.2 --pid="$QPID" "$RUN/console.log" |
        sed -un 's/\r$//; /^VB: run \(start\|end\)/d; s/^VB: /vboard: /p' >&2 & PIDS+=($!)
fi

booted=0 stop="" started=""
while kill -0 "$QPID" 2>/dev/null; do
    if ((!booted)); then
        if grep -aq '^VB: init' "$RUN/console.log"; then booted=1
        elif ((SECONDS >= ${BOOT_TIMEOUT:-60})); then stop=boot; break; fi
    fi
    if [[ -n "$CUT_AFTER" ]]; then
        if [[ -z "$started" ]]; then
            grep -aq '^VB: run start' "$RUN/console.log" && started=$SECONDS
        elif ((SECONDS - started >= CUT_AFTER)); then
            kill -KILL "$QPID" 2>/dev/null; stop=cut; break
        fi
    fi
    ((SECONDS < TIMEOUT)) || { stop=timeout; break; }
    sleep 0.2
done
[[ -n "$stop" ]] && kill "$QPID" 2>/dev/null
wait "$QPID" 2>/dev/null && qrc=0 || qrc=$?
QPID=""
for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
PIDS=()

# ------------------------------------------------------------------ verdict
uptime_at() { sed -n "s/^VB: $1.*uptime=\([0-9.]*\).*/\1/p" "$RUN/console.log" | head -n 1; }
span_s() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
wall=$(span_s "$T0" "$EPOCHREALTIME")
t_init=$(uptime_at init) t_cfg=$(uptime_at 'dahdi configured') t_start=$(uptime_at 'run start') t_end=$(uptime_at 'run end')
timing="guest uptime: init ${t_init:-?} s, board ready ${t_cfg:-?} s"
[[ -n "$t_start" && -n "$t_end" ]] && timing+=", command $(span_s "$t_start" "$t_end") s"
timing+="; wall ${wall} s"
rc_text=$(cat "$RUN/rc" 2>/dev/null || true)
case "$stop" in
    boot) err "the guest did not start within ${BOOT_TIMEOUT:-60} s (accel $ACCEL); $(tail -n 3 "$RUN/qemu.log" | tr '\n' ' ')"; exit 125 ;;
    timeout) err "timeout: stopped the guest after $TIMEOUT s ($timing)"; exit 124 ;;
    cut) OUTCOME=ok; say "power cut: qemu killed $CUT_AFTER s after the command started ($timing)"; exit 137 ;;
esac
if [[ "$rc_text" =~ ^[0-9]+$ ]]; then
    OUTCOME=ok
    say "exit $rc_text ($timing)"
    exit "$rc_text"
fi
if [[ "$rc_text" == board* ]]; then
    err "the board failed: ${rc_text#board }"
else
    err "the guest stopped without a result (qemu status $qrc)"
fi
grep -av '^VB: ' "$RUN/console.log" | tr -d '\r' | tail -n 15 >&2 || true
tail -n 5 "$RUN/qemu.log" >&2 || true
exit 125
