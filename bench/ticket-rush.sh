#!/usr/bin/env bash
# Ticket rush benchmark: a premiere opens its sale to a waiting crowd. Builds the service and starts it on a scratch
# database of the local PostgreSQL; in the same run measures PostgreSQL's own rate of single-row INSERT ... COMMIT
# (pgbench, 50 clients, a scratch table, 10 s), then runs app/src/test/node/ticket-rush-bench.mjs: N purchase
# attempts by N people (default 2,000), a given number in flight (50), on a party of S seats (100), after
# five minutes of warm-up rushes on other parties (BENCH_WARM_UP_SECONDS), measured on five parties (the median
# gives the figure); then, for what an HTTP answer costs on this machine at the least, as
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

echo "[bench] pgbench: 50 clients, single-row INSERT ... COMMIT for 10 s" >&2
psql -q "$database" -c "create table bench_insert (id bigserial primary key, value integer not null)" >&2
script=$(mktemp)
echo 'insert into bench_insert (value) values (1);' > "$script"
pgbench_tps=$(pgbench -n -c 50 -j 2 -T 10 -f "$script" "$database" 2>/dev/null | awk '/^tps/ {print $3; exit}')
rm -f "$script"
psql -q "$database" -c "drop table bench_insert" >&2

node app/src/test/node/ticket-rush-bench.mjs "http://localhost:$port" "$attempts" "$seats" "$in_flight" \
  "$pgbench_tps" "$database" "$bench_app_pid"
