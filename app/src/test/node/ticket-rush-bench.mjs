// A sale rush on one party: N people each try once to buy a seat, `inFlight` requests at a time, each with an
// Idempotency-Key, after five minutes of such rushes on other parties to warm the JVM up; measured on five parties,
// one after the other, the median rush giving the figure; then every buyer of the last retries with the same key and
// with a new one; then as many liveness probes and as many requests to a bare Node HTTP server, for what an HTTP
// answer costs on this machine. Prints one JSON line. Started by bench/ticket-rush.sh.
// Usage: node ticket-rush-bench.mjs <baseUrl> <attempts> <seats> <inFlight> <database> [servicePid]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuSeconds, http, log, percentile } from './bench-support.mjs';
import { leanConnections } from './lean-http.mjs';

const [baseUrl, attemptsArg, seatsArg, inFlightArg, database, servicePid] = process.argv.slice(2);
const attempts = Number(attemptsArg);
const seats = Number(seatsArg);
const inFlight = Number(inFlightArg);
const { ok } = http(baseUrl, { timeoutMs: 60_000 });
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 300);
const MEASURED_RUSHES = 5;
const BARE_PORT = Number(new URL(baseUrl).port) + 1;

/** Runs `task(i)` for i in 0..count-1, `limit` at a time; the results in order. */
async function pooled(count, limit, task) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  }));
  return results;
}

async function party(admin, movie, size) {
  const start = new Date(Date.now() + 2 * 3600_000);
  return (await ok('POST', '/watch-parties', admin, {
    movie_id: movie, start_time: start.toISOString(), end_time: new Date(start.getTime() + 3600_000).toISOString(),
    is_featured: false, max_participants: size,
  })).id;
}

// The rush and the probes go over `inFlight` kept-alive connections of a lean client (lean-http.mjs): `fetch` costs
// three times the CPU per request of Node's own `http` client, and that client three times the lean one's (0.066
// against 0.021 ms, on a bare Node server), all of it taken from the same two cores as the service and PostgreSQL
// (pgbench's client is C).
const connections = (url) => leanConnections(url, inFlight);
const send = connections(baseUrl);

/** A purchase attempt of `ticket` by `token` with `key`, by `sender`. */
function purchase(sender, path, ticket, token, key) {
  const body = JSON.stringify({ ticket_id: ticket });
  return sender('POST', path, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body),
    authorization: `Bearer ${token}`, 'idempotency-key': key }, body);
}

/** Each token tries once, with the key `keys(i)`; answers {status, code, id, ms} in order. */
async function rush(partyId, ticket, tokens, keys) {
  return pooled(tokens.length, inFlight, async (i) => {
    const started = performance.now();
    const response = await purchase(send, `/watch-parties/${partyId}/purchase`, ticket, tokens[i], keys(i));
    let json = null;
    try { json = JSON.parse(response.body); } catch { /* no JSON body */ }
    return { status: response.status, code: json?.code ?? null, id: json?.id ?? null,
      ms: performance.now() - started };
  });
}

function byCode(results) {
  const codes = {};
  for (const r of results) {
    const key = r.status < 300 ? String(r.status) : `${r.status} ${r.code}`;
    codes[key] = (codes[key] ?? 0) + 1;
  }
  return codes;
}

async function main() {
  const { token: admin } = await ok('POST', '/dev/token', null, { name: 'Box office', admin: true });
  const movie = (await ok('POST', '/movies', admin, { title: 'Premiere', duration_seconds: 7200,
    video_url: '/media/demo.webm' })).id;
  const ticket = (await ok('POST', '/tickets', admin, { name: 'Seat', price: '9.50', currency: 'EUR' })).id;
  log(`minting ${attempts} tokens`);
  const tokens = await pooled(attempts, inFlight, async (i) =>
    (await ok('POST', '/dev/token', null, { name: `fan-${i}` })).token);

  // the JVM compiles the purchase path on the same rush first, by the same people on other parties: on two busy
  // cores its compiler takes minutes to reach the steady rate (jstat: C2 still compiled about a thousand methods a
  // minute, a fifth of a core, four minutes in; the rate went from 400 to 1,500-2,000 rushes a second over them). The
  // figure is the service's, not its compiler's; pgbench, in C, needs none.
  const warmUpStarted = performance.now();
  for (let round = 1; performance.now() - warmUpStarted < WARM_UP_SECONDS * 1000; round++) {
    const began = performance.now();
    await rush(await party(admin, movie, seats), ticket, tokens, (i) => `warm-${round}-${i}`);
    log(`warm-up rush ${round}: ${Math.round(attempts / ((performance.now() - began) / 1000))} attempts/s`);
  }

  // PostgreSQL's own rate of single-row INSERT ... COMMIT, right before the rushes and with the service idle: pgbench
  // moved by a third between runs of the same script on this machine, so three runs, the median the yardstick
  const pgbenchRuns = [1, 2, 3].map(() => pgbenchInserts());
  const pgbenchTps = [...pgbenchRuns].sort((a, b) => a - b)[1];

  // one rush lasts about a second, so one is a sample of the machine's moment as much as of the service: five, the
  // median of them the figure, each one's correctness counted
  const rushes = [];
  for (let measured = 1; measured <= MEASURED_RUSHES; measured++) {
    const partyId = await party(admin, movie, seats);
    log(`rush ${measured}: ${attempts} attempts, ${inFlight} in flight, on ${seats} seats`);
    const cpuBefore = cpuSeconds(servicePid);
    const started = performance.now();
    const results = await rush(partyId, ticket, tokens, (i) => `rush-${measured}-${i}`);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuSeconds(servicePid);
    const stored = Number(execFileSync('psql', ['-tAq', database, '-c',
      `select count(*) from domainevententry where aggregateidentifier = '${partyId}'
         and payloadtype = 'com.watchparty.api.ticketing.TicketPurchasedEvent'`]).toString().trim());
    rushes.push({ partyId, results, seconds, stored, rate: attempts / seconds,
      cpuMs: cpuBefore.service === null ? null : ((cpuAfter.service - cpuBefore.service) * 1000) / attempts,
      clientCpuMs: ((cpuAfter.client - cpuBefore.client) * 1000) / attempts });
  }
  const median = [...rushes].sort((a, b) => a.rate - b.rate)[MEASURED_RUSHES >> 1];
  const { partyId, results } = rushes[rushes.length - 1];

  const sold = median.results.filter((r) => r.status === 201);
  const latencies = (list) => {
    const sorted = list.map((r) => r.ms).sort((a, b) => a - b);
    return { p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)) };
  };

  log('every buyer of the last rush retries, with the same key and with a new one');
  const winners = results.map((r, i) => ({ ...r, i })).filter((r) => r.status === 201);
  const winnerTokens = winners.map((w) => tokens[w.i]);
  const sameKey = await rush(partyId, ticket, winnerTokens, (k) => `rush-${MEASURED_RUSHES}-${winners[k].i}`);
  const newKey = await rush(partyId, ticket, winnerTokens, (k) => `again-${winners[k].i}`);
  const view = await ok('GET', `/watch-parties/${partyId}`);

  // what this service answers at most on this machine, whatever the route: as many liveness probes (no token, no
  // body, no database), the same number in flight
  const probeStarted = performance.now();
  await pooled(attempts, inFlight, () => send('GET', '/actuator/health/liveness'));
  const floorRate = attempts / ((performance.now() - probeStarted) / 1000);

  // and what an HTTP answer costs at the least, whatever the server: a bare Node HTTP server answering 409 to the
  // same requests from the same client, in a process of its own
  const bareRate = await bareHttpRate(tokens, ticket);

  const rate = median.rate;
  console.log(JSON.stringify({
    attempts, seats, in_flight: inFlight, warm_up_seconds: WARM_UP_SECONDS, rushes: MEASURED_RUSHES,
    sold: rushes.map((r) => r.results.filter((x) => x.status === 201).length),
    stored_purchases: rushes.map((r) => r.stored),
    oversold: Math.max(...rushes.map((r) => Math.max(0, r.stored - seats))),
    tickets_sold_in_view: view.tickets_sold,
    answers: byCode(rushes.flatMap((r) => r.results)),
    attempts_per_second_each: rushes.map((r) => round(r.rate)),
    seconds: round(median.seconds), attempts_per_second: round(rate),
    sold_latency: latencies(sold), refused_latency: latencies(median.results.filter((r) => r.status >= 400)),
    service_cpu_ms_per_attempt: round(median.cpuMs), client_cpu_ms_per_attempt: round(median.clientCpuMs),
    same_key_retries: { sent: winners.length,
      same_purchase: sameKey.filter((r, k) => r.status === 200 && r.id === winners[k].id).length },
    new_key_retries: byCode(newKey),
    pgbench_inserts_per_second: round(pgbenchTps), pgbench_runs: pgbenchRuns.map(round),
    ratio_to_pgbench: Math.round((rate / pgbenchTps) * 1000) / 1000,
    liveness_probes_per_second: round(floorRate),
    ratio_to_liveness_probes: Math.round((rate / floorRate) * 1000) / 1000,
    bare_node_http_per_second: round(bareRate),
    bare_node_http_to_pgbench: Math.round((bareRate / pgbenchTps) * 1000) / 1000,
    ratio_to_bare_node_http: Math.round((rate / bareRate) * 1000) / 1000,
  }));
}

/** Inserts per second: pgbench, 50 clients, one single-row INSERT ... COMMIT each, 10 s, on a scratch table. */
function pgbenchInserts() {
  log('pgbench: 50 clients, single-row INSERT ... COMMIT for 10 s');
  const psql = (sql) => execFileSync('psql', ['-q', database, '-c', sql], { stdio: ['ignore', 'ignore', 'inherit'] });
  psql('create table bench_insert (id bigserial primary key, value integer not null)');
  const script = join(mkdtempSync(join(tmpdir(), 'rush-')), 'insert.sql');
  writeFileSync(script, 'insert into bench_insert (value) values (1);\n');
  const output = execFileSync('pgbench', ['-n', '-c', '50', '-j', '2', '-T', '10', '-f', script, database],
    { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  rmSync(dirname(script), { recursive: true });
  psql('drop table bench_insert');
  return Number(/^tps = ([\d.]+)/m.exec(output)[1]);
}

/** Attempts per second that a bare Node HTTP server answers, driven exactly as the rush. */
async function bareHttpRate(tokens, ticket) {
  const peer = spawn(process.execPath, [new URL('./bare-http-peer.mjs', import.meta.url).pathname, String(BARE_PORT)],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => peer.stdout.once('data', resolve));
  const bare = connections(`http://127.0.0.1:${BARE_PORT}`);
  const post = (i) => purchase(bare, '/purchase', ticket, tokens[i], `bare-${i}`);
  await pooled(tokens.length, inFlight, post); // warm-up, as the service had
  const started = performance.now();
  await pooled(tokens.length, inFlight, post);
  const rate = tokens.length / ((performance.now() - started) / 1000);
  bare.close();
  peer.kill();
  return rate;
}

const round = (x) => (x === null || x === undefined ? null : Math.round(x * 100) / 100);

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
