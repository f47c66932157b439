#!/usr/bin/env bash
# Long-party benchmark: the ack latency of send_message on a party with ~100 events, and on a party grown to
# ~50,000 events once the service has restarted (its cache cold, so the party is loaded from its latest snapshot),
# plus the time of the first command after the restart. Builds the service, runs it on a scratch database of the
# local PostgreSQL, drives it with app/src/test/node/party-snapshots-bench.mjs and prints one JSON line.
# Progress goes to stderr. BENCH_REPLAY=1 adds a third start without the big party's snapshot (about 40 s more),
# to time the same first command when it must replay every event.
# Usage: [BENCH_REPLAY=1] bench/party-snapshots.sh [events=50000]
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/service.sh
port=${BENCH_PORT:-3092}
events=${1:-50000}
snapshot_every=${BENCH_SNAPSHOT_EVERY:-250}
state=$(mktemp)
script=app/src/test/node/party-snapshots-bench.mjs
bench_prepare wp_bench_snapshots app/target/bench-party-snapshots.log
trap 'bench_cleanup; rm -f "$state"' EXIT

start() {
  bench_start "$port" --watchparty.party.snapshot-every="$snapshot_every" \
    --watchparty.realtime.room.chat-burst=100000 --watchparty.realtime.room.chat-per-second=100000
}

start
node "$script" before "http://localhost:$port" "$state" "$events" >&2
node "$script" grow "http://localhost:$port" "$state" >&2

echo "[bench] restarting the service" >&2
bench_stop
party=$(node -p "JSON.parse(require('fs').readFileSync('$state', 'utf8')).parties.big")
store=$(psql -qtA -v party="$party" "$database" <<'SQL'
select json_build_object(
  'events', (select count(*) from domainevententry where aggregateidentifier = :'party'),
  'snapshots', (select count(*) from snapshotevententry where aggregateidentifier = :'party'),
  'snapshot_sequence', (select max(sequencenumber) from snapshotevententry where aggregateidentifier = :'party'),
  'snapshot_bytes', (select max(length(payload)) from snapshotevententry where aggregateidentifier = :'party'),
  'events_after_snapshot', (select count(*) from domainevententry where aggregateidentifier = :'party'
      and sequencenumber > (select coalesce(max(sequencenumber), -1) from snapshotevententry
                            where aggregateidentifier = :'party')));
SQL
)
echo "[bench] big party in the store: $store" >&2
start
BENCH_STORE="$store" node "$script" after "http://localhost:$port" "$state" >&2

if [ "${BENCH_REPLAY:-0}" = 1 ]; then
  echo "[bench] restarting the service without the big party's snapshot" >&2
  bench_stop
  psql -qc "delete from snapshotevententry where aggregateidentifier = '$party'" "$database" >&2
  start
  node "$script" replay "http://localhost:$port" "$state" >&2
fi
BENCH_SNAPSHOT_EVERY="$snapshot_every" node "$script" report "http://localhost:$port" "$state"
