// Unit tests of the web client's sync module (static/js/sync.js), run by SyncModuleTest with `node --test`.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
    SYNC, ServerClock, clockSample, correction, expectedPosition, nextSeekLead, startsIn,
} from '../../main/resources/static/js/sync.js';

test('a clock sample splits the round trip evenly: offset and network delay', () => {
    // client sends at 1000, server (500 ms ahead) receives at 1510, answers at 1512, client receives at 1022
    const sample = clockSample(1000, 1510, 1512, 1022);
    assert.equal(sample.offset, 500);
    assert.equal(sample.delay, 20);
});

test('the server clock trusts the lowest-delay sample of the recent ones', () => {
    const clock = new ServerClock();
    assert.equal(clock.synced, false);
    assert.equal(clock.now(10_000), 10_000);
    clock.add({offset: 530, delay: 80});
    clock.add({offset: 502, delay: 4});
    clock.add({offset: 470, delay: 60});
    assert.equal(clock.now(10_000), 10_502);
});

test('old samples age out, so a drifting clock is followed', () => {
    const clock = new ServerClock();
    clock.add({offset: 100, delay: 1});
    for (let i = 0; i < SYNC.CLOCK_SAMPLES_KEPT; i++) {
        clock.add({offset: 200 + i, delay: 10 + i});
    }
    assert.equal(clock.best.offset, 200);
});

test('a playing film advances from its last known position at its rate; a paused one stays', () => {
    const playing = {state: 'playing', position: 10, serverTime: 50_000, playbackRate: 1};
    assert.equal(expectedPosition(playing, 52_500), 12.5);
    assert.equal(expectedPosition({...playing, playbackRate: 2}, 52_500), 15);
    assert.equal(expectedPosition({...playing, state: 'paused'}, 99_000), 10);
    assert.equal(expectedPosition(playing, 200_000, 60), 60, 'never past the end of the film');
    assert.equal(expectedPosition({...playing, position: 0}, 40_000), 0, 'never before its start');
});

test('a gap inside the tolerance is left alone', () => {
    const c = correction(10.0, 10.0 + (SYNC.TOLERANCE_MS - 5) / 1000, {playing: true});
    assert.equal(c.action, 'none');
    assert.equal(c.rate, 1);
});

test('a small gap nudges the rate toward the group, within 1 ± MAX_RATE_OFFSET', () => {
    const behind = correction(10.0, 10.1, {playing: true});
    assert.equal(behind.action, 'rate');
    assert.ok(behind.rate > 1 && behind.rate <= 1 + SYNC.MAX_RATE_OFFSET, `rate ${behind.rate}`);
    const ahead = correction(10.1, 10.0, {playing: true});
    assert.ok(ahead.rate < 1 && ahead.rate >= 1 - SYNC.MAX_RATE_OFFSET, `rate ${ahead.rate}`);
    const slightlyBehind = correction(10.0, 10.0 + (SYNC.TOLERANCE_MS + 5) / 1000, {playing: true});
    assert.ok(slightlyBehind.rate < behind.rate, 'a smaller gap gets a gentler nudge');
});

test('a running rate correction goes on until the gap is below SETTLE_MS', () => {
    const gap = (SYNC.SETTLE_MS + SYNC.TOLERANCE_MS) / 2 / 1000;
    assert.equal(correction(10, 10 + gap, {playing: true}).action, 'none');
    assert.equal(correction(10, 10 + gap, {playing: true, rateCorrecting: true}).action, 'rate');
    assert.equal(correction(10, 10 + SYNC.SETTLE_MS / 2000, {playing: true, rateCorrecting: true}).action, 'none');
});

test('a gap above the seek threshold seeks, ahead by the seek lead while playing', () => {
    const c = correction(10, 10 + SYNC.SEEK_THRESHOLD_MS / 1000, {playing: true, seekLeadMs: 120});
    assert.equal(c.action, 'seek');
    assert.equal(c.position, 10 + SYNC.SEEK_THRESHOLD_MS / 1000 + 0.12);
    assert.equal(correction(30, 10, {playing: true}).position, 10, 'a player ahead is brought back too');
});

test('a paused player seeks to the exact position for any visible gap, and never nudges the rate', () => {
    const c = correction(10, 10.2, {playing: false, seekLeadMs: 120});
    assert.deepEqual([c.action, c.position], ['seek', 10.2]);
    assert.equal(correction(10, 10.02, {playing: false}).action, 'none');
});

test('the seek lead follows measured seeks and stays bounded', () => {
    assert.equal(nextSeekLead(0, 100), 50);
    assert.equal(nextSeekLead(50, 100), 75);
    assert.equal(nextSeekLead(400, 5000), SYNC.MAX_SEEK_LEAD_MS);
    assert.equal(nextSeekLead(0, -30), 0);
});

test('a scheduled start waits at its position until serverTime, then runs from there', () => {
    const scheduled = {state: 'playing', position: 30, serverTime: 50_000, playbackRate: 1};
    assert.equal(startsIn(scheduled, 49_600), 400);
    assert.equal(expectedPosition(scheduled, 49_600), 30, 'held, not wound back');
    assert.equal(startsIn(scheduled, 50_000), 0);
    assert.equal(startsIn(scheduled, 51_000), 0);
    assert.equal(expectedPosition(scheduled, 51_000), 31);
    assert.equal(startsIn({...scheduled, state: 'paused'}, 49_000), 0, 'a pause is never scheduled');
});
