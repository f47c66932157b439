// The Socket.IO connection to /watch-party: acks as promises, the connection banner, the server clock.
import {io} from '/vendor/socket.io.esm.min.js';
import {ApiError, currentUser, readable} from './api.js';
import {SYNC, ServerClock, clockSample} from './sync.js';
import {showError} from './ui.js';

/** How long a request waits for its ack; a request sent into a dropped connection is never answered. */
const ACK_TIMEOUT_MS = 10000;

/**
 * A connection for one page. `onConnect` runs at the first connect and after every reconnect (to join again);
 * a lost connection shows the banner until Socket.IO has reconnected on its own.
 */
export function connect(onConnect) {
    const socket = io('/watch-party', {auth: {token: currentUser()?.token}});
    const banner = document.getElementById('connection-banner');
    const clock = new ServerClock();
    let resample;

    const request = (event, payload) => new Promise((resolve, reject) => {
        socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (timedOut, ack) => {
            if (timedOut) {
                reject(new ApiError('The service did not answer in time. Please try again.', 'timeout', 0));
            } else if (ack?.ok) {
                resolve(ack);
            } else {
                reject(new ApiError(readable(ack?.error), ack?.error?.code ?? 'error', 0));
            }
        });
    });

    const sampleClock = async () => {
        const t0 = Date.now();
        const ack = await request('time_sync', {t0});
        clock.add(clockSample(t0, ack.t1, ack.t2, Date.now()));
    };

    socket.on('connect', async () => {
        banner.hidden = true;
        for (let i = 0; i < SYNC.CLOCK_SAMPLES_AT_START; i++) {
            await sampleClock().catch(() => {}); // an unanswered sample is one fewer, not a failure
        }
        clearInterval(resample);
        resample = setInterval(() => sampleClock().catch(() => {}), SYNC.CLOCK_RESAMPLE_EVERY_MS);
        onConnect();
    });
    socket.on('auth_error', (error) => showError(new ApiError(readable(error), error?.code, 401)));
    socket.on('disconnect', () => {
        clearInterval(resample);
        banner.hidden = false;
    });

    return {
        socket,
        clock,
        request,
        /** The server's time now (epoch ms). */
        serverNow: () => clock.now(Date.now()),
        close() {
            clearInterval(resample);
            banner.hidden = true;
            socket.disconnect();
        },
    };
}
