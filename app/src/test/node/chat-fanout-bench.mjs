// Chat fan-out benchmark: one party, N participants on WebSocket, senders at rising rates.
// Prints progress on stderr and one JSON line of figures on stdout. The participants are lean protocol clients
// (lean-socket.mjs), so that the load generator leaves the shared cores to the service it measures.
// Usage: node chat-fanout-bench.mjs <baseUrl> [participants=100] [seconds per rate=5] [rates=200,300,400,500,600,800]
import { performance } from 'node:perf_hooks';
import { cpuSeconds, http, log, percentile } from './bench-support.mjs';
import { connectLean } from './lean-socket.mjs';

const [baseUrl, participantsArg = '100', secondsArg = '5', ratesArg = '200,300,400,500,600,800'] = process.argv.slice(2);
const PARTICIPANTS = Number(participantsArg);
const SECONDS = Number(secondsArg);
// The JIT compiler of a freshly started service takes most of a core for tens of seconds: measure after it settled.
const WARM_UP_SECONDS = 30;
const RATES = ratesArg.split(',').map(Number);
const SENDERS = 20;
const P99_TARGET_MS = 100;
const SERVICE_PID = Number(process.env.BENCH_SERVICE_PID) || null;

const { ok } = http(baseUrl);

const token = async (name, admin = false) => ok('POST', '/dev/token', null, { name, admin });

async function main() {
  const admin = await token('Bench Admin', true);
  const movie = await ok('POST', '/movies', admin.token, { title: 'Bench', duration_seconds: 7200, video_url: '/media/demo.webm' });
  const ticket = await ok('POST', '/tickets', admin.token, { name: 'Bench seat', price: '0.00', currency: 'EUR' });
  const start = new Date(Date.now() + 3000).toISOString();
  const end = new Date(Date.now() + 3600_000).toISOString();
  const party = await ok('POST', '/watch-parties', admin.token,
    { movie_id: movie.id, start_time: start, end_time: end, max_participants: PARTICIPANTS });
  log(`party ${party.id}; buying ${PARTICIPANTS} tickets`);

  const users = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const user = await token(`viewer-${i}`);
    await ok('POST', `/watch-parties/${party.id}/purchase`, user.token, { ticket_id: ticket.id });
    users.push(user);
  }
  while ((await ok('GET', `/watch-parties/${party.id}`)).status !== 'ongoing') {
    await new Promise((r) => setTimeout(r, 250));
  }

  log(`connecting ${PARTICIPANTS} sockets`);
  const sentAt = new Map();
  let phase = null;
  const sockets = await Promise.all(users.map(async (user) => {
    const socket = await connectLean(baseUrl, '/watch-party', user.token);
    socket.onFrame('new_message', (frame) => {
      const start = frame.indexOf('"content":"') + 11;
      const sent = sentAt.get(frame.slice(start, frame.indexOf('"', start)));
      if (sent !== undefined && phase) {
        phase.latencies.push(performance.now() - sent);
      }
    });
    const ack = await socket.emit('join_party', { partyId: party.id });
    if (!ack.ok) throw new Error(JSON.stringify(ack));
    return socket;
  }));

  const results = [];
  let serial = 0;
  let acked = 0;
  // the first phase warms the JIT up (WARM_UP_SECONDS) and is not reported
  const phases = [{ rate: Math.min(...RATES) / 2, seconds: WARM_UP_SECONDS, warmUp: true },
    ...RATES.map((rate) => ({ rate, seconds: SECONDS, warmUp: false }))];
  for (const { rate, seconds, warmUp } of phases) {
    phase = { latencies: [], sent: 0, refused: 0 };
    const cpuBefore = cpuSeconds(SERVICE_PID);
    const total = rate * seconds;
    const begin = performance.now();
    log(`rate ${rate} msg/s for ${seconds}s (${total * PARTICIPANTS} deliveries expected)`);
    for (let i = 0; i < total; i++) {
      const due = begin + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const content = `m${serial++}`;
      const sender = sockets[i % Math.min(SENDERS, sockets.length)];
      sentAt.set(content, performance.now());
      phase.sent++;
      const current = phase;
      sender.emit('send_message', { partyId: party.id, content }).then((ack) => (ack.ok ? acked++ : current.refused++));
    }
    const elapsed = (performance.now() - begin) / 1000;
    await new Promise((r) => setTimeout(r, 2000)); // let the last deliveries arrive
    const cpuAfter = cpuSeconds(SERVICE_PID);
    const microsPerDelivery = (side) => (cpuAfter[side] === null || phase.latencies.length === 0 ? null
      : Number((((cpuAfter[side] - cpuBefore[side]) * 1e6) / phase.latencies.length).toFixed(1)));
    const sorted = phase.latencies.slice().sort((a, b) => a - b);
    const expected = phase.sent * PARTICIPANTS;
    const result = {
      rate,
      sent: phase.sent,
      refused: phase.refused,
      deliveries: sorted.length,
      lost: expected - sorted.length,
      deliveries_per_s: Math.round(sorted.length / elapsed),
      p50_ms: Number(percentile(sorted, 50)?.toFixed(1)),
      p99_ms: Number(percentile(sorted, 99)?.toFixed(1)),
      service_cpu_us_per_delivery: microsPerDelivery('service'),
      client_cpu_us_per_delivery: microsPerDelivery('client'),
    };
    log(JSON.stringify(result), warmUp ? '(warm-up)' : '');
    if (warmUp) continue;
    results.push(result);
    if (result.p99_ms > 4 * P99_TARGET_MS) break; // far past the target: higher rates say nothing more
  }
  phase = null;
  sockets.forEach((socket) => socket.close());

  log('counting stored messages in the party log');
  await new Promise((r) => setTimeout(r, 1000));
  let stored = 0;
  for (let page = 0; ; page++) {
    const entries = await ok('GET', `/watch-parties/${party.id}/logs?size=200&page=${page}`, users[0].token);
    stored += entries.items.filter((entry) => entry.event_type === 'message').length;
    if (entries.items.length < 200) break;
  }
  const good = results.filter((r) => r.p99_ms <= P99_TARGET_MS && r.lost === 0);
  console.log(JSON.stringify({
    benchmark: 'chat-fanout',
    participants: PARTICIPANTS,
    seconds_per_rate: SECONDS,
    results,
    max_rate_with_p99_le_100ms: good.length ? Math.max(...good.map((r) => r.rate)) : 0,
    messages_acked: acked,
    messages_in_log: stored,
  }));
}

main().then(() => process.exit(0), (error) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
