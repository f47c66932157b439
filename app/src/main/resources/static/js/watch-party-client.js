// A small typed client of the /watch-party namespace: its events and acks, the server clock, and a <video> kept
// with the group. It has no DOM of its own (a player is handed the media element) and takes the Socket.IO client's
// `io` as a parameter, so a web page, another front end or a Node script imports it as it is:
//
//   import {io} from 'socket.io-client';
//   import {WatchPartyClient, SyncedPlayer} from 'https://watch-party.example/js/watch-party-client.js';
//   const client = new WatchPartyClient({io, url: 'https://watch-party.example/watch-party', token});
//   client.onConnect(() => client.joinParty(partyId));
//   const player = new SyncedPlayer(video, client.serverNow, durationSeconds);
//   client.on('sync_player', (state) => player.apply(state));
//
// The sync rules themselves (thresholds, clock samples, corrections) are in sync.js, pure and unit-tested.
import {SYNC, ServerClock, clockSample, correction, expectedPosition, nextSeekLead, startsIn} from './sync.js';

export {SYNC, ServerClock, clockSample, correction, expectedPosition, nextSeekLead, startsIn};

/** How long a request waits for its ack; a request sent into a dropped connection is never answered. */
export const ACK_TIMEOUT_MS = 10000;

/** The reactions a room takes. */
export const REACTIONS = Object.freeze(['👍', '😂', '😮', '😢', '❤️', '🎉']);

/**
 * @typedef {object} Participant
 * @property {string} userId
 * @property {string} username
 * @property {boolean} [host]
 * @property {boolean} [moderator]
 */
/**
 * @typedef {object} PlayerState `position` (film seconds) holds at `serverTime` (epoch ms, server clock); while
 *   playing the film advances `playbackRate` seconds a second from there. A `serverTime` ahead is a scheduled start:
 *   every player waits at `position` until then.
 * @property {string} partyId
 * @property {'playing'|'paused'} state
 * @property {number} position
 * @property {number} serverTime
 * @property {number} playbackRate
 * @property {string|null} updatedBy
 */
/**
 * @typedef {object} ChatMessage
 * @property {string} partyId
 * @property {string} id
 * @property {string} userId
 * @property {string} username
 * @property {string} content
 * @property {string} realTime ISO instant
 * @property {number} eventTime seconds since the party's start
 * @property {number} mediaTime film seconds when it was said
 */
/**
 * @typedef {object} RoomSettings
 * @property {string} partyId
 * @property {number} slowModeSeconds
 * @property {boolean} hostOnlyPlayback
 * @property {string|null} hostId
 */
/**
 * @typedef {object} ReplayEvent
 * @property {string} id
 * @property {'message'|'join'|'leave'|'play'|'pause'|'seek'|'reactions'} eventType
 * @property {string|null} userId
 * @property {string|null} username
 * @property {{content?: string, counts?: Object<string, number>, position?: number}} content
 * @property {string} realTime
 * @property {number} eventTime
 * @property {number} mediaTime
 */
/**
 * What the server sends, by event name.
 * @typedef {object} ServerEvents
 * @property {{partyId: string, participants: Participant[], count: number, truncated?: boolean}} participant_list
 * @property {{partyId: string, userId: string, username: string}} user_joined
 * @property {{partyId: string, userId: string, username: string}} user_left
 * @property {ChatMessage} new_message
 * @property {PlayerState} sync_player
 * @property {{partyId: string, status: 'upcoming'|'ongoing'|'finished'}} party_status
 * @property {{partyId: string, counts: Object<string, number>, mediaTime: number}} reactions
 * @property {RoomSettings} room_settings
 * @property {{partyId: string, messageId: string, deletedBy: string}} message_deleted
 * @property {{partyId: string, banned: boolean}} kicked
 * @property {{partyId: string, from: number, to: number, events: ReplayEvent[]}} replay_events
 * @property {{code: string, message: string}} auth_error
 */
/** @typedef {{ok: true} & Object<string, any>} Ack */

/** A refusal: the ack's `error` (`code` is stable, `message` reads as a sentence), or `timeout`. */
export class WatchPartyError extends Error {
    /**
     * @param {string} message
     * @param {string} code
     * @param {string} [field]
     */
    constructor(message, code, field) {
        super(message);
        this.name = 'WatchPartyError';
        this.code = code;
        this.field = field;
    }
}

/**
 * One connection to the namespace. Every request answers a promise of its ack, rejected with a WatchPartyError.
 * The server's clock is sampled with `time_sync` on every connect (SYNC.CLOCK_SAMPLES_AT_START samples) and then
 * every SYNC.CLOCK_RESAMPLE_EVERY_MS; each sample reports the round trip measured so far, so plays in the rooms
 * this client is in are scheduled far enough ahead for it.
 */
export class WatchPartyClient {
    #resample;
    #connectHandlers = [];

    /**
     * @param {object} options
     * @param {Function} options.io Socket.IO's client `io` (socket.io-client 4)
     * @param {string} [options.url] the namespace's address; the page's own service by default
     * @param {string} options.token the user's bearer token
     * @param {object} [options.socketOptions] more options for `io`, e.g. `{transports: ['websocket']}`
     */
    constructor({io, url = '/watch-party', token, socketOptions = {}}) {
        /** The Socket.IO socket, for anything this client does not wrap. */
        this.socket = io(url, {...socketOptions, auth: {token}});
        this.clock = new ServerClock();
        /** The server's time now (epoch ms). */
        this.serverNow = () => this.clock.now(Date.now());
        this.socket.on('connect', async () => {
            for (let i = 0; i < SYNC.CLOCK_SAMPLES_AT_START; i++) {
                await this.sampleClock().catch(() => {}); // an unanswered sample is one fewer, not a failure
            }
            clearInterval(this.#resample);
            this.#resample = setInterval(() => this.sampleClock().catch(() => {}), SYNC.CLOCK_RESAMPLE_EVERY_MS);
            this.#connectHandlers.forEach((handler) => handler());
        });
        this.socket.on('disconnect', () => clearInterval(this.#resample));
    }

    /** Runs `handler` once the clock is sampled, at the first connect and after every reconnect (to join again). */
    onConnect(handler) {
        this.#connectHandlers.push(handler);
        return this;
    }

    /**
     * @template {keyof ServerEvents} E
     * @param {E} event
     * @param {(payload: ServerEvents[E]) => void} handler
     */
    on(event, handler) {
        this.socket.on(event, handler);
        return this;
    }

    /**
     * Emits an event and answers its ack.
     * @param {string} event
     * @param {object} payload
     * @returns {Promise<Ack>}
     */
    request(event, payload) {
        return new Promise((resolve, reject) => {
            this.socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (timedOut, ack) => {
                if (timedOut) {
                    reject(new WatchPartyError('The service did not answer in time. Please try again.', 'timeout'));
                } else if (ack?.ok) {
                    resolve(ack);
                } else {
                    reject(new WatchPartyError(ack?.error?.message ?? 'The request was refused.',
                        ack?.error?.code ?? 'error', ack?.error?.field));
                }
            });
        });
    }

    /** One `time_sync` round trip, with the round trip the clock trusts so far. */
    async sampleClock() {
        const t0 = Date.now();
        const best = this.clock.best;
        const ack = await this.request('time_sync', best ? {t0, rtt: Math.max(0, Math.round(best.delay))} : {t0});
        this.clock.add(clockSample(t0, ack.t1, ack.t2, Date.now()));
    }

    joinParty(partyId) {
        return this.request('join_party', {partyId});
    }

    leaveParty(partyId) {
        return this.request('leave_party', {partyId});
    }

    /** @returns {Promise<Ack & {id: string}>} the message's id */
    sendMessage(partyId, content) {
        return this.request('send_message', {partyId, content});
    }

    /** @param {'play'|'pause'|'seek'} action @param {number} position film seconds */
    playerAction(partyId, action, position) {
        return this.request('player_action', {partyId, action, position});
    }

    /** @param {string} emoji one of REACTIONS */
    sendReaction(partyId, emoji) {
        return this.request('send_reaction', {partyId, emoji});
    }

    deleteMessage(partyId, messageId) {
        return this.request('delete_message', {partyId, messageId});
    }

    /** @param {number} seconds 0 lifts a timeout */
    muteUser(partyId, userId, seconds) {
        return this.request('mute_user', {partyId, userId, seconds});
    }

    kickUser(partyId, userId) {
        return this.request('kick_user', {partyId, userId});
    }

    banUser(partyId, userId, reason) {
        return this.request('ban_user', reason ? {partyId, userId, reason} : {partyId, userId});
    }

    unbanUser(partyId, userId) {
        return this.request('unban_user', {partyId, userId});
    }

    setModerator(partyId, userId, moderator) {
        return this.request('set_moderator', {partyId, userId, moderator});
    }

    transferHost(partyId, userId) {
        return this.request('transfer_host', {partyId, userId});
    }

    /** @param {{slowModeSeconds?: number, hostOnlyPlayback?: boolean}} settings */
    setRoomSettings(partyId, settings) {
        return this.request('set_room_settings', {partyId, ...settings});
    }

    /** @returns {Promise<Ack & {startTime: string, durationSeconds: number, segments: object[]}>} */
    joinReplay(partyId) {
        return this.request('join_replay', {partyId});
    }

    /** Asks for the replay's events of the next window of film from `position`; they come as `replay_events`. */
    replaySeek(position) {
        return this.request('replay_seek', {position});
    }

    close() {
        clearInterval(this.#resample);
        this.socket.disconnect();
    }
}

/** HTMLMediaElement.HAVE_METADATA, without needing a DOM to read it. */
const HAVE_METADATA = 1;

/**
 * A media element (a <video>) kept at the group's position: the server's `sync_player` state, read on the server's
 * clock, with the corrections of sync.js applied every SYNC.CHECK_EVERY_MS. A scheduled start waits, sought and
 * paused at its position, and starts on the dot, so every player shows the same frame at the same moment.
 */
export class SyncedPlayer {
    #video;
    #serverNow;
    #duration;
    #state = null;
    #seeking = false;
    #seekLeadMs = 0;
    #timer;
    #startTimer;

    /**
     * @param {HTMLMediaElement} video
     * @param {() => number} serverNow reads the server's clock (epoch ms)
     * @param {number} durationSeconds the film's length
     */
    constructor(video, serverNow, durationSeconds) {
        this.#video = video;
        this.#serverNow = serverNow;
        this.#duration = durationSeconds;
        this.#timer = setInterval(() => this.#check(), SYNC.CHECK_EVERY_MS);
    }

    /** @param {PlayerState} state a new state from the server (`sync_player`) */
    apply(state) {
        this.#state = state;
        this.#check();
    }

    get playing() {
        return this.#state?.state === 'playing';
    }

    /** Where the group is now, in film seconds. */
    groupPosition() {
        return this.#state ? expectedPosition(this.#state, this.#serverNow(), this.#duration) : 0;
    }

    stop() {
        clearInterval(this.#timer);
        clearTimeout(this.#startTimer);
        this.#video.pause();
    }

    #check() {
        if (!this.#state || this.#seeking || this.#video.readyState < HAVE_METADATA) {
            return;
        }
        const video = this.#video;
        const wait = startsIn(this.#state, this.#serverNow());
        if (wait > 0) {
            this.#await(wait);
            return;
        }
        const expected = this.groupPosition();
        const playing = this.playing && expected < this.#duration;
        if (playing && video.paused) {
            video.play().catch(() => {}); // refused autoplay: the next check tries again
        } else if (!playing && !video.paused) {
            video.pause();
        }
        const baseRate = this.#state.playbackRate || 1;
        const step = correction(video.currentTime, expected,
            {playing, rateCorrecting: video.playbackRate !== baseRate, seekLeadMs: this.#seekLeadMs});
        if (step.action === 'seek') {
            this.#seek(step.position);
        } else {
            video.playbackRate = baseRate * step.rate;
        }
    }

    /** A start scheduled `wait` ms ahead: hold the frame at its position, and check again when it is due. */
    #await(wait) {
        const video = this.#video;
        if (!video.paused) {
            video.pause();
        }
        video.playbackRate = this.#state.playbackRate || 1;
        if (Math.abs(video.currentTime - this.#state.position) * 1000 > SYNC.TOLERANCE_MS) {
            this.#seek(this.#state.position);
        }
        clearTimeout(this.#startTimer);
        this.#startTimer = setTimeout(() => this.#check(), wait);
    }

    #seek(position) {
        const video = this.#video;
        const started = performance.now();
        this.#seeking = true;
        video.playbackRate = this.#state.playbackRate || 1;
        video.addEventListener('seeked', () => {
            // learn how long a seek takes here, so the next one while playing lands where the group is by then
            if (this.playing && startsIn(this.#state, this.#serverNow()) === 0) {
                this.#seekLeadMs = nextSeekLead(this.#seekLeadMs, performance.now() - started);
            }
            this.#seeking = false;
            this.#check();
        }, {once: true});
        video.currentTime = Math.min(position, this.#duration);
    }
}
