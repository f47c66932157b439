#!/usr/bin/env bash
# Chat fan-out benchmark: builds the service, starts it on a scratch database of the local PostgreSQL, runs
# app/src/test/node/chat-fanout-bench.mjs against it and prints its one JSON line. Progress goes to stderr.
# Usage: bench/chat-fanout.sh [participants=100] [seconds per rate=5] [rates=200,300,400,500,600,800]
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/service.sh
port=${BENCH_PORT:-3091}
bench_prepare wp_bench_fanout app/target/bench-chat-fanout.log
bench_start "$port" --watchparty.realtime.room.chat-burst=1000 --watchparty.realtime.room.chat-per-second=1000

BENCH_SERVICE_PID=$bench_app_pid node app/src/test/node/chat-fanout-bench.mjs "http://localhost:$port" "$@"
