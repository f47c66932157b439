// A finished party's replay: the film with its own controls, the chat appearing at the film time it was said
// (`mediaTime`), also after scrubbing, and the room's reactions rising where they happened in the film. Deleted lines
// are not in the timeline at all. Events come by film window over the socket (join_replay, replay_seek).
import {partyAndMovie} from './api.js';
import {connect} from './realtime.js';
import {attempt, chatLine, clearError, el, floatReactions, showError} from './ui.js';

/** Ask for the next window this many seconds before the loaded one runs out. */
const PREFETCH_SECONDS = 10;
/** How often the chat catches up with the film while it plays (timeupdate alone comes only every ~250 ms). */
const RENDER_EVERY_MS = 100;
/** How soon to ask again for a replay that is still being written (`replay_not_ready`). */
const NOT_READY_RETRY_MS = 1000;

export async function showReplay(view, id) {
    const {party, movie} = await partyAndMovie(id);
    const video = el('video', {id: 'replay-player', src: movie.video_url, preload: 'auto', muted: true,
        controls: true, playsInline: true});
    const list = el('ol', {id: 'replay-messages', class: 'chat'});
    const reactionLayer = el('div', {id: 'replay-reaction-layer', class: 'reaction-layer', 'aria-hidden': 'true'});

    const messages = new Map();        // id → event, every message loaded so far
    const reactions = new Map();       // id → event, every window of reactions loaded so far
    let loaded = {from: 0, to: 0};     // the film span loaded, grown while windows adjoin
    let windowSeconds = 60;            // film per replay_seek, as the server's answers show
    let asked = 'joining';             // the position of a replay_seek under way (or the join)...
    let wanted = null;                 // ...and the one to ask for once it is answered
    let shown = -1;                    // film time the list shows, -1 after a scrub (redraw all)

    const load = (position) => {
        if (asked !== null) {
            wanted = position;
            return;
        }
        asked = position;
        attempt(() => connection.request('replay_seek', {position})).finally(loadWanted);
    };
    const loadWanted = () => {
        asked = null;
        if (wanted !== null) {
            const next = wanted;
            wanted = null;
            load(next);
        }
    };
    const join = async () => {
        asked = 'joining';
        try {
            await connection.request('join_replay', {partyId: id});
        } catch (error) {
            showError(error);
            if (error.code === 'replay_not_ready') {
                setTimeout(join, NOT_READY_RETRY_MS); // the party has just ended: its timeline is moments away
            }
            return;
        }
        clearError();
        asked = null;
        wanted = null;
        render(); // asks for the window around where the film is by now
    };
    const connection = connect(join);
    connection.socket.on('replay_events', ({from, to, events}) => {
        if (to < movie.duration_seconds) {
            windowSeconds = to - from;
        }
        loaded = from <= loaded.to && to >= loaded.from
            ? {from: Math.min(from, loaded.from), to: Math.max(to, loaded.to)} : {from, to};
        events.filter((e) => e.eventType === 'message').forEach((e) => messages.set(e.id, e));
        events.filter((e) => e.eventType === 'reactions').forEach((e) => reactions.set(e.id, e));
        list.dataset.loadedFrom = String(loaded.from);
        list.dataset.loadedTo = String(loaded.to);
        shown = -1;
        render();
    });

    const line = (m) => chatLine({'data-id': m.id, 'data-media-time': m.mediaTime}, m.username, m.realTime,
        m.content?.content);

    function render() {
        const now = video.currentTime;
        const due = [...messages.values()].filter((m) => m.mediaTime <= now)
            .sort((a, b) => a.mediaTime - b.mediaTime || a.realTime.localeCompare(b.realTime));
        if (shown < 0 || now < shown) {
            list.replaceChildren(...due.map(line));
        } else {
            list.append(...due.filter((m) => m.mediaTime > shown).map(line));
            // reactions rise as the film plays through them, not all at once after a scrub
            [...reactions.values()].filter((r) => r.mediaTime > shown && r.mediaTime <= now)
                .forEach((r) => floatReactions(reactionLayer, r.content?.counts));
        }
        shown = now;
        list.scrollTop = list.scrollHeight;
        const toTheEnd = loaded.to >= movie.duration_seconds;
        if (now < loaded.from || (now >= loaded.to && !toTheEnd)) {
            load(Math.max(0, now - windowSeconds / 2)); // after a scrub, also the chat said just before
        } else if (now >= loaded.to - PREFETCH_SECONDS && !toTheEnd) {
            load(loaded.to);
        }
    }
    video.addEventListener('seeked', () => {
        shown = -1;
        render();
    });
    const renderer = setInterval(() => !video.paused && render(), RENDER_EVERY_MS);

    view.replaceChildren(el('section', {class: 'room'},
        el('h1', {}, `Replay: ${party.movie.title ?? 'watch party'}`),
        el('div', {class: 'stage'},
            el('div', {class: 'screen'}, el('div', {class: 'picture'}, video, reactionLayer)),
            el('aside', {}, el('h2', {}, 'Chat'), list))));

    return () => {
        clearInterval(renderer);
        video.pause();
        connection.close();
    };
}
