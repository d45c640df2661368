#!/usr/bin/env bash
# Score the engine on the dev gold (seed article + shared/gold/dev.jsonl) with the
# reference scorer. Usage: scripts/eval_dev.sh [--per-article]   (builds release first)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
OUT=${OUT:-$(mktemp -d)}; mkdir -p "$OUT"
cargo build --release -q -p marsad-cli
cat "$SHARED/gold/seed-article.gold.jsonl" "$SHARED/gold/dev.jsonl" > "$OUT/gold.jsonl"
python3 "$SHARED/eval/gold_to_input.py" "$OUT/gold.jsonl" > "$OUT/in.jsonl"
./target/release/marsad extract "$OUT/in.jsonl" -o "$OUT/out.jsonl"
python3 "$SHARED/eval/score.py" "$OUT/gold.jsonl" "$OUT/out.jsonl" "$@"
echo "(output in $OUT/out.jsonl)"
