// What an admin does from the page: add a movie, a ticket type and a party; edit a party.
import {api} from './api.js';
import {attempt, el} from './ui.js';

/** An ISO instant as the value of a datetime-local input (the browser's time zone). */
const toLocalInput = (iso) => {
    const date = new Date(iso);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};
const fromLocalInput = (value) => new Date(value).toISOString();

/** A form whose fields are read by name; `submit(values)` runs as an attempt, then `done()`. */
function form(id, title, fields, submit, done) {
    return el('form', {id, class: 'admin-form', onsubmit: (e) => {
        e.preventDefault();
        const values = Object.fromEntries([...e.target.elements].filter((f) => f.name)
            .map((f) => [f.name, f.type === 'checkbox' ? f.checked : f.value]));
        attempt(async () => {
            await submit(values);
            done();
        });
    }}, el('h3', {}, title), ...fields, el('button', {type: 'submit'}, 'Save'));
}

const field = (label, input) => el('label', {}, label, ' ', input);

export function adminPanel(movies, refresh) {
    const inAnHour = toLocalInput(new Date(Date.now() + 3600_000).toISOString());
    const inThreeHours = toLocalInput(new Date(Date.now() + 3 * 3600_000).toISOString());
    return el('section', {id: 'admin', class: 'admin'}, el('h2', {}, 'Admin'),
        form('new-party', 'New watch party', [
            field('Movie', el('select', {name: 'movie_id', required: true},
                ...movies.map((m) => el('option', {value: m.id}, m.title)))),
            field('Starts', el('input', {type: 'datetime-local', name: 'start_time', required: true, value: inAnHour})),
            field('Ends', el('input', {type: 'datetime-local', name: 'end_time', required: true, value: inThreeHours})),
            field('Seats', el('input', {type: 'number', name: 'max_participants', min: 1, max: 10000, value: 50})),
            field('Featured', el('input', {type: 'checkbox', name: 'is_featured'})),
        ], (v) => api.post('/watch-parties', {
            movie_id: v.movie_id, start_time: fromLocalInput(v.start_time), end_time: fromLocalInput(v.end_time),
            max_participants: Number(v.max_participants), is_featured: v.is_featured,
        }), refresh),
        form('new-ticket', 'New ticket type', [
            field('Name', el('input', {name: 'name', required: true})),
            field('Price', el('input', {name: 'price', value: '4.99', inputMode: 'decimal'})),
            field('Currency', el('input', {name: 'currency', value: 'EUR', maxLength: 3})),
            field('Description', el('input', {name: 'description'})),
            field('Voucher', el('input', {type: 'checkbox', name: 'is_voucher'})),
        ], (v) => api.post('/tickets', {...v, price: v.is_voucher ? '0.00' : v.price}), refresh),
        form('new-movie', 'New movie', [
            field('Title', el('input', {name: 'title', required: true})),
            field('Length (s)', el('input', {type: 'number', name: 'duration_seconds', min: 1, value: 120})),
            field('Video URL', el('input', {name: 'video_url', value: '/media/demo.webm'})),
        ], (v) => api.post('/movies', {...v, duration_seconds: Number(v.duration_seconds)}), refresh));
}

/** Edit a party's times, seats and featured flag (only what changed is sent). */
export function editPartyForm(party, refresh) {
    const before = {
        start_time: toLocalInput(party.start_time), end_time: toLocalInput(party.end_time),
        max_participants: String(party.max_participants), is_featured: party.is_featured,
    };
    const edit = form(`edit-${party.id}`, 'Edit party', [
        field('Starts', el('input', {type: 'datetime-local', name: 'start_time', value: before.start_time})),
        field('Ends', el('input', {type: 'datetime-local', name: 'end_time', value: before.end_time})),
        field('Seats', el('input', {type: 'number', name: 'max_participants', min: 1, value: before.max_participants})),
        field('Featured', el('input', {type: 'checkbox', name: 'is_featured', checked: party.is_featured})),
    ], (v) => {
        const changed = Object.fromEntries(Object.entries(v).filter(([k, value]) => value !== before[k]));
        for (const time of ['start_time', 'end_time'].filter((k) => k in changed)) {
            changed[time] = fromLocalInput(changed[time]);
        }
        if ('max_participants' in changed) {
            changed.max_participants = Number(changed.max_participants);
        }
        return api.patch(`/watch-parties/${party.id}`, changed);
    }, refresh);
    return el('details', {class: 'edit-party'}, el('summary', {}, 'Edit'), edit);
}
