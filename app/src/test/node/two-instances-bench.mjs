// Two instances, one party: N people split over two instances of the service on one database, chat sent from both
// at rising rates. Each delivery is same-instance (sender and receiver on one instance) or cross-instance; also the
// commands sent again (conflicts, handovers: /admin/cluster's command_retries) and acked messages missing from the
// party's log. Progress on stderr, one JSON line on stdout.
// Usage: node two-instances-bench.mjs <baseUrlA> <baseUrlB> [participants=100] [seconds per rate=10] [rates=20,100,200]
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
  const sockets = await Promise.all(users.map(async (user, i) => {
    const instance = i % 2;
    const socket = await connectLean(URLS[instance], '/watch-party', user.token);
    socket.instance = instance;
    socket.onFrame('new_message', (frame) => {
      const start = frame.indexOf('"content":"') + 11;
      const origin = sent.get(frame.slice(start, frame.indexOf('"', start)));
      if (origin !== undefined && phase) {
        (origin[1] === instance ? phase.same : phase.cross).push(performance.now() - origin[0]);
      }
    });
    const ack = await socket.emit('join_party', { partyId: party.id });
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    return socket;
  }));

  const results = [];
  const acked = new Set();
  let refused = 0;
  let serial = 0;
  const retriesAtStart = await retries(admin.token);
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
    retries: (await retries(admin.token)) - retriesAtStart,
    refused,
    messages_acked: acked.size,
    acked_but_lost: ackedLost,
    targets: {
      cross_p99_le_1_5x_same_p99: results.every((r) => r.cross_over_same_p99 <= 1.5),
      cross_p99_le_50ms_at_20_per_s: at20 ? at20.cross_instance.p99_ms <= 50 : null,
    },
  }));
}

main().then(() => process.exit(0), (error) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
