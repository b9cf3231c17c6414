#!/usr/bin/env bash
# The demo `make run` shows. Until the media loop and simulated board land,
# it exercises what exists end to end: it synthesises a line recording (caller
# ID between rings, a caller dialling an IVR choice, the exchange's busy tone
# when the far end hangs up, a fax machine calling) and analyses it with the
# same detectors the media loop runs, printing one JSON line per finding.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build --show-bin-path)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wav="$out/line.wav"
"$bin/kefu" synth "$wav" \
    cid:fsk-mdmf:13800138000:Zhang silence:800 \
    dtmf:2 silence:600 dtmf:8001 silence:1500 \
    tone:busy:3500 silence:1000 \
    fax:cng:8000 silence:500 noise:-50
echo "== kefu analyze (China tone plan) of a synthesised line recording:"
"$bin/kefu" analyze "$wav"
echo
"$bin/kefud" --version
echo "kefud: the call-center service (media loop, simulated board, IVR, ACD) is not implemented yet; see README.md."
