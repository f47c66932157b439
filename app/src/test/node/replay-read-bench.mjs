// Reads a finished party's whole replay timeline through GET /replay (cursor pages of 200) and GET /replay/stream
// and, in the same run, the party's rows from the event table with a plain SELECT; prints one JSON line. Started
// by bench/replay-read.sh.
// Usage: node replay-read-bench.mjs <baseUrl> <partyId> <expectedTimelineEvents> <database>
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { http, log } from './bench-support.mjs';

const [baseUrl, partyId, expectedArg, database] = process.argv.slice(2);
const expected = Number(expectedArg);
const { ok } = http(baseUrl);
const get = (path, token) => ok('GET', path, token);

async function main() {
  const { token } = await ok('POST', '/dev/token', null, { name: 'Bench', admin: true });

  const buildStart = performance.now();
  for (;;) {
    const built = await get(`/watch-parties/${partyId}/replay?size=1`, token).catch(() => null);
    const count = built?.events?.total_items ?? 0;
    log(`projections building the timeline: ${count} of ${expected}`);
    if (count >= expected) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  const buildSeconds = (performance.now() - buildStart) / 1000;
  // the other projections (the party log) fold the same 100,000 events: reads are timed once none is busy
  for (;;) {
    const { projections } = await get('/admin/projections', token);
    const behind = projections.filter((p) => !p.caught_up).map((p) => `${p.name} ${p.progress_percent}%`);
    if (behind.length === 0) break;
    log(`waiting for the other projections: ${behind.join(', ')}`);
    await new Promise((r) => setTimeout(r, 2000));
  }

  // The first read runs on a JVM that has not compiled the read path yet; the second is the figure.
  async function readPages() {
    const started = performance.now();
    let events = 0;
    let count = 0;
    let cursor = null;
    do {
      const page = await get(`/watch-parties/${partyId}/replay?size=200${cursor ? `&cursor=${cursor}` : ''}`, token);
      events += page.events.items.length;
      count++;
      cursor = page.next_cursor;
    } while (cursor);
    return { events, pages: count, seconds: (performance.now() - started) / 1000 };
  }
  log('reading the timeline through GET /replay, twice');
  const firstPages = await readPages();
  const { events: read, pages, seconds: replaySeconds } = await readPages();

  // Like the pages, the stream is first read once untimed, as the JVM compiles its path on the first read.
  // The stream and the plain SELECT are each timed three times and the median is reported, so that a burst of
  // other load on the shared machine does not decide the ratio. The stream is read twice over: parsed line by
  // line as a player would, and only counted (newlines, no decoding), which leaves out the Node client's
  // JSON.parse, run on the same 2 cores as the service and PostgreSQL.
  const streamUrl = `${baseUrl}/watch-parties/${partyId}/replay/stream`;
  async function readStream(parse) {
    const started = performance.now();
    const response = await fetch(streamUrl, { headers: { authorization: `Bearer ${token}` } });
    let lines = 0;
    let bytes = 0;
    let rest = '';
    for await (const chunk of response.body) {
      bytes += chunk.length;
      if (parse) {
        const parts = (rest + Buffer.from(chunk).toString('utf8')).split('\n');
        rest = parts.pop();
        for (const line of parts) if (JSON.parse(line).media_time >= 0) lines++;
      } else {
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      }
    }
    return { lines, bytes, seconds: (performance.now() - started) / 1000 };
  }
  const median = (runs) => runs.sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
  const three = async (run) => median([await run(), await run(), await run()]);

  log('reading the timeline as one stream, GET /replay/stream: once to warm the JVM up, then timed');
  const firstStream = await readStream(false);
  const parsed = await three(() => readStream(true));
  log('reading the same stream, counting lines without parsing them');
  const raw = await three(() => readStream(false));

  log('reading the same party with a plain SELECT from the event table');
  const rows = execFileSync('psql', ['-qAt', '-d', database, '-c',
    `select count(*) from domainevententry where aggregateidentifier = '${partyId}'`]).toString().trim();
  const select = await three(async () => {
    const started = performance.now();
    execFileSync('psql', ['-qA', '-d', database, '-c',
      `\\copy (select * from domainevententry where aggregateidentifier = '${partyId}' order by sequencenumber) to '/dev/null'`]);
    return { seconds: (performance.now() - started) / 1000 };
  });

  const replayRate = Math.round(read / replaySeconds);
  const streamRate = Math.round(parsed.lines / parsed.seconds);
  const rawRate = Math.round(raw.lines / raw.seconds);
  const selectRate = Math.round(Number(rows) / select.seconds);
  console.log(JSON.stringify({
    benchmark: 'replay-read',
    party_events: Number(rows),
    timeline_events: read,
    timeline_build_seconds: Number(buildSeconds.toFixed(1)),
    replay_pages: pages,
    replay_first_read_seconds: Number(firstPages.seconds.toFixed(2)),
    replay_seconds: Number(replaySeconds.toFixed(2)),
    replay_pages_events_per_s: replayRate,
    replay_stream_events: parsed.lines,
    replay_stream_first_read_seconds: Number(firstStream.seconds.toFixed(2)),
    replay_stream_seconds: Number(parsed.seconds.toFixed(2)),
    replay_stream_events_per_s: streamRate,
    replay_stream_unparsed_events: raw.lines,
    replay_stream_unparsed_mb_per_s: Number((raw.bytes / raw.seconds / 1e6).toFixed(1)),
    replay_stream_unparsed_events_per_s: rawRate,
    plain_select_seconds: Number(select.seconds.toFixed(2)),
    plain_select_events_per_s: selectRate,
    stream_to_select_ratio: Number((streamRate / selectRate).toFixed(2)),
    stream_unparsed_to_select_ratio: Number((rawRate / selectRate).toFixed(2)),
    pages_to_select_ratio: Number((replayRate / selectRate).toFixed(2)),
  }));
}

main().then(() => process.exit(0), (error) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
