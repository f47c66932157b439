#!/usr/bin/env bash
# Premiere-sized room benchmark: thousands of people in one party on one instance, measured on this service and,
# in the same run and under the same load, on a Node socket.io 4.8 peer serving the same /watch-party namespace in
# memory (app/src/test/node/peer-server.mjs). Builds the service, starts it on a scratch database of the local
# PostgreSQL (chat flood control raised, Tomcat allowed more connections than the largest room), starts the peer,
# runs app/src/test/node/room-crowd-bench.mjs and prints its one JSON line; progress goes to stderr.
# Everything listens on and connects to the loopback address only.
# Usage: bench/room-crowd.sh [sizes...=1000 10000]     e.g. bench/room-crowd.sh 300 900 for a quick check
# Phase bounds and rates: see the environment variables at the top of room-crowd-bench.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
largest=0
for size in "${sizes[@]}"; do
  if ! [[ $size =~ ^[0-9]+$ ]] || [ "$size" -lt 1 ] || [ "$size" -gt 10000 ]; then
    echo "sizes are numbers of people from 1 to 10000 (a party's max_participants), not '$size'" >&2
    exit 2
  fi
  if [ "$size" -gt "$largest" ]; then largest=$size; fi
done

# one file descriptor per socket on each side (the client and each server are processes of this shell)
wanted_files=$((largest + 2048))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$wanted_files" ]; then
  hard=$(ulimit -Hn)
  if [ "$hard" = unlimited ] || [ "$hard" -ge "$wanted_files" ]; then
    ulimit -n "$wanted_files"
  else
    ulimit -n "$hard"
    echo "[bench] only $hard open files allowed; the largest room may not fit" >&2
  fi
fi

. bench/service.sh
port=${BENCH_PORT:-3095}
peer_port=${BENCH_PEER_PORT:-3096}
peer_log=app/target/bench-room-crowd-peer.log
peer_pid=
bench_prepare wp_bench_crowd app/target/bench-room-crowd.log
stop_peer() {
  if [ -n "$peer_pid" ]; then
    kill "$peer_pid" 2>/dev/null || true
    wait "$peer_pid" 2>/dev/null || true
    peer_pid=
  fi
}
trap 'stop_peer; bench_cleanup' EXIT

bench_start "$port" --server.address=127.0.0.1 --server.tomcat.max-connections=$((largest + 1000)) \
  --watchparty.realtime.room.chat-burst=100000 --watchparty.realtime.room.chat-per-second=100000

echo "[bench] starting the socket.io peer on port $peer_port" >&2
node --expose-gc app/src/test/node/peer-server.mjs "$peer_port" > "$peer_log" 2>&1 &
peer_pid=$!
for _ in $(seq 1 40); do
  curl -sf "http://127.0.0.1:$peer_port/socket.io/?EIO=4&transport=polling" >/dev/null && break
  kill -0 "$peer_pid" 2>/dev/null || { echo "[bench] the peer did not start, see $peer_log" >&2; exit 1; }
  sleep 0.25
done

BENCH_SERVICE_PID=$bench_app_pid BENCH_PEER_PID=$peer_pid BENCH_DATABASE=$database \
  node app/src/test/node/room-crowd-bench.mjs "http://127.0.0.1:$port" "http://127.0.0.1:$peer_port" "${sizes[@]}"
