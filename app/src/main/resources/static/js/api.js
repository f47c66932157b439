// The REST API client and the signed-in user. Problems (RFC 9457) become errors with a readable message.

const SESSION_KEY = 'watch-party.session';

/** The signed-in user: {token, userId, name, admin}, or null. Kept per tab. */
export function currentUser() {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
}

export function signOut() {
    sessionStorage.removeItem(SESSION_KEY);
}

/** An API refusal: `code` is the problem's stable code (sold_out, ticket_required, …). */
export class ApiError extends Error {
    constructor(message, code, status) {
        super(message);
        this.code = code;
        this.status = status;
    }
}

const READABLE = {
    unauthorized: 'Please sign in first.',
    forbidden: 'You are not allowed to do this.',
    rate_limited: 'Slow down: too many messages in a row. Try again in a moment.',
};

/** A message a person understands, from a problem body or a socket ack's error. */
export function readable(problem, status) {
    const text = READABLE[problem?.code] ?? problem?.detail ?? problem?.message ?? problem?.title;
    const field = problem?.field ? ` (${problem.field})` : '';
    return text ? `${text[0].toUpperCase()}${text.slice(1)}${field}` : `The server answered ${status}.`;
}

export async function request(method, path, body) {
    const headers = {accept: 'application/json'};
    const user = currentUser();
    if (user) {
        headers.authorization = `Bearer ${user.token}`;
    }
    if (body !== undefined) {
        headers['content-type'] = 'application/json';
    }
    let response;
    try {
        response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    } catch {
        throw new ApiError('The service cannot be reached. Check your connection and try again.', 'network', 0);
    }
    const text = await response.text();
    const json = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null;
    if (!response.ok) {
        throw new ApiError(readable(json, response.status), json?.code ?? 'http_' + response.status, response.status);
    }
    return json;
}

export const api = {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
};

/** A party and its movie (the party carries only a summary of it; the player needs its video_url). */
export async function partyAndMovie(id) {
    const party = await api.get(`/watch-parties/${id}`);
    return {party, movie: await api.get(`/movies/${party.movie.id}`)};
}

/** Whether this service mints demo tokens (local mode): the route answers 400 to an empty request, else 404. */
export async function devTokensOffered() {
    const response = await fetch('/dev/token', {method: 'POST', headers: {'content-type': 'application/json'}, body: '{}'});
    return response.status !== 404;
}

/** Signs in as a demo user or admin; the same name in the same browser keeps the same user id. */
export async function signIn(name, admin) {
    const ids = JSON.parse(localStorage.getItem('watch-party.demo-ids') ?? '{}');
    const key = `${admin ? 'admin' : 'user'}:${name}`;
    const minted = await request('POST', '/dev/token', {name, admin, user_id: ids[key]});
    localStorage.setItem('watch-party.demo-ids', JSON.stringify({...ids, [key]: minted.user_id}));
    const user = {token: minted.token, userId: minted.user_id, name: minted.name, admin: minted.admin};
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(user));
    return user;
}
