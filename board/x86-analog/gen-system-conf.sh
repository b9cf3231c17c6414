#!/bin/sh
# board/x86-analog/gen-system-conf.sh — write /etc/dahdi/system.conf from the
# analog cards found (installed as /usr/lib/kefu/gen-system-conf).
#
# Usage: gen-system-conf [--dry-run]
#   --dry-run   print the file instead of writing it
#
# Each port's signalling follows the module fitted on it (dahdi_genconf reads
# what the driver reports): an FXO module (a line from the exchange) gets
# fxsks, an FXS module (an agent's phone) fxoks — DAHDI names signalling after
# the far end. Tone zone cn, echo canceller mg2 on every channel. Then it lists
# the channels in kefu.toml's terms, for [lines.*] channels and
# [agents.*] phone. Exit 1 when no DAHDI channel exists (no card, or its
# driver did not load: see `dahdi_hardware` and `journalctl -k`).
set -eu
DRY=0
case "${1:-}" in
    "") ;;
    --dry-run) DRY=1 ;;
    -h|--help) sed -n '2,/^set -eu/{/^set -eu/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "gen-system-conf: unknown argument '$1' (try --help)" >&2; exit 2 ;;
esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# dahdi_genconf reads its choices from the file GENCONF_PARAMETERS names.
cat > "$TMP/genconf_parameters" <<'PARAMS'
lc_country cn
echo_can mg2
fxs_default_start ks
fxo_default_start ks
PARAMS
if ! ls /proc/dahdi/[0-9]* >/dev/null 2>&1; then
    echo "gen-system-conf: no DAHDI span: no card, its driver did not load, or its spans are not assigned" >&2
    echo "  dahdi_hardware: $(dahdi_hardware 2>&1 | head -n 5 | tr '\n' ';')" >&2
    exit 1
fi
GENCONF_PARAMETERS=$TMP/genconf_parameters DAHDI_CONF_FILE=$TMP/system.conf dahdi_genconf system
if [ "$DRY" = 1 ]; then cat "$TMP/system.conf"; else install -m 644 "$TMP/system.conf" /etc/dahdi/system.conf; echo "wrote /etc/dahdi/system.conf"; fi
# The channels by kind, as kefu.toml names them.
awk -F= '/^fxsks=|^fxsls=/ { fxo = fxo sep1 $2; sep1 = "," }
         /^fxoks=|^fxols=/ { fxs = fxs sep2 $2; sep2 = "," }
         END { print "FXO ports (exchange lines; kefu.toml [lines.NAME] signalling = \"fxo\"): channels " (fxo == "" ? "none" : fxo)
               print "FXS ports (agent phones; signalling = \"fxs\", [agents.ID] phone = N): channels " (fxs == "" ? "none" : fxs) }' "$TMP/system.conf"
