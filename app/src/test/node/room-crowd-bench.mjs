// Premiere-sized room benchmark: the service against a Node socket.io peer (peer-server.mjs) under the same load,
// in one run. Prints progress on stderr and one JSON line of figures and service/peer ratios on stdout.
//
// For each size N (each its own party, each socket its own user with its own ticket):
//   joins  N sockets connect and join one party, 50 joins in flight (a join = WebSocket + namespace connect +
//          join_party ack): time until all acked, failures, sockets dropped, WebSocket payload bytes each socket
//          received from connecting until the room fell quiet (no byte for 1 s) after the last ack, and the
//          server's RSS growth (VmRSS, each reading after a full GC) per connection;
//   chat   then one message a second for BENCH_CHAT_SECONDS (10): delivery latency over all receivers, the send
//          time stamped in the content by the sender (same process, same clock).
// Then 100 people in one party chat at rising rates (BENCH_RATES, 5 s each, after a minute's warm-up at the lowest
// rate, as the JVM's compiler on two cores needs: after 15 s at half of it the service's CPU per delivery at 100/s
// was 95 µs, after the minute 65): p99 per rate, the highest rate with p99 <= 100 ms and nothing lost, and server CPU
// time per delivery.
// The peer takes its turn first in every comparison; before each turn both servers are left to settle (idle CPU).
// Every phase is bounded in time; a phase cut short reports what it got (joined count, timeouts, losses).
// At the end the service's acked messages are counted in its event store (psql, BENCH_DATABASE).
//
// Usage: node room-crowd-bench.mjs <serviceUrl> <peerUrl> [sizes...=1000 10000]
// Environment: BENCH_SERVICE_PID, BENCH_PEER_PID (for /proc figures), BENCH_DATABASE, BENCH_RATES=100,200,400,800,
// BENCH_RATE_SECONDS=5, BENCH_WARM_UP_SECONDS=60, BENCH_CHAT_SECONDS=10, BENCH_JOIN_LIMIT_SECONDS=150,
// BENCH_SETTLE_LIMIT_SECONDS=45, BENCH_SETUP_LIMIT_SECONDS=420.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { cpuSeconds, http, log, percentile } from './bench-support.mjs';
import { connectLean } from './lean-socket.mjs';

const [serviceUrl, peerUrl, ...sizeArgs] = process.argv.slice(2);
const SIZES = (sizeArgs.length ? sizeArgs : ['1000', '10000']).map(Number);
const setting = (name, fallback) => process.env[name] || fallback;
const RATES = setting('BENCH_RATES', '100,200,400,800').split(',').map(Number);
const RATE_SECONDS = Number(setting('BENCH_RATE_SECONDS', 5));
const WARM_UP_SECONDS = Number(setting('BENCH_WARM_UP_SECONDS', 60));
const CHAT_SECONDS = Number(setting('BENCH_CHAT_SECONDS', 10));
const JOIN_LIMIT_MS = Number(setting('BENCH_JOIN_LIMIT_SECONDS', 150)) * 1000;
const SETTLE_LIMIT_MS = Number(setting('BENCH_SETTLE_LIMIT_SECONDS', 45)) * 1000;
const SETUP_LIMIT_MS = Number(setting('BENCH_SETUP_LIMIT_SECONDS', 420)) * 1000;
const DATABASE = process.env.BENCH_DATABASE || null;
const JOINS_IN_FLIGHT = 50;
// Below the service's 30 database connections: more commands waiting on one party than that can hold every
// connection while the one holding the party's lock needs another for its snapshot (a 30 s stall).
const REST_IN_FLIGHT = 24;
const RATE_PARTICIPANTS = 100;
const SENDERS = 20;
const P99_TARGET_MS = 100;
const NAMESPACE = '/watch-party';

// the peer goes first, so the service's aftermath (leaves after the reconnect grace) does not fall into its turn
const SERVERS = {
  peer: { name: 'peer', url: peerUrl, pid: Number(process.env.BENCH_PEER_PID) || null },
  service: { name: 'service', url: serviceUrl, pid: Number(process.env.BENCH_SERVICE_PID) || null },
};
const PIDS = Object.values(SERVERS).map((server) => server.pid).filter(Boolean);

const { ok, request } = http(serviceUrl, { timeoutMs: 30_000 });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value, digits = 1) => (value === null || value === undefined || !Number.isFinite(value) ? null
  : Number(value.toFixed(digits)));
const ratio = (service, peer) => (service === null || peer === null || service === undefined || peer === undefined
  || peer === 0 ? null : round(service / peer, 2));
// a memory growth that is not positive (the runtime gave memory back meanwhile) has no meaningful ratio
const positiveRatio = (service, peer) => (service > 0 && peer > 0 ? ratio(service, peer) : null);
const since = (start) => performance.now() - start;

// ---------------------------------------------------------------------------------------------------------- /proc

const rssKiB = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  } catch {
    return null;
  }
};
const cpuOf = (pid) => {
  try {
    return cpuSeconds(pid).service;
  } catch {
    return null;
  }
};
const alive = (pid) => !pid || rssKiB(pid) !== null;

/**
 * A full garbage collection in `server` (jcmd for the JVM, GET /gc for the peer), so RSS counts what is kept; answers
 * the memory its runtime retains after it in KiB (the JVM's heap in use; V8's heap in use plus its external memory,
 * the sockets' buffers), or null if it could not collect.
 */
async function collectGarbage(server) {
  try {
    if (server.name === 'service') {
      execFileSync('jcmd', [String(server.pid), 'GC.run'], { stdio: 'ignore', timeout: 20_000 });
      const info = execFileSync('jcmd', [String(server.pid), 'GC.heap_info'], { timeout: 20_000 }).toString();
      return Number(/heap\s+total \d+K, used (\d+)K/.exec(info)?.[1] ?? NaN) || null;
    }
    const response = await fetch(`${server.url}/gc`, { signal: AbortSignal.timeout(20_000) });
    if (response.status !== 200) return null;
    const memory = await response.json();
    return Math.round((memory.heapUsed + memory.external) / 1024);
  } catch {
    return null;
  }
}

/** Waits until the servers are idle (together under 0.15 of a core for two 1 s windows in a row), within bounds. */
async function settle(why) {
  const start = performance.now();
  let quietWindows = 0;
  while (since(start) < SETTLE_LIMIT_MS && quietWindows < 2) {
    const before = PIDS.map(cpuOf);
    await sleep(1000);
    const used = PIDS.map(cpuOf).reduce((sum, after, i) => sum + ((after ?? 0) - (before[i] ?? 0)), 0);
    quietWindows = used < 0.15 ? quietWindows + 1 : 0;
  }
  const waited = Math.round(since(start));
  log(`settled before ${why} in ${waited} ms${quietWindows < 2 ? ' (gave up waiting: still busy)' : ''}`);
  return waited;
}

// ---------------------------------------------------------------------------------------------------------- helpers

/** Runs `task(i)` for i in 0..count-1, `concurrency` at a time, starting none after `deadline`. */
async function pool(count, concurrency, deadline, task) {
  let next = 0;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      await task(next++);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return next;
}

function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms)} ms`)), Math.max(1, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function countInto(map, key) {
  map[key] = (map[key] ?? 0) + 1;
}

function latencySummary(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50_ms: round(percentile(sorted, 50)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.length ? sorted[sorted.length - 1] : null),
  };
}

// ------------------------------------------------------------------------------------------------------- chat stamps

// Content "#<serial>@<send time in ms, this process's clock>". Every socket listens for new_message; the phase that
// is on collects the latencies of its own serials.
let serial = 0;
let chat = null; // { first, last, latencies: [] }
const ackedMessages = { service: 0, peer: 0 }; // every phase's, warm-ups included

function onNewMessage(frame) {
  const at = frame.indexOf('"content":"#');
  if (at < 0 || chat === null) return;
  const start = at + 12;
  const stamp = frame.indexOf('@', start);
  const number = Number(frame.slice(start, stamp));
  if (number >= chat.first && number <= chat.last) {
    chat.latencies.push(performance.now() - Number(frame.slice(stamp + 1, frame.indexOf('"', stamp))));
  }
}

/**
 * Sends `rate` messages a second for `seconds` from `senders` (round robin) to a room of `receivers` sockets, then
 * waits (at most `drainMs`) for every delivery; answers the phase's figures, CPU time of `pid` per delivery included.
 */
async function chatPhase({ server, partyId, senders, receivers, rate, seconds, drainMs }) {
  const { pid } = server;
  const total = Math.round(rate * seconds);
  chat = { first: serial, last: serial + total - 1, latencies: [] };
  const phase = { sent: 0, acked: 0, refused: 0, refusals: {} };
  const expectedPerMessage = receivers.filter((socket) => !socket.closed).length;
  const cpuBefore = cpuOf(pid);
  const begin = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const wait = begin + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    const sender = senders[i % senders.length];
    if (sender.closed) continue;
    const content = `#${serial++}@${performance.now().toFixed(3)}`;
    phase.sent++;
    pending.push(within(sender.emit('send_message', { partyId, content }), drainMs + 30_000, 'send_message')
      .then((ack) => {
        if (ack?.ok) {
          phase.acked++;
          ackedMessages[server.name]++;
        } else {
          phase.refused++;
          countInto(phase.refusals, ack?.error?.code ?? 'no ack');
        }
      }, () => countInto(phase.refusals, 'no ack in time')));
  }
  serial = chat.last + 1;
  const sendingMs = since(begin);
  const expected = phase.sent * expectedPerMessage;
  const drainStart = performance.now();
  while (chat.latencies.length < expected && since(drainStart) < drainMs) {
    await sleep(50);
  }
  const cpuAfter = cpuOf(pid);
  const latencies = chat.latencies;
  chat = null;
  await Promise.race([Promise.all(pending), sleep(1000)]);
  const cpuUs = cpuBefore === null || cpuAfter === null || latencies.length === 0 ? null
    : round(((cpuAfter - cpuBefore) * 1e6) / latencies.length);
  return {
    rate,
    sent: phase.sent,
    acked: phase.acked,
    refused: phase.refused,
    ...(Object.keys(phase.refusals).length ? { refusals: phase.refusals } : {}),
    receivers: expectedPerMessage,
    deliveries: latencies.length,
    lost: expected - latencies.length,
    deliveries_per_s: Math.round(latencies.length / ((sendingMs + since(drainStart)) / 1000)),
    ...latencySummary(latencies),
    cpu_us_per_delivery: cpuUs,
  };
}

// ----------------------------------------------------------------------------------------------------------- joins

/**
 * Connects and joins `count` users (users[0..count-1]) to `partyId` on `server`, JOINS_IN_FLIGHT at a time, within
 * `limitMs`; answers the sockets and the phase's figures.
 */
async function joinRoom(server, partyId, users, count, limitMs) {
  const sockets = [];
  const failures = {};
  let acked = 0;
  let dropped = 0;
  let lastAck = null;
  let lastAnswer = null;
  const begin = performance.now();
  const deadline = begin + limitMs;
  const progress = setInterval(() => {
    const bytes = sockets.reduce((sum, socket) => sum + socket.bytes, 0);
    log(`  ${server.name}: ${acked}/${count} joined after ${(since(begin) / 1000).toFixed(0)} s, `
      + `${(bytes / 1e6).toFixed(1)} MB received, ${dropped} dropped`);
  }, 10_000);
  await pool(count, JOINS_IN_FLIGHT, deadline, async (i) => {
    const user = users[i];
    if (!user) {
      countInto(failures, 'no user (the setup ran out of time)');
      return;
    }
    let socket;
    try {
      socket = await connectLean(server.url, NAMESPACE, user.token,
        { timeoutMs: Math.max(1, Math.min(30_000, deadline - performance.now())), skipUTF8Validation: true });
    } catch (error) {
      countInto(failures, `connect: ${String(error.message).replace(/\d+(\.\d+)?/g, 'N').slice(0, 60)}`);
      lastAnswer = performance.now();
      return;
    }
    socket.joined = false;
    socket.onFrame('new_message', (frame) => socket.joined && onNewMessage(frame)); // receivers are joined sockets
    socket.onClose(() => {
      if (!socket.leaving) dropped++;
    });
    sockets.push(socket);
    try {
      const ack = await within(socket.emit('join_party', { partyId, userId: user.user_id, username: user.name }),
        deadline - performance.now(), 'join_party');
      if (ack?.ok) {
        socket.joined = true;
        acked++;
        lastAck = performance.now();
      } else {
        countInto(failures, `join: ${ack?.error?.code ?? 'bad ack'}`);
      }
    } catch (error) {
      countInto(failures, 'join: no ack in time');
    }
    lastAnswer = performance.now();
  });
  const cutOff = performance.now() >= deadline;
  clearInterval(progress);
  const allAcked = acked === count;
  const joinMs = allAcked ? lastAck - begin : null;
  // what is still on its way after the last ack (user_joined and participant_list broadcasts) counts too
  const quietStart = performance.now();
  const quietLimit = allAcked ? 30_000 : 5_000;
  let bytes = sockets.reduce((sum, socket) => sum + socket.bytes, 0);
  let quietSince = performance.now();
  while (since(quietSince) < 1000 && since(quietStart) < quietLimit) {
    await sleep(100);
    const now = sockets.reduce((sum, socket) => sum + socket.bytes, 0);
    if (now !== bytes) {
      bytes = now;
      quietSince = performance.now();
    }
  }
  const quiet = since(quietSince) >= 1000;
  const joined = sockets.filter((socket) => socket.joined);
  const perSocket = joined.map((socket) => socket.bytes);
  const totalBytes = sockets.reduce((sum, socket) => sum + socket.bytes, 0);
  return {
    sockets,
    joined,
    figures: {
      joined: acked,
      all_acked: allAcked,
      join_ms: joinMs === null ? null : Math.round(joinMs),
      all_answered_ms: lastAnswer === null ? null : Math.round(lastAnswer - begin),
      cut_off: cutOff,
      ...(Object.keys(failures).length ? { failures } : {}),
      dropped_during_joins: dropped,
      bytes_still_arriving_after_last_ack_ms: Math.round(Math.max(0, quietSince - (lastAck ?? quietStart))),
      quiet,
      bytes_total: totalBytes,
      bytes_per_socket_mean: perSocket.length ? Math.round(perSocket.reduce((a, b) => a + b, 0) / perSocket.length)
        : null,
      bytes_per_socket_max: perSocket.length ? Math.max(...perSocket) : null,
      frames_per_socket_mean: joined.length ? Math.round(joined.reduce((sum, s) => sum + s.frames, 0) / joined.length)
        : null,
    },
  };
}

function closeAll(sockets) {
  sockets.forEach((socket) => {
    socket.leaving = true;
    socket.close();
  });
}

// ------------------------------------------------------------------------------------------------------------- runs

/** N people join one party on `server`, then chat at 1 message/s. */
async function crowd(server, partyId, users, n) {
  await settle(`${server.name} joins of ${n}`);
  if (!alive(server.pid)) return { error: 'the server process is gone' };
  const retainedBefore = await collectGarbage(server);
  const rssBefore = rssKiB(server.pid);
  const cpuBefore = cpuOf(server.pid);
  log(`${server.name}: ${n} sockets joining party ${partyId}, ${JOINS_IN_FLIGHT} in flight`);
  const { sockets, joined, figures } = await joinRoom(server, partyId, users, n, JOIN_LIMIT_MS);
  const cpuAfter = cpuOf(server.pid);
  const retainedAfter = retainedBefore === null ? null : await collectGarbage(server);
  const rssAfter = rssKiB(server.pid);
  const open = sockets.filter((socket) => !socket.closed).length;
  figures.rss_after_full_gc = retainedAfter !== null;
  figures.rss_before_kib = rssBefore;
  figures.rss_after_kib = rssAfter;
  figures.rss_growth_per_connection_kib = rssBefore === null || rssAfter === null || open === 0 ? null
    : round((rssAfter - rssBefore) / open, 2);
  // RSS follows how much heap the runtime keeps committed; this is what it holds on to after a full GC
  figures.retained_before_kib = retainedBefore;
  figures.retained_after_kib = retainedAfter;
  figures.retained_growth_per_connection_kib = retainedBefore === null || retainedAfter === null || open === 0
    ? null : round((retainedAfter - retainedBefore) / open, 2);
  figures.cpu_s_during_joins = cpuBefore === null || cpuAfter === null ? null : round(cpuAfter - cpuBefore, 2);
  log(`${server.name} joins: ${JSON.stringify(figures)}`);

  let chatFigures = null;
  const receivers = joined.filter((socket) => !socket.closed);
  if (receivers.length > 0 && alive(server.pid)) {
    log(`${server.name}: chat at 1 message/s for ${CHAT_SECONDS} s to ${receivers.length} sockets`
      + `${figures.all_acked ? '' : ' (the room is not full)'}`);
    chatFigures = await chatPhase({ server, partyId, senders: receivers.slice(0, 10), receivers, rate: 1,
      seconds: CHAT_SECONDS, drainMs: 5000 });
    chatFigures.room_full = figures.all_acked;
    log(`${server.name} chat: ${JSON.stringify(chatFigures)}`);
  }
  const droppedTotal = sockets.filter((socket) => socket.closed).length;
  closeAll(sockets);
  return { joins: figures, chat: chatFigures, dropped_by_the_end: droppedTotal };
}

/** 100 people in one party chat at rising rates; answers each rate's figures. */
async function rates(server, partyId, users) {
  await settle(`${server.name} chat rates`);
  log(`${server.name}: ${RATE_PARTICIPANTS} sockets joining party ${partyId} for the chat rates`);
  const { sockets, joined, figures } = await joinRoom(server, partyId, users, RATE_PARTICIPANTS, 60_000);
  const result = { participants: figures.joined, results: [] };
  if (!figures.all_acked) {
    result.error = `only ${figures.joined} of ${RATE_PARTICIPANTS} joined: ${JSON.stringify(figures.failures ?? {})}`;
  }
  if (joined.length > 0) {
    const senders = joined.slice(0, SENDERS);
    const phases = [{ rate: RATES[0], seconds: WARM_UP_SECONDS, warmUp: true },
      ...RATES.map((rate) => ({ rate, seconds: RATE_SECONDS, warmUp: false }))];
    for (const { rate, seconds, warmUp } of phases) {
      if (seconds <= 0 || !alive(server.pid)) continue;
      log(`${server.name}: ${rate} messages/s for ${seconds} s${warmUp ? ' (warm-up, not reported)' : ''}`);
      const figuresAtRate = await chatPhase({ server, partyId, senders, receivers: joined, rate, seconds,
        drainMs: 3000 });
      log(`${server.name} at ${rate}/s: ${JSON.stringify(figuresAtRate)}`);
      if (warmUp) continue;
      result.results.push(figuresAtRate);
      if (figuresAtRate.p99_ms === null || figuresAtRate.p99_ms > 4 * P99_TARGET_MS) break; // higher says no more
    }
  }
  const good = result.results.filter((r) => r.p99_ms !== null && r.p99_ms <= P99_TARGET_MS && r.lost === 0);
  result.max_rate_with_p99_le_100ms = good.length ? Math.max(...good.map((r) => r.rate)) : 0;
  result.dropped = sockets.filter((socket) => socket.closed).length;
  closeAll(sockets);
  return result;
}

/** CPU per delivery over the rates both servers ran, each weighted by its deliveries. */
function cpuPerDeliveryOver(results, rateSet) {
  const chosen = results.filter((r) => rateSet.has(r.rate) && r.cpu_us_per_delivery !== null && r.deliveries > 0);
  const deliveries = chosen.reduce((sum, r) => sum + r.deliveries, 0);
  return deliveries === 0 ? null
    : round(chosen.reduce((sum, r) => sum + r.cpu_us_per_delivery * r.deliveries, 0) / deliveries);
}

// ------------------------------------------------------------------------------------------------------------ setup

async function setUp() {
  const begin = performance.now();
  const deadline = begin + SETUP_LIMIT_MS;
  const admin = await ok('POST', '/dev/token', null, { name: 'Crowd Admin', admin: true });
  const movie = await ok('POST', '/movies', admin.token,
    { title: 'Premiere', duration_seconds: 7200, video_url: '/media/demo.webm' });
  const ticket = await ok('POST', '/tickets', admin.token, { name: 'Premiere seat', price: '0.00', currency: 'EUR' });
  const start = new Date(Date.now() + 15_000).toISOString();
  const end = new Date(Date.now() + 4 * 3600_000).toISOString();
  const createParty = async (seats) => (await ok('POST', '/watch-parties', admin.token,
    { movie_id: movie.id, start_time: start, end_time: end, max_participants: seats })).id;
  const parties = { crowd: {}, rates: await createParty(RATE_PARTICIPANTS) };
  for (const n of SIZES) parties.crowd[n] = await createParty(n);

  // each worker mints a user and buys that user's tickets, so minting overlaps the purchases' waits
  const userCount = Math.max(RATE_PARTICIPANTS, ...SIZES);
  const wanted = SIZES.reduce((sum, n) => sum + n, RATE_PARTICIPANTS);
  log(`minting ${userCount} users and buying ${wanted} tickets, ${REST_IN_FLIGHT} users at a time`);
  const users = new Array(userCount);
  const tokenErrors = {};
  const purchaseErrors = {};
  let bought = 0;
  const progress = setInterval(() => log(`  ${users.filter(Boolean).length}/${userCount} users, ${bought}/${wanted} `
    + `tickets after ${(since(begin) / 1000).toFixed(0)} s`), 15_000);
  const buy = async (partyId, user) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const { status, json } = await request('POST', `/watch-parties/${partyId}/purchase`, user.token,
          { ticket_id: ticket.id });
        if (status < 300 || json?.code === 'already_purchased') {
          bought++;
          return;
        }
        countInto(purchaseErrors, `${status} ${json?.code}`);
        if (json?.code !== 'concurrent_modification') return;
      } catch (error) {
        countInto(purchaseErrors, String(error.message).slice(0, 60));
      }
    }
  };
  await pool(userCount, REST_IN_FLIGHT, deadline, async (i) => {
    for (let attempt = 0; attempt < 3 && !users[i]; attempt++) {
      try {
        users[i] = await ok('POST', '/dev/token', null, { name: `crowd-${String(i).padStart(5, '0')}` });
      } catch (error) {
        countInto(tokenErrors, String(error.message).slice(0, 60));
      }
    }
    if (!users[i]) return;
    if (i < RATE_PARTICIPANTS) await buy(parties.rates, users[i]);
    for (const n of SIZES) {
      if (i < n) await buy(parties.crowd[n], users[i]);
    }
  });
  clearInterval(progress);
  const setup = {
    users: users.filter(Boolean).length,
    tickets: bought,
    tickets_wanted: wanted,
    seconds: round(since(begin) / 1000),
    tickets_per_s: round(bought / (since(begin) / 1000)),
    ...(Object.keys(tokenErrors).length ? { token_errors: tokenErrors } : {}),
    ...(Object.keys(purchaseErrors).length ? { purchase_errors: purchaseErrors } : {}),
  };
  log(`setup: ${JSON.stringify(setup)}`);
  for (const partyId of [parties.rates, ...Object.values(parties.crowd)]) {
    const until = performance.now() + 60_000;
    while ((await ok('GET', `/watch-parties/${partyId}`)).status !== 'ongoing' && performance.now() < until) {
      await sleep(250);
    }
  }
  return { users, parties, setup };
}

function storedMessages(partyIds) {
  if (!DATABASE) return null;
  const list = partyIds.map((id) => `'${id}'`).join(',');
  try {
    return Number(execFileSync('psql', ['-qtAX', '-c', `select count(*) from domainevententry where
      aggregateidentifier in (${list}) and payloadtype like '%.ChatMessageSentEvent'`, DATABASE]).toString().trim());
  } catch (error) {
    log('could not count stored messages:', error.message);
    return null;
  }
}

// ------------------------------------------------------------------------------------------------------------- main

async function main() {
  const begin = performance.now();
  const loadBefore = loadavg().map((value) => round(value, 2));
  const { users, parties, setup } = await setUp();

  const rateFigures = {};
  for (const server of Object.values(SERVERS)) {
    rateFigures[server.name] = await rates(server, parties.rates, users);
  }
  const crowds = [];
  for (const n of SIZES) {
    const entry = { n };
    for (const server of Object.values(SERVERS)) {
      entry[server.name] = await crowd(server, parties.crowd[n], users, n);
    }
    const service = entry.service;
    const peer = entry.peer;
    entry.ratios = {
      // until all acked; for a side that did not get every join acked, until every join was answered; none when a
      // side was cut off (its time is the limit): then the joined counts tell
      join_time: service.joins?.cut_off || peer.joins?.cut_off ? null
        : ratio(service.joins?.join_ms ?? service.joins?.all_answered_ms,
          peer.joins?.join_ms ?? peer.joins?.all_answered_ms),
      all_acked_on_both: Boolean(service.joins?.all_acked && peer.joins?.all_acked),
      joined: ratio(service.joins?.joined, peer.joins?.joined),
      bytes_per_socket: ratio(service.joins?.bytes_per_socket_mean, peer.joins?.bytes_per_socket_mean),
      chat_p99: ratio(service.chat?.p99_ms, peer.chat?.p99_ms),
      rss_per_connection: positiveRatio(service.joins?.rss_growth_per_connection_kib,
        peer.joins?.rss_growth_per_connection_kib),
      retained_per_connection: positiveRatio(service.joins?.retained_growth_per_connection_kib,
        peer.joins?.retained_growth_per_connection_kib),
    };
    log(`N=${n} ratios: ${JSON.stringify(entry.ratios)}`);
    crowds.push(entry);
  }
  await settle('counting the store');

  const bytesAt = (name) => Object.fromEntries(crowds.map((c) => [c.n, c[name].joins?.bytes_per_socket_mean ?? null]));
  const joinedAt = (name) => Object.fromEntries(crowds.map((c) => [c.n, c[name].joins?.joined ?? 0]));
  const first = crowds[0];
  const last = crowds[crowds.length - 1];
  const growth = (name) => (crowds.length < 2 ? null
    : ratio(last[name].joins?.bytes_per_socket_mean, first[name].joins?.bytes_per_socket_mean));
  const commonRates = new Set(rateFigures.service.results.map((r) => r.rate)
    .filter((rate) => rateFigures.peer.results.some((r) => r.rate === rate)));
  const cpuService = cpuPerDeliveryOver(rateFigures.service.results, commonRates);
  const cpuPeer = cpuPerDeliveryOver(rateFigures.peer.results, commonRates);

  const acked = ackedMessages.service;
  const stored = storedMessages([parties.rates, ...Object.values(parties.crowd)]);

  const report = {
    benchmark: 'room-crowd',
    sizes: SIZES,
    setup,
    crowd: crowds,
    bytes_per_socket: {
      service: bytesAt('service'),
      peer: bytesAt('peer'),
      // growth compares full rooms only when every join was acked at both sizes
      service_joined: joinedAt('service'),
      peer_joined: joinedAt('peer'),
      growth_from: first.n,
      growth_to: last.n,
      service_growth: growth('service'),
      peer_growth: growth('peer'),
      size_growth: round(last.n / first.n, 2),
    },
    rates: {
      participants: RATE_PARTICIPANTS,
      seconds_per_rate: RATE_SECONDS,
      service: rateFigures.service,
      peer: rateFigures.peer,
      cpu_us_per_delivery_over_common_rates: { service: cpuService, peer: cpuPeer },
    },
    ratios: {
      ...Object.fromEntries(crowds.map((c) => [`n${c.n}`, c.ratios])),
      max_rate_with_p99_le_100ms: ratio(rateFigures.service.max_rate_with_p99_le_100ms,
        rateFigures.peer.max_rate_with_p99_le_100ms),
      cpu_per_delivery: ratio(cpuService, cpuPeer),
    },
    service_messages: { acked, stored },
    servers_alive_at_end: Object.fromEntries(Object.values(SERVERS).map((s) => [s.name, alive(s.pid)])),
    load_average_before: loadBefore,
    load_average_after: loadavg().map((value) => round(value, 2)),
    elapsed_s: Math.round(since(begin) / 1000),
  };
  console.log(JSON.stringify(report));
}

main().then(() => process.exit(0), (error) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
