package com.watchparty.realtime.transport;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes one WebSocket's frames without ever making the writer wait: one asynchronous send at a time (the container
 * allows no more), later frames queued behind it. Whoever sends to a room therefore goes straight on to the next
 * socket, however slow this one is. A client that lets more than the buffer limit queue up, or has not taken a frame
 * within the send time limit when the next one comes (checked here: the container's own timeout on asynchronous
 * sends does not fire on every connector), has fallen too far behind to be shown the room as it is: it is closed with
 * {@value #TOO_SLOW} (code 1008), so it reconnects and is sent the room afresh.
 */
final class AsyncFrames {

    static final String TOO_SLOW = "too slow: the client fell too far behind the room";

    private static final Logger log = LoggerFactory.getLogger(AsyncFrames.class);
    /** Closes wait on the client at worst, so they have threads of their own, shared by every socket. */
    private static final ExecutorService CLOSING = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "websocket-close");
        thread.setDaemon(true);
        return thread;
    });

    private final Session session;
    private final long sendTimeLimitNanos;
    private final long maxQueuedBytes;
    private final Deque<Object> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    /** When the send in flight began: a client that has not taken it for the send time limit is stalled. */
    private long inFlightSince;
    private boolean failed;
    private boolean closing;

    AsyncFrames(Session session, Duration sendTimeLimit, long maxQueuedBytes) {
        this.session = session;
        this.sendTimeLimitNanos = sendTimeLimit.toNanos();
        this.maxQueuedBytes = maxQueuedBytes;
        session.getAsyncRemote().setSendTimeout(sendTimeLimit.toMillis());
    }

    /** Queues a text frame (a {@code String}) or a binary one (a {@code ByteBuffer}); never blocks. */
    void send(Object frame) throws IOException {
        boolean tooSlow;
        synchronized (this) {
            if (failed) {
                throw new IOException("WebSocket session " + session.getId() + " is closed");
            }
            if (!sending) {
                sending = true;
                inFlightSince = System.nanoTime();
            } else {
                queuedBytes += sizeOf(frame);
                boolean stalled = System.nanoTime() - inFlightSince > sendTimeLimitNanos;
                if (queuedBytes <= maxQueuedBytes && !stalled) {
                    queue.addLast(frame);
                    return;
                }
                failed = true;
                queue.clear();
            }
            tooSlow = failed;
        }
        if (tooSlow) {
            close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, TOO_SLOW));
            throw new IOException(TOO_SLOW);
        }
        pump(frame);
    }

    /**
     * Sends frames until the queue is empty or a send is still under way when the container returns; that send's
     * completion then carries on. A loop rather than a recursion, since a send often completes before it returns.
     */
    private void pump(Object first) {
        Object frame = first;
        while (frame != null) {
            Completion completion = new Completion();
            Object sending = frame;
            try {
                InlineCompletionProtocol.sendWithInlineCompletion(() -> {
                    if (sending instanceof String text) {
                        session.getAsyncRemote().sendText(text, completion);
                    } else {
                        session.getAsyncRemote().sendBinary((ByteBuffer) sending, completion);
                    }
                });
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            frame = completion.returned();
        }
    }

    /** The next frame to send, which goes out at once: its send is in flight from now. */
    private synchronized Object next() {
        Object frame = queue.pollFirst();
        if (frame == null) {
            sending = false;
        } else {
            queuedBytes -= sizeOf(frame);
            inFlightSince = System.nanoTime();
        }
        return frame;
    }

    private void fail(Throwable cause) {
        synchronized (this) {
            failed = true;
            sending = false;
            queue.clear();
        }
        log.debug("WebSocket session {} failed to take a frame: {}", session.getId(), String.valueOf(cause));
        close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, TOO_SLOW));
    }

    /**
     * Closes the WebSocket on another thread: closing writes a close frame, a blocking send that a stalled client
     * would make the closing thread wait for, up to the send time limit. The first reason given is the one the client
     * gets: a client found too slow is then closed by the engine as well (it sees the failed send), and that normal
     * close, run on the other closing thread, could otherwise overtake the one that says why.
     */
    void close(CloseReason reason) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        CLOSING.execute(() -> {
            try {
                session.close(reason);
            } catch (IOException | RuntimeException e) {
                log.debug("closing WebSocket session {} failed", session.getId(), e);
            }
        });
    }

    /** Whether this side has begun to close the WebSocket (for whatever reason). */
    synchronized boolean closing() {
        return closing;
    }

    private static long sizeOf(Object frame) {
        return frame instanceof String text ? text.length() : ((ByteBuffer) frame).remaining();
    }

    /** One send's completion, which knows whether the container had already returned from starting it. */
    private final class Completion implements SendHandler {

        private boolean returned;
        private boolean completed;

        @Override
        public void onResult(SendResult result) {
            if (!result.isOK()) {
                fail(result.getException());
                return;
            }
            boolean carryOn;
            synchronized (this) {
                completed = true;
                carryOn = returned;
            }
            if (carryOn) {
                pump(next());
            }
        }

        /** @return the next frame to send now, if this send completed before the container returned */
        Object returned() {
            synchronized (this) {
                returned = true;
                if (!completed) {
                    return null;
                }
            }
            return next();
        }
    }
}
