#!/usr/bin/env bash
# Browser sync benchmark: builds the service, starts it on a scratch database of the local PostgreSQL, and runs
# app/src/test/node/browser-sync-bench.mjs: two people in headless Chromium watch a party for a minute with a seek
# every 10 s. Prints one JSON line: how far apart the two players' positions are, median and worst, in steady state
# and one second after each seek. Progress goes to stderr.
# Usage: bench/browser-sync.sh
set -euo pipefail
cd "$(dirname "$0")/.."

command -v chromium >/dev/null 2>&1 || { echo "[bench] needs Debian's chromium (apt-get install chromium)" >&2; exit 1; }
. bench/service.sh
port=${BENCH_PORT:-3094}
bench_prepare wp_bench_browser app/target/bench-browser-sync.log
bench_start "$port"

node app/src/test/node/browser-sync-bench.mjs "http://127.0.0.1:$port"
