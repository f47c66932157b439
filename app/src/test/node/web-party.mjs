// The web client end to end in headless Chromium, as people use it: an admin sets up tickets and a party from
// the page; Ann and Bob, each in a browser context of their own, buy tickets, meet in the lobby, chat, play and
// seek; Carol comes late; Bob loses his connection; Ada, an admin, names Ann a moderator, who deletes Bob's line;
// Bob reacts; after the party Ann watches the replay. Every wait is for something the page shows, not for a time.
// Prints what the people saw as one JSON line; BrowserTest asserts on it.
// Usage: node web-party.mjs <baseUrl> <livePartyId> <movieTitle> <screenshotPath>
import {
  buyTicket, enterRoom, launchBrowser, personPage, playingPast, positionsAtOneInstant, seekWithBar, spreadMs,
} from './browser-support.mjs';

const [baseUrl, liveParty, movieTitle, screenshotPath] = process.argv.slice(2);
const XSS = '<img src=x onerror=alert(1)>';
const seen = { steps: [] };
const began = performance.now();
// each step with the seconds since the start, so a slow run shows where its time went
const step = (name) => {
  seen.steps.push({ name, atSeconds: Math.round((performance.now() - began) / 100) / 10 });
  console.error('[web-party]', name);
};
const watchdog = setTimeout(() => finish({ ok: false, reason: `timed out after ${seen.steps.at(-1)?.name}` }), 170_000);
let chromium;

async function finish(result) {
  clearTimeout(watchdog);
  await chromium?.close();
  console.log(JSON.stringify({ ...seen, ...result }));
  process.exit(0);
}

const text = (page, selector) => page.locator(selector).first().textContent();
const errorText = async (page) => (await page.locator('#error').textContent()).trim();

async function main() {
  chromium = await launchBrowser();
  const { browser } = chromium;

  step('admin sets up ticket types and a party from the page');
  // the list the page asks for before the sign-in is held until the signed-in page is drawn: once answered, it
  // must not replace that page (a form half filled in, a list with a new ticket type)
  let releaseAnonymousList;
  const anonymousListHeld = new Promise((resolve) => { releaseAnonymousList = resolve; });
  const anonymous = async (request) => (await request.headerValue('authorization')) === null;
  const holdAnonymousList = (page) => page.route(/\/watch-parties\?/, async (route) => {
    if (await anonymous(route.request())) await anonymousListHeld;
    await route.continue();
  });
  const admin = await personPage(browser, baseUrl, 'Ada', { admin: true, prepare: holdAnonymousList });
  const signedInForm = await admin.locator('#new-ticket').elementHandle();
  const anonymousListAnswered = admin.waitForResponse(async (response) =>
    /\/watch-parties\?/.test(response.url()) && await anonymous(response.request()));
  releaseAnonymousList();
  await anonymousListAnswered;
  // the page has handled that answer once it has drawn a list (the signed-in one, or wrongly this one) after it
  await admin.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn))));
  seen.signedInPageKept = await signedInForm.evaluate((form) => form.isConnected);
  const fill = async (form, values) => {
    for (const [name, value] of Object.entries(values)) {
      const field = admin.locator(`#${form} [name="${name}"]`);
      if (typeof value === 'boolean') await field.setChecked(value);
      else if (name === 'movie_id') await field.selectOption({ label: value });
      else await field.fill(String(value));
    }
    await admin.locator(`#${form} button[type=submit]`).click();
  };
  // once saved, the list is drawn again with the new ticket type among the choices
  const offered = (name) => admin.locator('.ticket-choice option', { hasText: name }).first().waitFor({ state: 'attached' });
  await fill('new-ticket', { name: 'Standard', price: '4.99', currency: 'EUR' });
  await offered('Standard');
  await fill('new-ticket', { name: 'Friends pass', is_voucher: true });
  await offered('Friends pass');
  const before = await admin.locator('[data-party-id]').evaluateAll((cards) => cards.map((c) => c.dataset.partyId));
  const tomorrow = new Date(Date.now() + 86_400_000);
  const local = (date) => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  await fill('new-party', { movie_id: movieTitle, start_time: local(tomorrow), max_participants: 5,
    end_time: local(new Date(tomorrow.getTime() + 7_200_000)) });
  await admin.waitForFunction((ids) => [...document.querySelectorAll('[data-party-id]')]
    .some((c) => !ids.includes(c.dataset.partyId)), before);
  const created = await admin.locator('[data-party-id]').evaluateAll((cards, ids) =>
    cards.map((c) => c.dataset.partyId).find((id) => !ids.includes(id)), before);
  seen.createdParty = created;

  step('admin edits that party: one seat, featured');
  const editor = admin.locator(`[data-party-id="${created}"] .edit-party`);
  await editor.locator('summary').click();
  await editor.locator('[name="max_participants"]').fill('1');
  await editor.locator('[name="is_featured"]').check();
  await editor.locator('button[type=submit]').click();
  await admin.locator(`[data-party-id="${created}"] .featured`).waitFor();

  step('Ann sees the list: featured first, a live countdown');
  const ann = await personPage(browser, baseUrl, 'Ann');
  const createdCard = ann.locator(`[data-party-id="${created}"]`);
  seen.list = {
    featuredFlags: await ann.locator('[data-party-id]').evaluateAll((cards) =>
      cards.map((c) => c.querySelector('.featured') !== null)),
    createdIsFeatured: await createdCard.locator('.featured').count() === 1,
    countdownFirst: await createdCard.locator('.countdown').textContent(),
    countdownReadAt: new Date().toISOString(),
  };
  await ann.waitForFunction(([id, first]) => document.querySelector(`[data-party-id="${id}"] .countdown`)
    ?.textContent !== first, [created, seen.list.countdownFirst]);
  seen.list.countdownLater = await createdCard.locator('.countdown').textContent();
  seen.list.createdSeats = await createdCard.locator('.seats').textContent();

  step('Ann redeems the one seat with a voucher; Bob finds it sold out');
  seen.annVoucherButton = await buyTicket(ann, created, 'Friends pass');
  const bob = await personPage(browser, baseUrl, 'Bob');
  const bobCard = bob.locator(`[data-party-id="${created}"]`);
  seen.bobSeesSoldOut = (await bobCard.locator('.seats').textContent()).trim();
  await bobCard.locator('.buy').click();
  await bob.locator('#error:not([hidden])').waitFor();
  seen.soldOutError = await errorText(bob);

  step('both buy tickets for the live party and meet in its room');
  seen.annBuyButton = await buyTicket(ann, liveParty, 'Standard');
  seen.bobBuyButton = await buyTicket(bob, liveParty, 'Friends pass');
  await enterRoom(ann, liveParty, 'Ann');
  await enterRoom(bob, liveParty, 'Bob');
  await ann.locator('#participants li', { hasText: 'Bob' }).waitFor();
  await bob.locator('#participants li', { hasText: 'Ann' }).waitFor();
  seen.room = {
    annSees: await ann.locator('#participants li .name').allTextContents(),
    bobSees: await bob.locator('#participants li .name').allTextContents(),
    count: await text(ann, '#participant-count'),
    statusAtJoin: await text(ann, '#status'),
    timeAtJoin: await text(ann, '#time-left'),
  };

  step('they chat; markup in a message stays text');
  await ann.fill('#chat-input', 'Hello Bob, popcorn ready?');
  await ann.press('#chat-input', 'Enter');
  await bob.locator('#messages li', { hasText: 'popcorn' }).waitFor();
  await bob.fill('#chat-input', XSS);
  await bob.press('#chat-input', 'Enter');
  await ann.locator('#messages li', { hasText: 'onerror' }).waitFor();
  const line = (page, needle) => page.locator('#messages li', { hasText: needle }).evaluate((li) => ({
    who: li.querySelector('.who').textContent, time: li.querySelector('time').textContent,
    text: li.querySelector('.text').textContent, images: li.querySelectorAll('img').length,
  }));
  seen.chat = { bobGot: await line(bob, 'popcorn'), annGot: await line(ann, 'onerror') };

  step('waiting for the party to start');
  await ann.locator('#status', { hasText: 'ongoing' }).waitFor({ timeout: 60_000 });
  await bob.locator('#status', { hasText: 'ongoing' }).waitFor({ timeout: 10_000 });
  seen.room.timeWhenOngoing = await text(ann, '#time-left');

  step('Ann presses play, Bob seeks');
  await ann.click('#play');
  await Promise.all([ann, bob].map((page) => playingPast(page, 1.5)));
  seen.sync = { afterPlayMs: await spreadMs([ann, bob]) };
  await seekWithBar(bob, 60);
  await Promise.all([ann, bob].map((page) => playingPast(page, 62)));
  const [annAt, bobAt] = await positionsAtOneInstant([ann, bob]);
  seen.sync.twoSecondsAfterSeek = { ann: annAt, bob: bobAt, gapMs: Math.abs(annAt - bobAt) * 1000 };

  step('Carol comes late: first without a ticket, then with one');
  const carol = await personPage(browser, baseUrl, 'Carol');
  await carol.goto(`${baseUrl}/#/party/${liveParty}`);
  await carol.locator('#error:not([hidden])').waitFor();
  seen.noTicketError = await errorText(carol);
  await buyTicket(carol, liveParty, 'Standard');
  await enterRoom(carol, liveParty, 'Carol');
  const annAtCarolsJoin = await ann.locator('#player').evaluate((v) => v.currentTime);
  await playingPast(carol, annAtCarolsJoin + 1.5);
  const [annLate, carolLate] = await positionsAtOneInstant([ann, carol]);
  seen.lateJoiner = { ann: annLate, carol: carolLate, gapMs: Math.abs(annLate - carolLate) * 1000 };
  await carol.context().close();

  step('Bob loses his connection, and gets it back');
  await bob.context().setOffline(true);
  await bob.locator('#connection-banner').waitFor({ state: 'visible', timeout: 5000 });
  seen.connection = { bannerWhileOffline: (await text(bob, '#connection-banner')).trim() };
  await bob.context().setOffline(false);
  await bob.locator('#connection-banner').waitFor({ state: 'hidden', timeout: 15_000 });
  await ann.locator('#participants li', { hasText: 'Bob' }).waitFor();
  const annAtRecovery = await ann.locator('#player').evaluate((v) => v.currentTime);
  await playingPast(bob, annAtRecovery + 1.5);
  seen.connection.gapAfterRecoveryMs = await spreadMs([ann, bob]);
  seen.connection.bobsChatLines = await bob.locator('#messages li').count(); // the two before, not again

  step('Ann pauses and says something; the screenshot is taken');
  await ann.click('#pause');
  await ann.waitForFunction(() => {
    const video = document.querySelector('#player');
    return video.paused && !video.seeking;
  });
  seen.pausedAt = await ann.locator('#player').evaluate((v) => v.currentTime);
  await ann.fill('#chat-input', 'Look at this scene');
  await ann.press('#chat-input', 'Enter');
  await bob.locator('#messages li', { hasText: 'Look at this scene' }).waitFor();
  await ann.screenshot({ path: screenshotPath, fullPage: true });
  await ann.click('#play');

  step('Ada, an admin, names Ann a moderator from the room; Ann deletes Bob\'s line and it goes for everyone');
  await enterRoom(admin, liveParty, 'Ada');
  const entry = (page, name) => page.locator('#participants li').filter({ has: page.locator('.name', { hasText: name }) });
  seen.moderation = {
    bobModerated: await bob.locator('section.room.moderating').count(),
    adaSeesControls: await entry(admin, 'Bob').locator('button.kick').isVisible(),
    bobSeesControls: await entry(bob, 'Ann').locator('button.kick').isVisible(),
  };
  await entry(admin, 'Ann').locator('button.moderator').click();
  await ann.locator('section.room.moderating').waitFor({ state: 'attached' });
  await entry(bob, 'Ann').locator('.role.moderator').waitFor();
  const bobsLine = (page) => page.locator('#messages li', { hasText: 'onerror' });
  seen.moderation.annSeesDeleteOnBobsLine = await bobsLine(ann).locator('button.delete-message').isVisible();
  await bobsLine(ann).locator('button.delete-message').click();
  await Promise.all([ann, bob, admin].map((page) => bobsLine(page).waitFor({ state: 'detached', timeout: 5000 })));
  seen.moderation.linesLeftForBob = await bob.locator('#messages li .text').allTextContents();

  step('Bob reacts; Ann sees it rise over her picture');
  await bob.click('#reaction-bar button[data-emoji="😂"]');
  const rising = ann.locator('#reaction-layer .floating-reaction');
  await rising.first().waitFor({ state: 'attached', timeout: 5000 });
  seen.reactions = { annSaw: await rising.first().textContent() };

  step('waiting for the party to finish');
  await ann.locator('#time-left a', { hasText: 'replay' }).waitFor({ timeout: 90_000 });
  seen.finishedStatus = await text(ann, '#status');
  await bob.context().close();

  step('waiting until the replay timeline (a projection, so eventually consistent) holds the last line');
  await ann.waitForFunction(async (party) => {
    const { token } = JSON.parse(sessionStorage.getItem('watch-party.session'));
    const response = await fetch(`/watch-parties/${party}/replay?event_type=message`,
      { headers: { authorization: `Bearer ${token}` } });
    return response.ok && (await response.text()).includes('Look at this scene');
  }, liveParty, { polling: 500, timeout: 30_000 });

  step('Ann watches the replay');
  await ann.click('#time-left a');
  const video = ann.locator('#replay-player');
  await video.waitFor();
  await ann.waitForFunction(() => document.querySelector('#replay-player').readyState >= 2);
  const replayLine = ann.locator('#replay-messages li', { hasText: 'Look at this scene' });
  const scrub = async (to) => {
    await video.evaluate((v, t) => new Promise((done) => {
      v.addEventListener('seeked', done, { once: true });
      v.currentTime = t;
    }), to);
    // the window of events asked for after the scrub has arrived
    await ann.waitForFunction((t) => {
      const list = document.querySelector('#replay-messages');
      return Number(list.dataset.loadedFrom) <= t && t < Number(list.dataset.loadedTo);
    }, to);
  };
  await scrub(seen.pausedAt + 20);
  await replayLine.waitFor({ timeout: 5000 }).catch(() => {}); // counted next
  seen.replay = { shownAfterScrubForward: await replayLine.count() };
  await scrub(Math.max(0, seen.pausedAt - 3));
  seen.replay.shownBeforeItsTime = await replayLine.count();
  await ann.evaluate(() => {
    // note the film time at which the line shows up, and the first reaction
    const list = document.querySelector('#replay-messages');
    new MutationObserver(() => {
      const li = [...list.children].find((l) => l.textContent.includes('Look at this scene'));
      if (li && window.appearedAt === undefined) window.appearedAt = document.querySelector('#replay-player').currentTime;
    }).observe(list, { childList: true });
    const layer = document.querySelector('#replay-reaction-layer');
    new MutationObserver(() => {
      if (layer.children.length && window.reactionAt === undefined) {
        window.reactionAt = document.querySelector('#replay-player').currentTime;
        window.reactionShown = layer.children[0].textContent;
      }
    }).observe(layer, { childList: true });
    document.querySelector('#replay-player').play();
  });
  await replayLine.waitFor({ timeout: 10_000 });
  seen.replay.appearedAt = await ann.evaluate(() => window.appearedAt);
  seen.replay.mediaTimeShown = Number(await replayLine.getAttribute('data-media-time'));
  await ann.waitForFunction(() => window.reactionAt !== undefined, null, { timeout: 40_000 });
  seen.replay.reactionAt = await ann.evaluate(() => window.reactionAt);
  seen.replay.reactionShown = await ann.evaluate(() => window.reactionShown);
  await ann.evaluate(() => document.querySelector('#replay-player').pause());
  await scrub(Math.max(0, seen.pausedAt - 10));
  seen.replay.shownAfterScrubBack = await replayLine.count();
  await scrub(1); // the lobby's lines, said before the film ran, replay at its first second
  seen.replay.lobbyLinesShown = await ann.locator('#replay-messages li .text').allTextContents();

  seen.dialogs = [admin, ann, bob, carol].flatMap((p) => p.dialogs);
  seen.problems = [admin, ann, bob, carol].flatMap((p) => p.problems);
  await finish({ ok: true });
}

main().catch((error) => finish({ ok: false, reason: String(error?.stack ?? error) }));
