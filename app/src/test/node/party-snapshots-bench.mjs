// Party snapshots benchmark: ack latency of send_message on a party with ~100 events, and on a party with ~50,000
// events after the service restarted (its cache cold, so the party is loaded from its latest snapshot).
// Run by bench/party-snapshots.sh in steps around restarts of the service, the state between them in a JSON file:
//   before <baseUrl> <stateFile> [events=50000]  three parties; the small one (~100 events) measured
//   grow <baseUrl> <stateFile>                    the big party grown to `events`, several sockets in parallel
//   after <baseUrl> <stateFile>                   (restarted) first commands, then both parties measured again
//   replay <baseUrl> <stateFile>                  (optional; restarted, the big party's snapshot deleted)
//   report <baseUrl> <stateFile>                  one JSON line of figures on stdout (env BENCH_STORE: store facts)
// Progress goes to stderr.
import { io } from 'socket.io-client';
import { performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { http, log, percentile } from './bench-support.mjs';

const [step, baseUrl, stateFile, eventsArg = '50000'] = process.argv.slice(2);
const SENDERS = 8;        // users, each with one socket, in every party
const GROWERS = Number(process.env.BENCH_GROWERS ?? 4);  // sockets sending while the big party grows
const WINDOW = Number(process.env.BENCH_WINDOW ?? 16);    // messages in flight on each of them
const MEASURED = 300;     // messages sent one after another, each waiting for its ack
const WARM_UP = 1500;     // messages on a third party before each measurement, so the JIT is as warm each time
const SMALL_EVENTS = 100;

const { request: rest, ok } = http(baseUrl);

function emit(socket, event, payload) {
  return new Promise((resolve, reject) => socket.timeout(30_000).emit(event, payload, (error, ack) => {
    if (error) reject(new Error(`${event}: no ack within 30 s`));
    else if (!ack.ok) reject(new Error(`${event}: ${JSON.stringify(ack)}`));
    else resolve(ack);
  }));
}

function connect(user) {
  return new Promise((resolve, reject) => {
    const socket = io(`${baseUrl}/watch-party`, { auth: { token: user.token }, transports: ['websocket'] });
    socket.once('connect_error', reject);
    socket.once('connect', () => resolve(socket));
  });
}

async function timed(action) {
  const begin = performance.now();
  await action();
  return round(performance.now() - begin);
}

const round = (ms) => Number(ms.toFixed(1));

/** MEASURED messages, one after another from one socket: the ack latency of a command on this party. */
async function measure(socket, partyId, label) {
  const latencies = [];
  for (let i = 0; i < MEASURED; i++) {
    const begin = performance.now();
    await emit(socket, 'send_message', { partyId, content: `${label} ${i}` });
    latencies.push(performance.now() - begin);
  }
  const sorted = latencies.slice().sort((a, b) => a - b);
  const result = {
    messages: MEASURED,
    p50_ms: round(percentile(sorted, 50)),
    p99_ms: round(percentile(sorted, 99)),
    mean_ms: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    max_ms: round(sorted[sorted.length - 1]),
  };
  log(label, JSON.stringify(result));
  return result;
}

/** Sends `count` messages to a party as fast as the acks come back, WINDOW in flight on each socket. */
async function grow(sockets, partyId, count, label) {
  let sent = 0;
  let acked = 0;
  const begin = performance.now();
  const progress = setInterval(() => {
    const seconds = (performance.now() - begin) / 1000;
    log(`${label}: ${acked} of ${count} messages, ${Math.round(acked / seconds)}/s`);
  }, 5000);
  try {
    await Promise.all(sockets.flatMap((socket) => Array.from({ length: WINDOW }, async () => {
      while (sent < count) {
        const n = sent++;
        await emit(socket, 'send_message', { partyId, content: `${label} ${n}` });
        acked++;
      }
    })));
  } finally {
    clearInterval(progress);
  }
  const seconds = (performance.now() - begin) / 1000;
  return { messages: acked, seconds: Number(seconds.toFixed(1)), per_second: Math.round(acked / seconds) };
}

async function joinAll(sockets, partyId) {
  await Promise.all(sockets.map((socket) => emit(socket, 'join_party', { partyId })));
}

async function warmUp(sockets, partyId) {
  log(`warming up on a third party (${WARM_UP} messages)`);
  await grow(sockets, partyId, WARM_UP - MEASURED, 'warm-up');
  await measure(sockets[0], partyId, 'warm-up (sequential)');
}

/** A second purchase by a ticket holder: one command, refused by the party, nothing projected to wait for. */
async function refusedPurchase(state, partyId) {
  const { status, json } = await rest('POST', `/watch-parties/${partyId}/purchase`, state.users[0].token,
    { ticket_id: state.ticket });
  if (status !== 409 || json.code !== 'already_purchased') throw new Error(`expected already_purchased: ${status} ${JSON.stringify(json)}`);
}

async function before() {
  const target = Number(eventsArg);
  const admin = await ok('POST', '/dev/token', null, { name: 'Bench Admin', admin: true });
  const movie = await ok('POST', '/movies', admin.token, { title: 'Bench', duration_seconds: 7200, video_url: '/media/demo.webm' });
  const ticket = await ok('POST', '/tickets', admin.token, { name: 'Bench seat', price: '0.00', currency: 'EUR' });
  // the lobby is open 15 minutes before the start: users may join and chat from now on
  const start = new Date(Date.now() + 5 * 60_000).toISOString();
  const end = new Date(Date.now() + 3 * 3600_000).toISOString();
  const party = async () => (await ok('POST', '/watch-parties', admin.token,
    { movie_id: movie.id, start_time: start, end_time: end, max_participants: 100 })).id;
  const parties = { warmUp: await party(), small: await party(), big: await party() };
  const users = [];
  for (let i = 0; i < SENDERS; i++) {
    const user = await ok('POST', '/dev/token', null, { name: `talker-${i}` });
    for (const partyId of Object.values(parties)) {
      await ok('POST', `/watch-parties/${partyId}/purchase`, user.token, { ticket_id: ticket.id });
    }
    users.push({ token: user.token, id: user.user_id });
  }
  const sockets = await Promise.all(users.map(connect));
  for (const partyId of Object.values(parties)) await joinAll(sockets, partyId);
  const initialEvents = 1 + 2 * SENDERS; // scheduled, a purchase and a join per user

  await warmUp(sockets, parties.warmUp);
  await grow(sockets, parties.small, SMALL_EVENTS - initialEvents, 'small party');
  log(`small party: ${SMALL_EVENTS} events; measuring ${MEASURED} messages`);
  const small = { events_before: SMALL_EVENTS, ...(await measure(sockets[0], parties.small, 'small party')) };

  sockets.forEach((socket) => socket.close());
  save({ parties, users, ticket: ticket.id, initialEvents, events: target, small });
}

async function growBig() {
  const state = load();
  // few sockets, so the service's time goes to commands rather than to pushing every message to every socket
  const sockets = await Promise.all(state.users.slice(0, GROWERS).map(connect));
  await joinAll(sockets, state.parties.big);
  log(`big party: growing to ${state.events} events`);
  const growth = await grow(sockets, state.parties.big, state.events - state.initialEvents, 'big party');
  log(`big party: ${state.events} events`, JSON.stringify(growth));
  sockets.forEach((socket) => socket.close());
  save({ ...state, growth });
}

const load = () => JSON.parse(readFileSync(stateFile, 'utf8'));
const save = (state) => writeFileSync(stateFile, JSON.stringify(state));
const storeFacts = () => (process.env.BENCH_STORE ? JSON.parse(process.env.BENCH_STORE) : null);

async function after() {
  const state = load();
  const { parties } = state;
  // the very first command of the restarted service (cold JVM), on the warm-up party, which the warm-up then uses
  const firstCommand = await timed(() => refusedPurchase(state, parties.warmUp));
  const sockets = await Promise.all(state.users.map(connect));
  await joinAll(sockets, parties.warmUp);
  await warmUp(sockets, parties.warmUp);
  // the first command on each measured party: neither is in the cache, each is loaded from its latest snapshot
  const firstOnSmall = await timed(() => refusedPurchase(state, parties.small));
  const firstOnBig = await timed(() => refusedPurchase(state, parties.big));
  const nextOnBig = await timed(() => refusedPurchase(state, parties.big));
  log(`first command after restart ${firstCommand} ms; first on the small party ${firstOnSmall} ms, `
    + `on the big one ${firstOnBig} ms, the next one on the big party ${nextOnBig} ms`);

  await joinAll(sockets, parties.small);
  const joinBig = await timed(() => emit(sockets[0], 'join_party', { partyId: parties.big }));
  await joinAll(sockets.slice(1), parties.big);
  log(`join_party on the big party after restart: ${joinBig} ms`);

  const events = storeFacts()?.events ?? state.events;
  log(`big party: ${events} events; measuring ${MEASURED} messages`);
  const big = { events_before: events, ...(await measure(sockets[0], parties.big, 'big party')) };
  const small = { events_before: state.small.events_before + MEASURED,
    ...(await measure(sockets[0], parties.small, 'small party')) };
  sockets.forEach((socket) => socket.close());
  save({ ...state, after: { firstCommand, firstOnSmall, firstOnBig, nextOnBig, joinBig, big, small, store: storeFacts() } });
}

/** Optional: the big party's snapshots deleted and the service restarted, its first command replays every event. */
async function replay() {
  const state = load();
  await refusedPurchase(state, state.parties.warmUp); // as in `after`: the JVM's first command, then a warm-up
  const sockets = await Promise.all(state.users.map(connect));
  await joinAll(sockets, state.parties.warmUp);
  await warmUp(sockets, state.parties.warmUp);
  sockets.forEach((socket) => socket.close());
  const firstOnBig = await timed(() => refusedPurchase(state, state.parties.big));
  log(`first command on the big party without a snapshot: ${firstOnBig} ms`);
  save({ ...state, replay: { firstOnBig } });
}

async function report() {
  const { small, after: measured, replay: replayed, growth } = load();
  console.log(JSON.stringify({
    benchmark: 'party-snapshots',
    snapshot_every: Number(process.env.BENCH_SNAPSHOT_EVERY ?? 250),
    send_message_ack: {
      small_party: small,
      big_party_after_restart: measured.big,
      small_party_after_restart: measured.small,
    },
    ratio_p50_big_vs_small: Number((measured.big.p50_ms / small.p50_ms).toFixed(2)),
    first_command_after_restart_ms: measured.firstCommand,
    first_command_on_party_after_restart_ms: {
      small_party: measured.firstOnSmall,
      big_party: measured.firstOnBig,
      big_party_next_command: measured.nextOnBig,
      ...(replayed ? { big_party_without_snapshot: replayed.firstOnBig } : {}),
    },
    join_big_party_after_restart_ms: measured.joinBig,
    growth,
    store: measured.store,
    machine: { cpus: cpus().length, load_average_1m: Number(loadavg()[0].toFixed(1)) },
  }));
}

({ before, grow: growBig, after, replay, report })[step]().then(() => process.exit(0), (error) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
