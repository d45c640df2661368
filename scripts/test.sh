#!/usr/bin/env bash
# Every test of the project: the Rust workspace (unit, integration, corpus-wide tests) and
# the dashboard in headless Chromium. Needs ../shared beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo nextest --version >/dev/null 2>&1; then
  cargo install --locked cargo-nextest
fi
cargo build --release --workspace --bins
cargo nextest run --release --workspace --no-fail-fast
bash tests/browser/run.sh
