// The party list: featured first, then by status; live countdowns; buying a ticket; the way into a room.
import {api, currentUser} from './api.js';
import {adminPanel, editPartyForm} from './admin.js';
import {attempt, countdown, el, localTime} from './ui.js';

const STATUS_ORDER = {ongoing: 0, upcoming: 1, finished: 2};

/** Featured first, then ongoing, upcoming, finished; by start time within each. */
export function partyOrder(a, b) {
    return (b.is_featured - a.is_featured) || (STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
        || a.start_time.localeCompare(b.start_time);
}

export async function showParties(view, refresh) {
    const [parties, tickets, movies] = await Promise.all([
        api.get('/watch-parties?size=200'), api.get('/tickets?size=200'), api.get('/movies?size=200')]);
    const user = currentUser();
    const countdowns = [];

    const card = (party) => {
        const timer = el('span', {class: 'countdown'});
        if (party.status === 'upcoming') {
            countdowns.push(() => {
                timer.textContent = `starts in ${countdown(Date.parse(party.start_time) - Date.now())}`;
            });
        }
        const enter = party.status === 'finished'
            ? el('a', {class: 'button', href: `#/replay/${party.id}`}, 'Watch the replay')
            : el('a', {class: 'button', href: `#/party/${party.id}`},
                party.status === 'ongoing' ? 'Join now' : 'Enter the lobby');
        return el('li', {class: `party ${party.status}`, 'data-party-id': party.id},
            el('h2', {}, party.is_featured ? el('span', {class: 'featured'}, '★ Featured ') : null,
                party.movie.title ?? 'A film'),
            el('p', {},
                el('span', {class: `badge ${party.status}`}, party.status), ' ',
                localTime(party.start_time), ' – ', localTime(party.end_time), ' ', timer),
            seats(party),
            user && party.status !== 'finished' ? buyForm(party, tickets) : null,
            user ? enter : null,
            user?.admin ? editPartyForm(party, refresh) : null);
    };

    const items = parties.items.sort(partyOrder);
    view.replaceChildren(...[
        user ? null : el('p', {class: 'hint'}, 'Sign in to buy tickets and join a party.'),
        items.length ? el('ul', {id: 'parties'}, ...items.map(card)) : el('p', {}, 'No watch parties yet.'),
        user?.admin ? adminPanel(movies.items, refresh) : null].filter(Boolean));

    const tick = () => countdowns.forEach((update) => update());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
}

function seats(party) {
    const left = party.max_participants - party.tickets_sold;
    return el('p', {class: 'seats'}, left <= 0 ? el('strong', {class: 'sold-out'}, 'Sold out')
        : `${left} of ${party.max_participants} seats left`);
}

/** A ticket choice and a button that says what happens: buy at a price, or redeem a voucher. */
function buyForm(party, tickets) {
    if (tickets.items.length === 0) {
        return el('p', {}, 'No ticket types on sale yet.');
    }
    const label = (t) => (t.is_voucher ? `${t.name} (voucher)` : `${t.name}: ${t.price} ${t.currency}`);
    const choice = el('select', {class: 'ticket-choice', 'aria-label': 'Ticket'},
        ...tickets.items.map((t) => el('option', {value: t.id}, label(t))));
    const button = el('button', {class: 'buy', type: 'submit'});
    const caption = () => {
        const ticket = tickets.items.find((t) => t.id === choice.value);
        const soldOut = party.tickets_sold >= party.max_participants;
        button.textContent = soldOut ? 'Sold out' : ticket?.is_voucher ? 'Redeem' : 'Buy ticket';
    };
    choice.addEventListener('change', caption);
    caption();
    const done = el('span', {class: 'purchased'});
    // the card is updated in place, not the whole list redrawn: that would take away this confirmation
    const form = el('form', {class: 'buy-form', onsubmit: (e) => {
        e.preventDefault();
        attempt(async () => {
            const purchase = await api.post(`/watch-parties/${party.id}/purchase`, {ticket_id: choice.value});
            done.textContent = `Ticket bought (${purchase.price_paid} ${purchase.currency}). Enjoy the film!`;
            party.tickets_sold += 1;
            form.parentElement.querySelector('.seats').replaceWith(seats(party));
        });
    }}, choice, ' ', button, ' ', done);
    return form;
}
