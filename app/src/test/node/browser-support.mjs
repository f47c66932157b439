// What the browser tests and the browser benchmark share: Debian's Chromium driven by playwright-core (which
// downloads no browser), and the steps a person takes on the web client's page.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--autoplay-policy=no-user-gesture-required'];

/**
 * Chromium with exactly CHROMIUM_FLAGS and a fresh profile, removed on close. Playwright's own defaults are left
 * out (ignoreDefaultArgs), so it gets only the pipe it talks over and no startup window.
 */
export async function launchBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'watch-party-chromium-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    ignoreDefaultArgs: true,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe', '--no-startup-window'],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A new browser context (its own storage: one person) with a page signed in as a demo user or admin;
 * `prepare(page)` runs before the page is opened (to route its requests, say).
 */
export async function personPage(browser, baseUrl, name, { admin = false, prepare = async () => {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  const page = await context.newPage();
  await prepare(page);
  page.dialogs = [];
  page.on('dialog', (dialog) => {
    page.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  // uncaught errors and anything the content security policy blocked
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(String(error)));
  page.on('console', (m) => m.text().includes('Content Security Policy') && page.problems.push(m.text()));
  await page.goto(baseUrl + '/');
  await page.fill('#demo-name', name);
  await page.click(admin ? '#sign-in-admin' : '#sign-in-user');
  await page.locator('#signed-in').waitFor();
  return page;
}

const card = (page, partyId) => page.locator(`[data-party-id="${partyId}"]`);

/** Shows the party list, and waits until it is drawn: a click on the list drawn before would be lost. */
async function showList(page) {
  if (new URL(page.url()).hash === '#/') return;
  const drawn = await page.evaluate(() => Number(document.body.dataset.viewsDrawn ?? 0));
  await page.goto(page.url().replace(/#.*$/, '') + '#/');
  await page.waitForFunction((n) => Number(document.body.dataset.viewsDrawn ?? 0) > n
    && document.body.dataset.viewPending === undefined, drawn);
}

/** Buys (or redeems) a ticket of the type named `ticketName` for a party from the list; answers the button's word. */
export async function buyTicket(page, partyId, ticketName) {
  await showList(page);
  const party = card(page, partyId);
  const choice = party.locator('.ticket-choice');
  const label = await choice.locator('option', { hasText: ticketName }).first().textContent();
  await choice.selectOption({ label });
  const word = (await party.locator('.buy').textContent()).trim();
  await party.locator('.buy').click();
  await party.locator('.purchased', { hasText: 'Ticket bought' }).waitFor();
  return word;
}

/** Enters a party's room from the list and waits until the page shows it joined (its own name in the list). */
export async function enterRoom(page, partyId, name) {
  await showList(page);
  await card(page, partyId).locator('a.button').click();
  await page.locator('#participants li', { hasText: name }).waitFor();
}

/** Seeks the shared player with the page's seek bar, as a drag of it ends. */
export async function seekWithBar(page, seconds) {
  await page.locator('#seek').evaluate((bar, value) => {
    bar.value = String(value);
    bar.dispatchEvent(new Event('change', { bubbles: true }));
  }, seconds);
}

/**
 * The players' positions at one instant: each page reads its video's currentTime with the time it did so, and
 * each reading is carried to the latest of those times at the video's rate (the pages share the machine's clock).
 */
export async function positionsAtOneInstant(pages, selector = '#player') {
  const readings = await Promise.all(pages.map((page) => page.evaluate((s) => {
    const video = document.querySelector(s);
    return { at: performance.timeOrigin + performance.now(), time: video.currentTime,
      rate: video.paused ? 0 : video.playbackRate };
  }, selector)));
  const instant = Math.max(...readings.map((r) => r.at));
  return readings.map((r) => r.time + ((instant - r.at) / 1000) * r.rate);
}

/** Waits until the page's player runs and has passed `seconds` of film. */
export async function playingPast(page, seconds, selector = '#player') {
  await page.waitForFunction(([s, t]) => {
    const video = document.querySelector(s);
    return video && !video.paused && !video.seeking && video.currentTime >= t;
  }, [selector, seconds], { timeout: 15_000 });
}

/** The largest gap between players at one instant, in milliseconds. */
export async function spreadMs(pages) {
  const positions = await positionsAtOneInstant(pages);
  return (Math.max(...positions) - Math.min(...positions)) * 1000;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A TCP proxy on a free local port to the service on `targetPort` that delays every chunk `delayMs` in each
 * direction, in order: a browser that talks to the service through it has a round trip `2 × delayMs` longer, for
 * its page, its polling and its WebSocket alike.
 */
export async function delayingProxy(targetPort, delayMs) {
  const { createServer, connect } = await import('node:net');
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [from, to] of [[client, upstream], [upstream, client]]) {
      sockets.add(from);
      from.setNoDelay(true);
      from.on('data', (chunk) => setTimeout(() => to.destroyed || to.write(chunk), delayMs));
      from.on('end', () => setTimeout(() => to.end(), delayMs));
      from.on('error', () => to.destroy());
      from.on('close', () => sockets.delete(from));
    }
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    port: server.address().port,
    close() {
      sockets.forEach((socket) => socket.destroy());
      server.close();
    },
  };
}

/**
 * Pauses the shared player from `presser`, then presses Play and answers when each page's video started playing
 * (its `playing` event, on the machine's one clock, in ms) and how far apart the players are a second later.
 */
export async function startTogether(presser, pages) {
  await presser.click('#pause');
  await Promise.all(pages.map((page) => page.waitForFunction(() => {
    const video = document.querySelector('#player');
    return video.paused && !video.seeking;
  }, null, { timeout: 15_000 })));
  // paused players meet at the group's position (within the sync's tolerance) before the start
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    const positions = await positionsAtOneInstant(pages);
    if (Math.max(...positions) - Math.min(...positions) <= 0.04) break;
    await presser.waitForTimeout(100); // polls the condition
  }
  const started = pages.map((page) => page.evaluate(() => new Promise((resolve) =>
    document.querySelector('#player').addEventListener('playing',
      () => resolve(performance.timeOrigin + performance.now()), { once: true }))));
  await presser.click('#play');
  const startedAt = await Promise.all(started);
  const from = await presser.locator('#player').evaluate((v) => v.currentTime);
  await Promise.all(pages.map((page) => playingPast(page, from + 1)));
  return { startedAt, gapOneSecondLaterMs: await spreadMs(pages) };
}
