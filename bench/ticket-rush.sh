#!/usr/bin/env bash
# Ticket rush benchmark: a premiere opens its sale to a waiting crowd. Builds the service and starts it on a scratch
# database of the local PostgreSQL and runs app/src/test/node/ticket-rush-bench.mjs: N purchase
# attempts by N people (default 2,000), a given number in flight (50), on a party of S seats (100), after
# five minutes of warm-up rushes on other parties (BENCH_WARM_UP_SECONDS); then, the service idle, PostgreSQL's own
# rate of single-row INSERT ... COMMIT (pgbench, 50 clients, a scratch table, three times 10 s, the median); then the
# rush measured on five parties (the median gives the figure); then, for what an HTTP answer costs on this machine at the least, as
# many liveness probes and a bare Node HTTP server (port+1) answering the same requests. Prints one JSON line: sold, oversold, the
# refusals by code, attempts per second, pgbench's rate and the ratios; progress goes to stderr.
# Usage: bench/ticket-rush.sh [attempts=2000] [seats=100] [in-flight=50]
set -euo pipefail
cd "$(dirname "$0")/.."

attempts=${1:-2000}
seats=${2:-100}
in_flight=${3:-50}
. bench/service.sh
port=${BENCH_PORT:-3211}
bench_prepare wp_bench_rush app/target/bench-ticket-rush.log
bench_start "$port"

node app/src/test/node/ticket-rush-bench.mjs "http://localhost:$port" "$attempts" "$seats" "$in_flight" \
  "$database" "$bench_app_pid"
