// The page: the signed-in user in the header, and one view at a time chosen by the address's #fragment:
// #/ the parties, #/party/{id} a room, #/replay/{id} a finished party's replay.
import {currentUser, devTokensOffered, signIn, signOut} from './api.js';
import {showParties} from './parties.js';
import {showRoom} from './room.js';
import {showReplay} from './replay.js';
import {attempt, clearError, el, showError} from './ui.js';

let view = document.getElementById('view');
let leave = () => {};
let routes = 0;

// Each view is drawn apart and shown only if no later route (a sign-in, a click) began while it loaded: the
// parties fetched before a sign-in must not replace the signed-in list, with its admin forms, that came after.
async function route() {
    const turn = ++routes;
    document.body.dataset.viewPending = 'true';
    leave();
    leave = () => {};
    clearError();
    const [, page, id] = location.hash.match(/^#\/(party|replay)\/([0-9a-f-]{36})$/) ?? [];
    const next = view.cloneNode(false);
    let left = () => {};
    try {
        if (page && !currentUser()) {
            next.replaceChildren(el('p', {}, 'Sign in to join a party or watch its replay.'));
        } else {
            left = page === 'party' ? await showRoom(next, id)
                : page === 'replay' ? await showReplay(next, id)
                    : await showParties(next, route);
        }
    } catch (error) {
        if (turn === routes) {
            delete document.body.dataset.viewPending;
            showError(error);
        }
        return;
    }
    if (turn !== routes) {
        left();
        return;
    }
    view.replaceWith(next);
    view = next;
    leave = left;
    // whether a view is on its way, and how many were drawn: what a test or a tool waits on after changing the address
    delete document.body.dataset.viewPending;
    document.body.dataset.viewsDrawn = String(Number(document.body.dataset.viewsDrawn ?? 0) + 1);
}

/** Demo sign-in, only where the service mints demo tokens (local mode); elsewhere the platform signs people in. */
async function header() {
    const box = document.getElementById('session');
    const user = currentUser();
    if (user) {
        box.replaceChildren(el('span', {id: 'signed-in'}, `${user.name}${user.admin ? ' (admin)' : ''}`), ' ',
            el('button', {id: 'sign-out', onclick: () => {
                signOut();
                header();
                route();
            }}, 'Sign out'));
        return;
    }
    if (!(await devTokensOffered())) {
        box.replaceChildren();
        return;
    }
    const name = el('input', {id: 'demo-name', placeholder: 'Your name', required: true, maxLength: 100});
    const as = (admin) => attempt(async () => {
        if (!name.value.trim()) {
            throw new Error('Please enter a name.');
        }
        await signIn(name.value.trim(), admin);
        await header();
        await route();
    });
    box.replaceChildren(el('form', {id: 'demo-sign-in', onsubmit: (e) => {
        e.preventDefault();
        as(false);
    }}, name, ' ', el('button', {id: 'sign-in-user', type: 'submit'}, 'Sign in (demo user)'), ' ',
    el('button', {id: 'sign-in-admin', type: 'button', onclick: () => as(true)}, 'Sign in (demo admin)')));
}

window.addEventListener('hashchange', route);
header().then(route);
