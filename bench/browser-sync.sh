#!/usr/bin/env bash
# Browser sync benchmark: builds the service, starts it on a scratch database of the local PostgreSQL, and runs
# app/src/test/node/browser-sync-bench.mjs: two people in headless Chromium watch a party for a minute with a seek
# every 10 s, then two people, one of them behind a proxy that delays each way by 150 ms, start the film together
# six times. The service is then started again with scheduled starts off (max-start-lead 0: every player starts on
# arrival, as before them) for the same six starts. Prints one JSON line: how far apart the two players' positions
# are, median and worst, in steady state and one second after each seek, and how far apart the two players start,
# scheduled and on arrival. Progress goes to stderr.
# Usage: bench/browser-sync.sh
set -euo pipefail
cd "$(dirname "$0")/.."

command -v chromium >/dev/null 2>&1 || { echo "[bench] needs Debian's chromium (apt-get install chromium)" >&2; exit 1; }
command -v jq >/dev/null 2>&1 || { echo "[bench] needs jq" >&2; exit 1; }
. bench/service.sh
port=${BENCH_PORT:-3094}
bench_prepare wp_bench_browser app/target/bench-browser-sync.log
bench_start "$port"
scheduled=$(node app/src/test/node/browser-sync-bench.mjs "http://127.0.0.1:$port")
bench_stop

echo "[bench] again with scheduled starts off" >&2
bench_start "$port" --watchparty.realtime.room.max-start-lead=0
on_arrival=$(node app/src/test/node/browser-sync-bench.mjs "http://127.0.0.1:$port" starts)

jq -c -n --argjson s "$scheduled" --argjson a "$on_arrival" \
  '$s + {start_spread: {delay_ms_each_way: $s.start_spread.delay_ms_each_way,
          scheduled: ($s.start_spread | del(.delay_ms_each_way)),
          on_arrival: ($a.start_spread | del(.delay_ms_each_way))}}'
