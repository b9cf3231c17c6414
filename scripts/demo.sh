#!/usr/bin/env bash
# `make run`: kefud on the simulated board with the example center
# (config/kefu.toml: 8 FXO lines, 4 agents on FXS phones, a two-level menu in
# Chinese and English, queues "sales" and "support", the survey) and demo
# traffic — a call every 10 s on average — with its live view. Ctrl-C stops
# it; DURATION=N stops it after N seconds and prints the summary.
#
# Prompts: every prompt file the config names (`kefu config prompts`) is
# spoken by espeak-ng (Mandarin for zh, English for en; texts in
# scripts/demo-prompts.txt) and converted by sox to 8 kHz mono 16-bit in
# .run/prompts/<language>/<name>.wav, once; delete .run/prompts to remake
# them. Without espeak-ng or sox kefud (--demo) plays synthesised chimes
# instead and says so.
#
# Schedules: the demo's clock starts on Wednesday 4 March 2026 at 10:00
# (Shanghai), inside business hours, so callers reach the queues;
# DEMO_CLOCK="2026-03-07 22:00" shows the closed-hours menu, DEMO_CLOCK=now
# uses the real clock.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build --show-bin-path)
config=config/kefu.toml
run=.run
prompts="$run/prompts"
mkdir -p "$prompts" "$run/data"

# Prompt files the config needs (kefu prints the config's errors and fails if it has any).
files=$("$bin/kefu" config prompts "$config")

if command -v espeak-ng >/dev/null && command -v sox >/dev/null; then
    declare -A texts
    while IFS='|' read -r language name text; do
        [[ -z "$language" || "$language" == \#* ]] && continue
        texts["$language|$name"]=$text
    done < scripts/demo-prompts.txt
    declare -A voices=([zh]=cmn [zh-CN]=cmn [cmn]=cmn [en]=en-us [en-US]=en-us [en-GB]=en-gb)
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    made=0
    for file in $files; do
        out="$prompts/$file"
        [[ -s "$out" ]] && continue
        language=${file%%/*}
        name=${file#*/}
        name=${name%.wav}
        mkdir -p "$prompts/$language"
        if [[ "$name" == *music* ]]; then
            notes=()
            for f in 523 659 784 659 587 698 880 698; do
                sox -n -r 8000 -c 1 -b 16 "$scratch/n${#notes[@]}.wav" synth 0.35 sine "$f" fade 0.02 0.35 0.05 gain -22
                notes+=("$scratch/n${#notes[@]}.wav")
            done
            sox "${notes[@]}" "$out"
        else
            text=${texts["$language|$name"]:-${name//-/ }}
            espeak-ng -v "${voices[$language]:-$language}" -s 150 -w "$scratch/speech.wav" "$text"
            sox "$scratch/speech.wav" -r 8000 -c 1 -b 16 "$out" gain -n -6
        fi
        made=$((made + 1))
    done
    if (( made > 0 )); then echo "demo: spoke $made prompt files into $prompts"; fi
else
    echo "demo: espeak-ng or sox is not installed; kefud plays synthesised chimes for the prompts"
fi

args=(--config "$config" --board sim --demo --prompts "$prompts" --data-dir "$run/data" --console-socket "$run/console.sock"
      --calls-per-minute 8 --talk-seconds 20 --duration "${DURATION:-0}")
clock=${DEMO_CLOCK:-2026-03-04 10:00}
if [[ "$clock" != "now" ]]; then args+=(--clock "$clock"); fi
if [[ "${DURATION:-0}" != "0" ]]; then args+=(--quiet); fi
echo "demo: the console: in another terminal, $bin/kefu --socket $run/console.sock   (help lists the commands)"
exec "$bin/kefud" "${args[@]}"
