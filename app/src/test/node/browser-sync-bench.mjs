// Browser sync benchmark: two people in headless Chromium (one browser context each) watch the same party for a
// minute while one of them seeks every 10 s. Four times a second both players' positions are read at one
// instant. Then the start spread: Ann and Cy, whose every byte to and from the service is delayed DELAY_MS each
// way (a local proxy), start the film together STARTS times; each start is measured as the moment each page's video
// began to play. Prints one JSON line: the gap in steady state, one second after each seek, and the start spread.
// Usage: node browser-sync-bench.mjs <baseUrl> [starts]   (run by bench/browser-sync.sh; `starts`: only the starts)
import { http, log, percentile } from './bench-support.mjs';
import {
  buyTicket, delayingProxy, enterRoom, launchBrowser, personPage, seekWithBar, sleep, spreadMs, startTogether,
} from './browser-support.mjs';

const [baseUrl, only] = process.argv.slice(2);
const startsOnly = only === 'starts';
/** Cy's extra delay each way, and how many starts are measured. */
const DELAY_MS = 150;
const STARTS = 6;
const PLAY_SECONDS = 60;
const SEEK_EVERY_SECONDS = 10;
const SEEK_TARGETS = [70, 15, 90, 30, 55];
const SAMPLE_EVERY_MS = 250;
/** Samples this long after play or a seek are not steady state yet. */
const SETTLING_MS = 3000;

const api = http(baseUrl);
const admin = await api.ok('POST', '/dev/token', null, { name: 'Bench admin', admin: true });
const movie = await api.ok('POST', '/movies', admin.token,
  { title: 'Bench clip', duration_seconds: 120, video_url: '/media/demo.webm' });
await api.ok('POST', '/tickets', admin.token, { name: 'Bench seat', price: '1.00', currency: 'EUR' });
const start = new Date(Date.now() + (startsOnly ? 12_000 : 20_000));
const party = await api.ok('POST', '/watch-parties', admin.token, {
  movie_id: movie.id, start_time: start.toISOString(), end_time: new Date(start.getTime() + 110_000).toISOString(),
  is_featured: false, max_participants: 10,
});

const chromium = await launchBrowser();
const proxy = await delayingProxy(Number(new URL(baseUrl).port), DELAY_MS);
const summary = (gaps) => {
  const sorted = [...gaps].sort((a, b) => a - b);
  const round = (ms) => (ms === null ? null : Math.round(ms * 10) / 10);
  return { samples: sorted.length, median_ms: round(percentile(sorted, 50)), worst_ms: round(sorted.at(-1) ?? null) };
};

/** Ann and Cy (through the delaying proxy) start the film together STARTS times. */
async function startSpread(ann) {
  log(`Cy joins through a proxy that delays each way by ${DELAY_MS} ms`);
  const cy = await personPage(chromium.browser, `http://127.0.0.1:${proxy.port}`, 'Cy');
  await buyTicket(cy, party.id, 'Bench seat');
  await enterRoom(cy, party.id, 'Cy');
  await seekWithBar(ann, 5);
  const spreads = [];
  const gaps = [];
  for (let i = 0; i < STARTS; i++) {
    const { startedAt, gapOneSecondLaterMs } = await startTogether(ann, [ann, cy]);
    spreads.push(Math.abs(startedAt[0] - startedAt[1]));
    gaps.push(gapOneSecondLaterMs);
    log(`start ${i + 1}: ${spreads.at(-1).toFixed(1)} ms apart, ${gapOneSecondLaterMs.toFixed(1)} ms a second later`);
  }
  return { delay_ms_each_way: DELAY_MS, starts: summary(spreads), one_second_later: summary(gaps) };
}

try {
  log('two people sign in, buy tickets and join on the page');
  const pages = [];
  for (const name of startsOnly ? ['Ann'] : ['Ann', 'Bob']) {
    const page = await personPage(chromium.browser, baseUrl, name);
    await buyTicket(page, party.id, 'Bench seat');
    await enterRoom(page, party.id, name);
    pages.push(page);
  }
  const [ann, bob] = pages;
  log('waiting for the party to start');
  await ann.locator('#status', { hasText: 'ongoing' }).waitFor({ timeout: 60_000 });
  console.log(JSON.stringify(startsOnly ? { start_spread: await startSpread(ann) } : await syncRun(ann, bob)));
} finally {
  proxy.close();
  await chromium.close();
}

/** A minute of play with a seek every ten seconds, then the start spread. */
async function syncRun(ann, bob) {
  const pages = [ann, bob];

  await ann.click('#play');
  const began = Date.now();
  let lastChange = began;
  let seeks = 0;
  const steady = [];
  const afterSeek = [];
  log(`playing for ${PLAY_SECONDS} s with a seek every ${SEEK_EVERY_SECONDS} s`);
  while (Date.now() - began < PLAY_SECONDS * 1000) {
    const elapsed = Date.now() - began;
    if (seeks < SEEK_TARGETS.length && elapsed >= (seeks + 1) * SEEK_EVERY_SECONDS * 1000) {
      const target = SEEK_TARGETS[seeks];
      await seekWithBar(seeks % 2 === 0 ? bob : ann, target);
      lastChange = Date.now();
      seeks += 1;
      await sleep(1000);
      const gap = await spreadMs(pages);
      afterSeek.push(gap);
      log(`seek ${seeks} to ${target} s: ${gap.toFixed(1)} ms apart one second later`);
      continue;
    }
    const gap = await spreadMs(pages);
    if (Date.now() - lastChange >= SETTLING_MS) {
      steady.push(gap);
    }
    await sleep(SAMPLE_EVERY_MS);
  }

  await bob.context().close();
  return {
    browsers: 2, play_seconds: PLAY_SECONDS, seeks,
    steady: summary(steady), one_second_after_seek: summary(afterSeek),
    targets: { steady_ms: 60, one_second_after_seek_ms: 100 },
    start_spread: await startSpread(ann),
  };
}
