// Two instances, one party: N people split over two instances of the service on one database, chat sent from both
// at rising rates. Each delivery is same-instance (sender and receiver on one instance) or cross-instance; also the
// commands sent again (conflicts, handovers: /admin/cluster's command_retries) and acked messages missing from the
// party's log. Then a rolling restart of B during chat at 20 messages/s: B stops gracefully, its sockets reconnect
// to A (as behind one address), B starts again; how long until each is back in the room, the user_left/user_joined
// the room saw meanwhile (none is right: nobody left), and acked messages lost. Progress on stderr, one JSON line on
// stdout. BENCH_RESTART_B is the shell command that starts B again (it prints `pid=<pid>`), BENCH_PID_B its pid.
// Usage: node two-instances-bench.mjs <baseUrlA> <baseUrlB> [participants=100] [seconds per rate=10] [rates=20,100,200]
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { http, log, percentile } from './bench-support.mjs';
import { connectLean } from './lean-socket.mjs';

const [urlA, urlB, participantsArg = '100', secondsArg = '10', ratesArg = '20,100,200'] = process.argv.slice(2);
const URLS = [urlA, urlB];
const PARTICIPANTS = Number(participantsArg);
const SECONDS = Number(secondsArg);
const RATES = ratesArg.split(',').map(Number);
const WARM_UP_SECONDS = 20; // the JIT of two fresh JVMs on two cores
const SENDERS = 20; // half of them on each instance
const RESTART_RATE = 20;
const BACK_WITHIN_MS = 5000;

const apis = URLS.map((url) => http(url));
const { ok } = apis[0];
const token = async (name, admin = false) => ok('POST', '/dev/token', null, { name, admin });

async function retries(adminToken) {
  let sum = 0;
  for (const api of apis) sum += (await api.ok('GET', '/admin/cluster', adminToken)).command_retries;
  return sum;
}

async function main() {
  const admin = await token('Bench Admin', true);
  const cluster = await ok('GET', '/admin/cluster', admin.token);
  log(`instances: ${cluster.instances.map((i) => `${i.name}${i.routes_commands ? ' (routing)' : ''}`).join(', ')}`);
  const movie = await ok('POST', '/movies', admin.token, { title: 'Bench', duration_seconds: 7200, video_url: '/media/demo.webm' });
  const ticket = await ok('POST', '/tickets', admin.token, { name: 'Bench seat', price: '0.00', currency: 'EUR' });
  const party = await ok('POST', '/watch-parties', admin.token, { movie_id: movie.id,
    start_time: new Date(Date.now() + 3000).toISOString(), end_time: new Date(Date.now() + 3600_000).toISOString(),
    max_participants: PARTICIPANTS });
  log(`party ${party.id}; buying ${PARTICIPANTS} tickets, half on each instance`);
  const users = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const user = await token(`viewer-${i}`);
    await apis[i % 2].ok('POST', `/watch-parties/${party.id}/purchase`, user.token, { ticket_id: ticket.id });
    users.push(user);
  }
  while ((await ok('GET', `/watch-parties/${party.id}`)).status !== 'ongoing') {
    await new Promise((r) => setTimeout(r, 250));
  }

  log(`connecting ${PARTICIPANTS} sockets, even ones to A, odd ones to B`);
  const sent = new Map(); // content -> [time, instance]
  let phase = null;
  const flashes = { user_left: 0, user_joined: 0 };
  let countingFlashes = false;
  const joinedOn = async (user, instance) => {
    const socket = await connectLean(URLS[instance], '/watch-party', user.token);
    socket.instance = instance;
    socket.onFrame('new_message', (frame) => {
      const start = frame.indexOf('"content":"') + 11;
      const origin = sent.get(frame.slice(start, frame.indexOf('"', start)));
      if (origin !== undefined && phase) {
        (origin[1] === instance ? phase.same : phase.cross).push(performance.now() - origin[0]);
      }
    });
    for (const event of Object.keys(flashes)) {
      socket.onFrame(event, () => { if (countingFlashes) flashes[event]++; });
    }
    const ack = await socket.emit('join_party', { partyId: party.id });
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    return socket;
  };
  const sockets = await Promise.all(users.map((user, i) => joinedOn(user, i % 2)));

  const results = [];
  const acked = new Set();
  let refused = 0;
  let serial = 0;
  const phases = [{ rate: 50, seconds: WARM_UP_SECONDS, warmUp: true },
    ...RATES.map((rate) => ({ rate, seconds: SECONDS, warmUp: false }))];
  for (const { rate, seconds, warmUp } of phases) {
    phase = { same: [], cross: [], sent: 0 };
    const retriesBefore = await retries(admin.token);
    const total = rate * seconds;
    const begin = performance.now();
    log(`rate ${rate} msg/s for ${seconds}s`);
    for (let i = 0; i < total; i++) {
      const wait = begin + (i * 1000) / rate - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const content = `m${serial++}`;
      const sender = sockets[i % SENDERS]; // alternately on A and B
      sent.set(content, [performance.now(), sender.instance]);
      phase.sent++;
      sender.emit('send_message', { partyId: party.id, content }).then((ack) => {
        if (ack.ok) acked.add(content); else refused++;
      });
    }
    // the last deliveries: until none has arrived for 2 s (30 s at most)
    for (let count = -1, waited = 0; count !== phase.same.length + phase.cross.length && waited < 30; waited += 2) {
      count = phase.same.length + phase.cross.length;
      await new Promise((r) => setTimeout(r, 2000));
    }
    const same = phase.same.slice().sort((a, b) => a - b);
    const cross = phase.cross.slice().sort((a, b) => a - b);
    const figure = (sorted, p) => Number(percentile(sorted, p)?.toFixed(1));
    const result = {
      rate,
      sent: phase.sent,
      same_instance: { deliveries: same.length, p50_ms: figure(same, 50), p99_ms: figure(same, 99) },
      cross_instance: { deliveries: cross.length, p50_ms: figure(cross, 50), p99_ms: figure(cross, 99) },
      cross_over_same_p99: Number((figure(cross, 99) / figure(same, 99)).toFixed(2)),
      deliveries_lost: phase.sent * PARTICIPANTS - same.length - cross.length,
      retries: (await retries(admin.token)) - retriesBefore,
    };
    log(JSON.stringify(result), warmUp ? '(warm-up)' : '');
    if (!warmUp) results.push(result);
  }
  phase = null;

  const restart = await rollingRestart(sockets, users, joinedOn, acked, () => `m${serial++}`, party.id,
    (count) => { countingFlashes = count; }, flashes);
  sockets.forEach((socket) => socket.close());

  log('looking for every acked message in the party log, once it has stopped growing');
  let logged = new Set();
  for (let previous = -1, waited = 0; logged.size !== previous && logged.size < acked.size && waited < 120; waited += 3) {
    previous = logged.size;
    await new Promise((r) => setTimeout(r, 3000));
    logged = new Set();
    for (let page = 0; ; page++) {
      const entries = await ok('GET', `/watch-parties/${party.id}/logs?size=200&page=${page}`, users[0].token);
      entries.items.filter((entry) => entry.event_type === 'message')
        .forEach((entry) => logged.add(entry.content.content));
      if (entries.items.length < 200) break;
    }
  }
  const ackedLost = [...acked].filter((content) => !logged.has(content)).length;
  const at20 = results.find((r) => r.rate === 20);
  console.log(JSON.stringify({
    benchmark: 'two-instances',
    participants: PARTICIPANTS,
    seconds_per_rate: SECONDS,
    results,
    // per rate: B's counter starts again at 0 when it restarts
    retries: results.reduce((sum, r) => sum + r.retries, 0),
    rolling_restart: restart,
    refused,
    messages_acked: acked.size,
    acked_but_lost: ackedLost,
    targets: {
      cross_p99_le_1_5x_same_p99: results.every((r) => r.cross_over_same_p99 <= 1.5),
      cross_p99_le_50ms_at_20_per_s: at20 ? at20.cross_instance.p99_ms <= 50 : null,
      restart_no_acked_lost: ackedLost === 0,
      restart_no_leave_join_flash: restart.user_left + restart.user_joined === 0,
      restart_every_socket_back_within_5s: restart.back_max_ms !== null && restart.back_max_ms <= BACK_WITHIN_MS
        && restart.not_back === 0,
    },
  }));
}

/**
 * Restarts B as a rolling deploy does while chat goes on at RESTART_RATE from the sockets that are connected: B is
 * stopped gracefully (SIGTERM), each of its sockets reconnects to A as soon as it is closed and joins again, and B
 * is started again. Replaces the sockets in `sockets` in place; answers the figures.
 */
async function rollingRestart(sockets, users, joinedOn, acked, nextContent, partyId, countFlashes, flashes) {
  const pidB = Number(process.env.BENCH_PID_B);
  const startB = process.env.BENCH_RESTART_B;
  if (!pidB || !startB) return null;
  log(`rolling restart of B (pid ${pidB}) during chat at ${RESTART_RATE} msg/s`);
  countFlashes(true);
  const backMs = [];
  let notBack = 0;
  const moved = sockets.map((socket, i) => socket.instance !== 1 ? null : new Promise((resolve) => {
    socket.onClose(async () => {
      const closedAt = performance.now();
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          sockets[i] = await joinedOn(users[i], 0);
          backMs.push(performance.now() - closedAt);
          resolve();
          return;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      notBack++;
      resolve();
    });
  })).filter(Boolean);
  let chatting = true;
  let sentDuringRestart = 0;
  const chat = (async () => {
    for (let i = 0; chatting; i++) {
      await new Promise((r) => setTimeout(r, 1000 / RESTART_RATE));
      const sender = sockets[i % SENDERS];
      if (sender.closed) continue;
      const content = nextContent();
      sentDuringRestart++;
      sender.emit('send_message', { partyId, content }).then((ack) => { if (ack.ok) acked.add(content); });
    }
  })();
  await new Promise((r) => setTimeout(r, 2000));
  const stoppedAt = performance.now();
  process.kill(pidB, 'SIGTERM');
  while (alive(pidB)) await new Promise((r) => setTimeout(r, 100));
  const stopSeconds = (performance.now() - stoppedAt) / 1000;
  await Promise.race([Promise.all(moved), new Promise((r) => setTimeout(r, 30_000))]);
  log(`B stopped in ${stopSeconds.toFixed(1)} s; its sockets are back on A; starting B again`);
  const started = execFileSync('bash', ['-c', startB], { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
  restartedB = Number(/pid=(\d+)/.exec(started)?.[1]);
  await new Promise((r) => setTimeout(r, 3000)); // chat on, with B back in the cluster
  chatting = false;
  await chat;
  await new Promise((r) => setTimeout(r, 2000));
  countFlashes(false);
  const sorted = backMs.slice().sort((a, b) => a - b);
  return {
    sockets_moved: moved.length,
    back_p50_ms: sorted.length ? Math.round(percentile(sorted, 50)) : null,
    back_max_ms: sorted.length ? Math.round(sorted[sorted.length - 1]) : null,
    not_back: notBack,
    user_left: flashes.user_left,
    user_joined: flashes.user_joined,
    messages_sent: sentDuringRestart,
    graceful_stop_seconds: Number(stopSeconds.toFixed(1)),
  };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** B as started again by the restart: stopped when the benchmark ends. */
let restartedB = null;
process.on('exit', () => { if (restartedB) try { process.kill(restartedB, 'SIGTERM'); } catch { /* gone */ } });

main().then(() => process.exit(0), (error) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
