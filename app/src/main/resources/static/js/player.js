// A <video> kept at the group's position: the server's `sync_player` state, read on the server's clock, with
// the corrections of sync.js applied every SYNC.CHECK_EVERY_MS.
import {SYNC, correction, expectedPosition, nextSeekLead} from './sync.js';

export class SyncedPlayer {
    #video;
    #serverNow;
    #duration;
    #state = null;
    #seeking = false;
    #seekLeadMs = 0;
    #timer;

    /** `serverNow()` reads the server's clock (epoch ms); `durationSeconds` is the film's length. */
    constructor(video, serverNow, durationSeconds) {
        this.#video = video;
        this.#serverNow = serverNow;
        this.#duration = durationSeconds;
        this.#timer = setInterval(() => this.#check(), SYNC.CHECK_EVERY_MS);
    }

    /** A new state from the server (`sync_player`). */
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
        this.#video.pause();
    }

    #check() {
        if (!this.#state || this.#seeking || this.#video.readyState < HTMLMediaElement.HAVE_METADATA) {
            return;
        }
        const video = this.#video;
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

    #seek(position) {
        const video = this.#video;
        const started = performance.now();
        this.#seeking = true;
        video.playbackRate = this.#state.playbackRate || 1;
        video.addEventListener('seeked', () => {
            // learn how long a seek takes here, so the next one while playing lands where the group is by then
            if (this.playing) {
                this.#seekLeadMs = nextSeekLead(this.#seekLeadMs, performance.now() - started);
            }
            this.#seeking = false;
            this.#check();
        }, {once: true});
        video.currentTime = Math.min(position, this.#duration);
    }
}
