# Sourced by the benchmarks: builds the service, gives it a scratch database on the local PostgreSQL, starts and
# stops it, and cleans up on exit. Progress goes to stderr.
#   bench_prepare <database-prefix> <log-file>   build, install the Node client, create the database
#   bench_start <port> [service arguments...]     start the service and wait until it is ready
#   bench_stop                                    stop it (a later bench_start starts it again on the same data)
# BENCH_JAVA_OPTIONS adds options to the service's JVM, for example a flight recording or a profiling agent.
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

bench_app_pid=
bench_app_pids=()

bench_prepare() {
  database="$1_$$"
  bench_log=$2
  echo "[bench] building" >&2
  ./mvnw -q -B -pl app -am package -DskipTests >&2
  (cd app/src/test/node && for package in socket.io-client socket.io playwright-core ws; do
    [ -d "node_modules/$package" ] || { npm ci --no-audit --no-fund --loglevel=error >&2; break; }
  done)
  psql -qc "create database $database" postgres >&2
  : > "$bench_log"
  trap bench_cleanup EXIT
}

bench_start() {
  local port=$1
  shift
  echo "[bench] starting the service on port $port" >&2
  java -Xmx1g ${BENCH_JAVA_OPTIONS:-} \
    -jar app/target/watch-party.jar \
    --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
    --spring.datasource.username="$PGUSER" \
    --watchparty.auth.dev-tokens=true \
    --logging.structured.format.console= \
    --logging.level.root=WARN "$@" >> "$bench_log" 2>&1 &
  bench_app_pid=$!
  bench_app_pids+=("$bench_app_pid")
  for _ in $(seq 1 240); do
    curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null && return 0
    kill -0 "$bench_app_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "[bench] the service did not start, see $bench_log" >&2
  return 1
}

# every instance started: a benchmark may start several on the same database, on different ports
bench_stop() {
  for pid in "${bench_app_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  bench_app_pids=()
  bench_app_pid=
}

bench_cleanup() {
  bench_stop
  psql -qc "drop database if exists $database with (force)" postgres >&2 || true
}
