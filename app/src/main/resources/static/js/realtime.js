// The page's connection to /watch-party: the typed client (watch-party-client.js) with the page's sign-in, its
// connection banner, and refusals as readable sentences.
import {io} from '/vendor/socket.io.esm.min.js';
import {ApiError, currentUser, readable} from './api.js';
import {WatchPartyClient} from './watch-party-client.js';
import {showError} from './ui.js';

/**
 * A connection for one page. `onConnect` runs at the first connect and after every reconnect (to join again);
 * a lost connection shows the banner until Socket.IO has reconnected on its own. `request` rejects with an ApiError
 * whose message reads as a sentence.
 */
export function connect(onConnect) {
    const client = new WatchPartyClient({io, token: currentUser()?.token});
    const banner = document.getElementById('connection-banner');
    client.socket.on('connect', () => {
        banner.hidden = true;
    });
    client.onConnect(onConnect);
    client.on('auth_error', (error) => showError(new ApiError(readable(error), error?.code, 401)));
    client.socket.on('disconnect', () => {
        banner.hidden = false;
    });
    return {
        client,
        socket: client.socket,
        serverNow: client.serverNow,
        request: (event, payload) => client.request(event, payload).catch((error) => {
            throw new ApiError(readable({code: error.code, message: error.message, field: error.field}), error.code, 0);
        }),
        close() {
            banner.hidden = true;
            client.close();
        },
    };
}
