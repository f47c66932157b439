#!/usr/bin/env bash
# Two instances on one database: builds the service, starts two instances of it on a scratch database of the local
# PostgreSQL (ports BENCH_PORT and BENCH_PORT+1), runs app/src/test/node/two-instances-bench.mjs against both (chat
# at rising rates, then a rolling restart of the second) and prints its one JSON line. Progress goes to stderr.
# Usage: bench/two-instances.sh [participants=100] [seconds per rate=10] [rates=20,100,200]
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/service.sh
port=${BENCH_PORT:-3097}
bench_prepare wp_bench_two app/target/bench-two-instances.log
# the two pools (the default is 30 each) within PostgreSQL's 100 connections, which other builds share
settings=(--watchparty.realtime.room.chat-burst=1000 --watchparty.realtime.room.chat-per-second=1000
  --spring.datasource.hikari.maximum-pool-size=25)
bench_start "$port" "${settings[@]}"
bench_start "$((port + 1))" "${settings[@]}"

# the rolling restart: the benchmark stops B (this pid) and starts it again with this command
export BENCH_PID_B=$bench_app_pid
export BENCH_RESTART_B=". bench/service.sh; database=$database; bench_log=$bench_log;
  bench_start $((port + 1)) ${settings[*]} && echo pid=\$bench_app_pid"

node app/src/test/node/two-instances-bench.mjs "http://localhost:$port" "http://localhost:$((port + 1))" "$@"
