#!/usr/bin/env bash
# `make run`: kefud on the simulated board with the demo traffic — 8 FXO
# lines, 4 agents on FXS phones, a call every 10 s on average — and its live
# view. Ctrl-C stops it; DURATION=N stops it after N seconds and prints the
# summary. Prompts are spoken by espeak-ng (Mandarin, then English) when it
# is installed; otherwise kefud synthesises chimes and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build --show-bin-path)
run=.run
mkdir -p "$run/prompts" "$run/data"

if [[ ! -f "$run/prompts/greeting.wav" ]] && command -v espeak-ng >/dev/null && command -v sox >/dev/null; then
    espeak-ng -v cmn -s 150 -w "$run/prompts/zh.wav" "您好，欢迎致电客服热线。正在为您转接座席，请稍候。"
    espeak-ng -v en-us -s 150 -w "$run/prompts/en.wav" "Welcome to the customer service hotline. Please hold for the next agent."
    sox "$run/prompts/zh.wav" "$run/prompts/en.wav" -r 8000 -c 1 -b 16 "$run/prompts/greeting.wav" gain -n -6
    rm -f "$run/prompts/zh.wav" "$run/prompts/en.wav"
fi
if [[ ! -f "$run/prompts/music.wav" ]] && command -v sox >/dev/null; then
    notes=()
    for f in 523 659 784 659 587 698 880 698; do
        sox -n -r 8000 -c 1 -b 16 "$run/prompts/n$f-${#notes[@]}.wav" synth 0.35 sine "$f" fade 0.02 0.35 0.05 gain -22
        notes+=("$run/prompts/n$f-${#notes[@]}.wav")
    done
    sox "${notes[@]}" "$run/prompts/music.wav"
    rm -f "${notes[@]}"
fi

args=(--board sim --lines 8 --agents 4 --calls-per-minute 6 --talk-seconds 45
      --data-dir "$run/data" --prompts "$run/prompts" --duration "${DURATION:-0}")
if [[ "${DURATION:-0}" != "0" ]]; then args+=(--quiet); fi
exec "$bin/kefud" "${args[@]}"
