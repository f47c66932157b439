// Keeping players together: the server clock estimate and the drift correction. Pure functions and one small
// class, no DOM, so Node's test runner imports this file as it is and other front ends can copy it.
//
// The server owns the player state (`sync_player`: position at serverTime, playing or paused, rate). A client
// shows `position + (serverNow - serverTime) * rate` (and `position` until a scheduled serverTime), so it needs the
// server's clock: `time_sync` samples give it, the one with the lowest round trip being the most trustworthy (as
// NTP does). Drift is corrected gently, as Jellyfin's SyncPlay does: nothing inside a tolerance, a nudged playback
// rate for small gaps, a seek only for large ones, because a seek stalls the picture and a rate change does not show.

/** Every threshold of the sync, in one place. Times in milliseconds. */
export const SYNC = Object.freeze({
    /** A gap this small is left alone: correcting it would cost more than it shows. */
    TOLERANCE_MS: 40,
    /** Once a rate correction runs, it goes on until the gap is this small (hysteresis: no flapping at the edge). */
    SETTLE_MS: 10,
    /** Above this gap a seek is cheaper than catching up by rate (0.05 × rate would take 8 s for 400 ms). */
    SEEK_THRESHOLD_MS: 400,
    /** The playback rate stays within 1 ± this, which nobody notices on picture (and audio keeps its pitch). */
    MAX_RATE_OFFSET: 0.05,
    /** A rate correction aims to close the gap within this time; capped by MAX_RATE_OFFSET. */
    CATCH_UP_MS: 1000,
    /** How often the player compares itself with the group. */
    CHECK_EVERY_MS: 200,
    /** Clock samples taken one after another when connecting... */
    CLOCK_SAMPLES_AT_START: 5,
    /** ...then one now and then, to follow drift of either clock... */
    CLOCK_RESAMPLE_EVERY_MS: 10000,
    /** ...keeping the lowest-delay one of the last this many. */
    CLOCK_SAMPLES_KEPT: 8,
    /** The longest a seek is expected to take; the learned seek lead never goes above it. */
    MAX_SEEK_LEAD_MS: 500,
});

/**
 * One `time_sync` round trip: t0 sent and t3 received on the client's clock, t1 received and t2 sent on the
 * server's. Offset is what to add to the client's clock to read the server's; delay is the network's share.
 */
export function clockSample(t0, t1, t2, t3) {
    return {offset: ((t1 - t0) + (t2 - t3)) / 2, delay: (t3 - t0) - (t2 - t1)};
}

/** The server clock as estimated from the latest samples, trusting the one with the lowest delay. */
export class ServerClock {
    #samples = [];

    add(sample) {
        this.#samples.push(sample);
        if (this.#samples.length > SYNC.CLOCK_SAMPLES_KEPT) {
            this.#samples.shift();
        }
    }

    get synced() {
        return this.#samples.length > 0;
    }

    /** The best sample: lowest delay among those kept (null before the first). */
    get best() {
        return this.#samples.reduce((best, s) => (best === null || s.delay < best.delay ? s : best), null);
    }

    /** The server's time (epoch ms) when the client's clock reads `localNow`. */
    now(localNow) {
        const best = this.best;
        return localNow + (best === null ? 0 : best.offset);
    }
}

/**
 * Where the group's film is (seconds) at `serverNow` (epoch ms), kept within the film. Before a scheduled start
 * (`serverTime` ahead) the film waits at `position`.
 */
export function expectedPosition(player, serverNow, durationSeconds = Infinity) {
    const elapsed = player.state === 'playing'
        ? Math.max(0, serverNow - player.serverTime) / 1000 * player.playbackRate : 0;
    return Math.min(Math.max(player.position + elapsed, 0), durationSeconds);
}

/**
 * How long (ms) until a scheduled play or seek takes effect, 0 if it has: the server sets `serverTime` a little
 * ahead (the room's largest round trip and a margin, as Jellyfin's SyncPlay sets `When`), so that every player
 * has the change in time and starts the frame at that moment rather than on arrival.
 */
export function startsIn(player, serverNow) {
    return player.state === 'playing' ? Math.max(0, player.serverTime - serverNow) : 0;
}

/**
 * What a player at `actual` seconds should do to meet the group at `expected` seconds.
 * `rateCorrecting`: a rate correction is running (then the tighter SETTLE_MS ends it).
 * `seekLeadMs`: how long a seek takes here; a playing film is sought that far ahead so it lands on the group.
 * Answers {action: 'none' | 'rate' | 'seek', rate, position?, gapMs}; gapMs > 0 means behind the group.
 */
export function correction(actual, expected, {playing, rateCorrecting = false, seekLeadMs = 0}) {
    const gapMs = (expected - actual) * 1000;
    const size = Math.abs(gapMs);
    if (size >= SYNC.SEEK_THRESHOLD_MS || (!playing && size > SYNC.TOLERANCE_MS)) {
        return {action: 'seek', rate: 1, position: expected + (playing ? seekLeadMs / 1000 : 0), gapMs};
    }
    if (!playing || size <= (rateCorrecting ? SYNC.SETTLE_MS : SYNC.TOLERANCE_MS)) {
        return {action: 'none', rate: 1, gapMs};
    }
    const offset = Math.max(-SYNC.MAX_RATE_OFFSET, Math.min(SYNC.MAX_RATE_OFFSET, gapMs / SYNC.CATCH_UP_MS));
    return {action: 'rate', rate: 1 + offset, gapMs};
}

/** The seek lead learned from one more measured seek (ms): a running mean, within 0..MAX_SEEK_LEAD_MS. */
export function nextSeekLead(previousMs, measuredMs) {
    return Math.min(Math.max((previousMs + measuredMs) / 2, 0), SYNC.MAX_SEEK_LEAD_MS);
}
