// The party room: the shared player, chat, reactions, who is here (with the moderators' and the host's controls),
// and the party's status and time left.
import {currentUser, partyAndMovie} from './api.js';
import {connect} from './realtime.js';
import {REACTIONS, SyncedPlayer} from './watch-party-client.js';
import {attempt, chatLine, clock, countdown, el, floatReactions, showError} from './ui.js';

/** How long a moderator's Mute button silences someone. */
const MUTE_SECONDS = 60;

/** Renders the room of party `id` into `view`; answers a function that leaves it. */
export async function showRoom(view, id) {
    const {party, movie} = await partyAndMovie(id);
    const duration = movie.duration_seconds;
    const me = currentUser();

    const video = el('video', {id: 'player', src: movie.video_url, preload: 'auto', muted: true, playsInline: true});
    const reactionLayer = el('div', {id: 'reaction-layer', class: 'reaction-layer', 'aria-hidden': 'true'});
    const seekBar = el('input', {type: 'range', id: 'seek', min: 0, max: duration, step: 1, value: 0,
        'aria-label': 'Position in the film'});
    const position = el('span', {id: 'position'}, '0:00');
    const status = el('span', {id: 'status', class: `badge ${party.status}`}, party.status);
    const timeLeft = el('span', {id: 'time-left'});
    const count = el('span', {id: 'participant-count'});
    const people = el('ul', {id: 'participants'});
    const messages = el('ol', {id: 'messages', class: 'chat'});
    const input = el('input', {id: 'chat-input', maxLength: 500, placeholder: 'Say something', autocomplete: 'off'});
    const room = el('section', {class: 'room'});

    const connection = connect(() => attempt(() => connection.request('join_party', {partyId: id})));
    const player = new SyncedPlayer(video, connection.serverNow, duration);
    const ask = (event, payload) => attempt(() => connection.request(event, {partyId: id, ...payload}));
    const act = (action, at) => ask('player_action', {action, position: at});

    // who may do what here: the host (or an admin) hands over and names moderators; moderators moderate
    let hostId = party.host_id;
    const moderators = new Set();
    let lastList = {participants: [], count: 0};
    const roles = () => {
        const hosting = Boolean(me?.admin) || me?.userId === hostId;
        room.classList.toggle('hosting', hosting);
        room.classList.toggle('moderating', hosting || moderators.has(me?.userId));
    };
    const person = (p) => {
        const mine = p.userId === me?.userId;
        const controls = p.userId === hostId || mine ? [] : [
            el('span', {class: 'controls-for mod-only'},
                el('button', {class: 'mute', onclick: () => ask('mute_user', {userId: p.userId, seconds: MUTE_SECONDS})},
                    'Mute 1 min'),
                el('button', {class: 'kick', onclick: () => ask('kick_user', {userId: p.userId})}, 'Kick'),
                el('button', {class: 'ban', onclick: () => ask('ban_user', {userId: p.userId})}, 'Ban')),
            el('span', {class: 'controls-for host-only'},
                el('button', {class: 'moderator',
                    onclick: () => ask('set_moderator', {userId: p.userId, moderator: !moderators.has(p.userId)})},
                moderators.has(p.userId) ? 'Not moderator' : 'Make moderator'),
                el('button', {class: 'make-host', onclick: () => ask('transfer_host', {userId: p.userId})},
                    'Make host')),
        ];
        return el('li', {'data-user-id': p.userId},
            el('span', {class: 'name'}, p.username),
            p.userId === hostId ? el('span', {class: 'role host'}, 'host') : null,
            moderators.has(p.userId) ? el('span', {class: 'role moderator'}, 'mod') : null,
            ...controls);
    };
    const drawPeople = () => {
        const {participants, count: n} = lastList;
        count.textContent = `${n} / ${party.max_participants}`;
        // a crowd's list names its host and latest joiners only; the count is everyone
        const more = n - participants.length;
        people.replaceChildren(...participants.map(person),
            ...(more > 0 ? [el('li', {class: 'more'}, `and ${more} more`)] : []));
    };

    connection.socket.on('sync_player', (state) => player.apply(state));
    connection.socket.on('participant_list', (list) => {
        list.participants.forEach((p) => (p.moderator ? moderators.add(p.userId) : moderators.delete(p.userId)));
        hostId = list.participants.find((p) => p.host)?.userId ?? hostId;
        lastList = list;
        roles();
        drawPeople();
    });
    connection.socket.on('room_settings', (settings) => {
        if (settings.hostId && settings.hostId !== hostId) {
            hostId = settings.hostId;
            roles();
            drawPeople();
        }
    });
    const said = new Set(); // joining again after a reconnect sends the last messages again
    connection.socket.on('new_message', (m) => {
        if (said.has(m.id)) {
            return;
        }
        said.add(m.id);
        const line = chatLine({'data-id': m.id}, m.username, m.realTime, m.content);
        // moderators delete any line, authors their own (the service allows them five minutes)
        line.append(' ', el('button', {class: `delete-message${m.userId === me?.userId ? '' : ' mod-only'}`,
            title: 'Delete this message', onclick: () => ask('delete_message', {messageId: m.id})}, 'Delete'));
        messages.append(line);
        messages.scrollTop = messages.scrollHeight;
    });
    connection.socket.on('message_deleted', ({messageId}) => {
        messages.querySelector(`li[data-id="${CSS.escape(messageId)}"]`)?.remove();
    });
    connection.socket.on('reactions', ({counts}) => floatReactions(reactionLayer, counts));
    connection.socket.on('kicked', ({banned}) => showError(new Error(banned
        ? 'A moderator has banned you from this party.' : 'A moderator has put you out of this party.')));
    connection.socket.on('party_status', ({status: next}) => {
        party.status = next;
        status.textContent = next;
        status.className = `badge ${next}`;
        tick();
    });

    const tick = () => {
        const now = connection.serverNow();
        const here = player.groupPosition();
        position.textContent = `${clock(here)} / ${clock(duration)}`;
        if (document.activeElement !== seekBar) {
            seekBar.value = String(Math.floor(here));
        }
        if (party.status !== 'finished') {
            timeLeft.textContent = party.status === 'upcoming' ? `starts in ${countdown(Date.parse(party.start_time) - now)}`
                : `${countdown(Date.parse(party.end_time) - now)} left`;
        } else if (!timeLeft.querySelector('a')) {
            // put in once: a link drawn anew at every tick loses a click whose press and release straddle a tick
            timeLeft.replaceChildren(el('a', {href: `#/replay/${id}`}, 'Watch the replay'));
        }
    };
    const ticker = setInterval(tick, 500);
    tick();
    roles();

    room.append(
        el('h1', {}, party.movie.title ?? 'Watch party'),
        el('p', {class: 'room-status'}, status, ' ', timeLeft),
        el('div', {class: 'stage'},
            el('div', {class: 'screen'},
                el('div', {class: 'picture'}, video, reactionLayer),
                el('div', {class: 'controls'},
                    el('button', {id: 'play', onclick: () => act('play', player.groupPosition())}, 'Play'),
                    el('button', {id: 'pause', onclick: () => act('pause', player.groupPosition())}, 'Pause'),
                    seekBar, position),
                el('div', {id: 'reaction-bar', class: 'reaction-bar', role: 'group', 'aria-label': 'React'},
                    ...REACTIONS.map((emoji) => el('button', {class: 'reaction', 'data-emoji': emoji,
                        onclick: () => ask('send_reaction', {emoji})}, emoji)))),
            el('aside', {},
                el('h2', {}, 'Here now ', count), people,
                el('h2', {}, 'Chat'), messages,
                el('form', {id: 'chat-form', onsubmit: (e) => {
                    e.preventDefault();
                    const content = input.value;
                    attempt(async () => {
                        await connection.request('send_message', {partyId: id, content});
                        input.value = '';
                    });
                }}, input, el('button', {}, 'Send')))));
    view.replaceChildren(room);
    seekBar.addEventListener('change', () => act('seek', Number(seekBar.value)));
    video.addEventListener('error', () => showError(new Error(`The film cannot be played (${movie.video_url}).`)));

    return () => {
        clearInterval(ticker);
        player.stop();
        connection.socket.emit('leave_party', {partyId: id});
        connection.close();
    };
}
