#!/usr/bin/env bash
# board/virtual/test.sh — the virtual-board stage of `make test`.
#
# Usage: board/virtual/test.sh PATH/TO/vboard-check
#
# Runs the board's selftest, then vboard-check (the channel contract and a
# whole call through kefud's graph) on the real DAHDI drivers in the guest,
# then vboard-check --e1-pri and --e1-r2 on the E1 board (PRI and MFC/R2
# calls in and out) and --e1-callback on each (a callback out), then the power-cut test (power-cut.sh: POWER_CUTS boots, 20 by default).
# Works wherever the checkout is: the guest has its own /tmp and /run, so when
# the checkout lies there, the cache, the program and the share move to
# /var/tmp (on the host's root, which the guest sees).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BIN=${1:?usage: board/virtual/test.sh PATH/TO/vboard-check}
case "$REPO/" in
    /tmp/*|/run/*)
        # The board's own files (guest init, system.conf) must be visible too:
        # run a copy of board/virtual from the cache.
        export VBOARD_CACHE=${VBOARD_CACHE:-/var/tmp/kefu-vboard-$(id -u)}
        rm -rf "$VBOARD_CACHE/stage"
        mkdir -p "$VBOARD_CACHE/stage/board"
        cp -a "$HERE" "$VBOARD_CACHE/stage/board/virtual"
        HERE=$VBOARD_CACHE/stage/board/virtual
        ;;
esac
CACHE=${VBOARD_CACHE:-$REPO/.build-vboard}
CHECK=$CACHE/check
mkdir -p "$CHECK/share"
cp "$BIN" "$CHECK/vboard-check"
# kefu (release, beside vboard-check): `kefu setup learn` runs in the guest.
cp "$(dirname "$BIN")/kefu" "$CHECK/kefu"
cd "$CHECK"
"$HERE/selftest.sh"
# The call's data (SQLite in WAL mode, recordings) goes on the guest's own
# /tmp: the 9p share cannot map SQLite's shared-memory file.
# VBOARD_GUEST: where vboard-check finds span4.conf (to take span 4 away and back).
"$HERE/run.sh" --share "$CHECK/share" --timeout 600 --env "VBOARD_GUEST=$HERE/guest" --env "KEFU_BIN=$CHECK/kefu" -- "$CHECK/vboard-check" /tmp/kefu-vboard-data
# The E1 board (guest/e1-pri.conf): two looped 31-timeslot spans under ISDN PRI, kefud's graph on
# span 1 and a PRI test exchange on span 2 (about 15 s).
"$HERE/run.sh" --conf "$HERE/guest/e1-pri.conf" --share "$CHECK/share" --timeout 300 -- "$CHECK/vboard-check" --e1-pri /tmp/kefu-vboard-e1
# The same spans under MFC/R2 China (guest/e1-r2.conf): kefud's R2 group on span 1, an openr2
# test exchange on span 2 (about 15 s).
"$HERE/run.sh" --conf "$HERE/guest/e1-r2.conf" --share "$CHECK/share" --timeout 300 -- "$CHECK/vboard-check" --e1-r2 /tmp/kefu-vboard-e1
# A callback out on each E1 (the same boards, plus an agent's phone on spans 3-4; about 15 s each).
"$HERE/run.sh" --conf "$HERE/guest/e1-pri.conf" --share "$CHECK/share" --timeout 300 -- "$CHECK/vboard-check" --e1-callback pri /tmp/kefu-vboard-e1
"$HERE/run.sh" --conf "$HERE/guest/e1-r2.conf" --share "$CHECK/share" --timeout 300 -- "$CHECK/vboard-check" --e1-callback r2 /tmp/kefu-vboard-e1
exec "$HERE/power-cut.sh" "$CHECK/vboard-check"
