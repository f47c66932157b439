// The party room: the shared player, chat, who is here, and the party's status and time left.
import {partyAndMovie} from './api.js';
import {connect} from './realtime.js';
import {SyncedPlayer} from './player.js';
import {attempt, chatLine, clock, countdown, el, showError} from './ui.js';

/** Renders the room of party `id` into `view`; answers a function that leaves it. */
export async function showRoom(view, id) {
    const {party, movie} = await partyAndMovie(id);
    const duration = movie.duration_seconds;

    const video = el('video', {id: 'player', src: movie.video_url, preload: 'auto', muted: true, playsInline: true});
    const seekBar = el('input', {type: 'range', id: 'seek', min: 0, max: duration, step: 1, value: 0,
        'aria-label': 'Position in the film'});
    const position = el('span', {id: 'position'}, '0:00');
    const status = el('span', {id: 'status', class: `badge ${party.status}`}, party.status);
    const timeLeft = el('span', {id: 'time-left'});
    const count = el('span', {id: 'participant-count'});
    const people = el('ul', {id: 'participants'});
    const messages = el('ol', {id: 'messages', class: 'chat'});
    const input = el('input', {id: 'chat-input', maxLength: 500, placeholder: 'Say something', autocomplete: 'off'});

    const connection = connect(() => attempt(() => connection.request('join_party', {partyId: id})));
    const player = new SyncedPlayer(video, connection.serverNow, duration);
    const act = (action, at) => attempt(() => connection.request('player_action', {partyId: id, action, position: at}));

    connection.socket.on('sync_player', (state) => player.apply(state));
    connection.socket.on('participant_list', ({participants, count: n}) => {
        count.textContent = `${n} / ${party.max_participants}`;
        // a crowd's list names its host and latest joiners only; the count is everyone
        const more = n - participants.length;
        people.replaceChildren(...participants.map((p) => el('li', {'data-user-id': p.userId}, p.username)),
            ...(more > 0 ? [el('li', {class: 'more'}, `and ${more} more`)] : []));
    });
    const said = new Set(); // joining again after a reconnect sends the last messages again
    connection.socket.on('new_message', (m) => {
        if (said.has(m.id)) {
            return;
        }
        said.add(m.id);
        messages.append(chatLine({'data-id': m.id}, m.username, m.realTime, m.content));
        messages.scrollTop = messages.scrollHeight;
    });
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

    view.replaceChildren(el('section', {class: 'room'},
        el('h1', {}, party.movie.title ?? 'Watch party'),
        el('p', {class: 'room-status'}, status, ' ', timeLeft),
        el('div', {class: 'stage'},
            el('div', {class: 'screen'}, video,
                el('div', {class: 'controls'},
                    el('button', {id: 'play', onclick: () => act('play', player.groupPosition())}, 'Play'),
                    el('button', {id: 'pause', onclick: () => act('pause', player.groupPosition())}, 'Pause'),
                    seekBar, position)),
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
                }}, input, el('button', {}, 'Send'))))));
    seekBar.addEventListener('change', () => act('seek', Number(seekBar.value)));
    video.addEventListener('error', () => showError(new Error(`The film cannot be played (${movie.video_url}).`)));

    return () => {
        clearInterval(ticker);
        player.stop();
        connection.socket.emit('leave_party', {partyId: id});
        connection.close();
    };
}
