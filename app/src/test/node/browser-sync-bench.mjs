// Browser sync benchmark: two people in headless Chromium (one browser context each) watch the same party for a
// minute while one of them seeks every 10 s. Four times a second both players' positions are read at one
// instant; prints one JSON line with the gap between them in steady state and one second after each seek.
// Usage: node browser-sync-bench.mjs <baseUrl>   (run by bench/browser-sync.sh)
import { http, log, percentile } from './bench-support.mjs';
import {
  buyTicket, enterRoom, launchBrowser, personPage, seekWithBar, sleep, spreadMs,
} from './browser-support.mjs';

const [baseUrl] = process.argv.slice(2);
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
const start = new Date(Date.now() + 20_000);
const party = await api.ok('POST', '/watch-parties', admin.token, {
  movie_id: movie.id, start_time: start.toISOString(), end_time: new Date(start.getTime() + 110_000).toISOString(),
  is_featured: false, max_participants: 10,
});

const chromium = await launchBrowser();
try {
  log('two people sign in, buy tickets and join on the page');
  const pages = [];
  for (const name of ['Ann', 'Bob']) {
    const page = await personPage(chromium.browser, baseUrl, name);
    await buyTicket(page, party.id, 'Bench seat');
    await enterRoom(page, party.id, name);
    pages.push(page);
  }
  const [ann, bob] = pages;
  log('waiting for the party to start');
  await ann.locator('#status', { hasText: 'ongoing' }).waitFor({ timeout: 60_000 });

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

  const summary = (gaps) => {
    const sorted = [...gaps].sort((a, b) => a - b);
    const round = (ms) => (ms === null ? null : Math.round(ms * 10) / 10);
    return { samples: sorted.length, median_ms: round(percentile(sorted, 50)), worst_ms: round(sorted.at(-1) ?? null) };
  };
  console.log(JSON.stringify({
    browsers: 2, play_seconds: PLAY_SECONDS, seeks,
    steady: summary(steady), one_second_after_seek: summary(afterSeek),
    targets: { steady_ms: 60, one_second_after_seek_ms: 100 },
  }));
} finally {
  await chromium.close();
}
