// Small DOM helpers. Data is only ever set as text (textContent, attributes), never parsed as HTML.

/** An element with attributes (`class`, `data-*`, properties such as `disabled`) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            node.addEventListener(name.slice(2), value);
        } else if (name in node) {
            node[name] = value; // a property: value, checked, muted, disabled, …
        } else {
            node.setAttribute(name, value === true ? '' : value); // class, data-*, aria-*
        }
    }
    node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
    return node;
}

const errorBox = () => document.getElementById('error');

/** Shows an error as a sentence a person can read; it stays until the next action clears it. */
export function showError(error) {
    const box = errorBox();
    box.textContent = error?.message ?? String(error);
    box.hidden = false;
}

export function clearError() {
    errorBox().hidden = true;
}

/** Runs an action of the user's, showing its failure instead of swallowing it. */
export async function attempt(action) {
    clearError();
    try {
        return await action();
    } catch (error) {
        showError(error);
        return undefined;
    }
}

/** 3725 → "1:02:05", 65 → "1:05". */
export function clock(totalSeconds) {
    const s = Math.max(0, Math.floor(totalSeconds));
    const [h, m, sec] = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
    const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
    return (h > 0 ? `${h}:` : '') + `${mm}:${String(sec).padStart(2, '0')}`;
}

/** A countdown or remaining time in words a person reads at a glance: "2d 3h", "1:02:05". */
export function countdown(milliseconds) {
    const seconds = Math.max(0, milliseconds / 1000);
    const days = Math.floor(seconds / 86400);
    return days > 0 ? `${days}d ${Math.floor(seconds / 3600) % 24}h` : clock(seconds);
}

const shortTime = (iso) => new Date(iso).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});

/** One chat line: who, when (wall clock), what; `attributes` go on the <li>. */
export function chatLine(attributes, username, realTime, text) {
    return el('li', attributes, el('span', {class: 'who'}, username ?? ''), ' ',
        el('time', {datetime: realTime}, shortTime(realTime)), ' ', el('span', {class: 'text'}, text ?? ''));
}

export const localTime = (iso) => new Date(iso).toLocaleString([], {dateStyle: 'medium', timeStyle: 'short'});

/** At most this many floating emoji per kind and window, however many people reacted. */
const MAX_FLOATING_PER_EMOJI = 6;

/**
 * A window's reactions rising over the picture: one floating emoji per reaction, up to a few of each kind, each gone
 * once its animation ends.
 */
export function floatReactions(layer, counts) {
    for (const [emoji, n] of Object.entries(counts ?? {})) {
        for (let i = 0; i < Math.min(n, MAX_FLOATING_PER_EMOJI); i++) {
            const bubble = el('span', {class: 'floating-reaction', 'data-emoji': emoji}, emoji);
            bubble.style.left = `${5 + Math.random() * 85}%`;
            bubble.style.animationDelay = `${Math.round(Math.random() * 250)}ms`;
            bubble.addEventListener('animationend', () => bubble.remove(), {once: true});
            layer.append(bubble);
        }
    }
}
