package com.watchparty.realtime.transport;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.threads.TaskQueue;
import org.apache.tomcat.util.threads.TaskThreadFactory;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

import java.util.concurrent.TimeUnit;

/**
 * Tomcat's NIO connector, except that the completion of a WebSocket send that finished at once runs on the thread
 * that sent it. Tomcat hands every asynchronous send's completion to a pool thread (the WebSocket specification
 * forbids calling it back inside the send, for fear of unbounded recursion), so a room's fan-out paid a thread
 * wake-up and a hand-over per frame per socket: the largest cost per delivery in the profile. {@link AsyncFrames}
 * sends in a loop that takes a completion that came back early as "send the next frame now", so running it inline
 * cannot recurse; nesting is still bounded, for the parts of one long message.
 */
public class InlineCompletionProtocol extends Http11NioProtocol {

    /** How many completions may nest on one sender's stack (a long message completes once per part). */
    private static final int MAX_NESTING = 8;
    /** Tomcat's wrapper of a send completion: the one task run inline; any other goes to the pool as usual. */
    private static final String SEND_COMPLETION =
            "org.apache.tomcat.websocket.server.WsRemoteEndpointImplServer$OnResultRunnable";
    private static final ThreadLocal<int[]> SENDING = ThreadLocal.withInitial(() -> new int[] {-1});

    public InlineCompletionProtocol() {
        super(new Endpoint());
    }

    /** Runs {@code send}; completions that the container dispatches meanwhile run here, on this thread. */
    static void sendWithInlineCompletion(Runnable send) {
        int[] depth = SENDING.get();
        int outer = depth[0];
        depth[0] = outer < 0 ? 0 : outer;
        try {
            send.run();
        } finally {
            depth[0] = outer;
        }
    }

    private static final class Endpoint extends NioEndpoint {

        @Override
        public void createExecutor() {
            TaskQueue queue = new TaskQueue(getMaxQueueSize());
            TaskThreadFactory threads = new TaskThreadFactory(getName() + "-exec-", getDaemon(), getThreadPriority());
            Pool pool = new Pool(getMinSpareThreads(), getMaxThreads(), getThreadsMaxIdleTime(), queue, threads);
            queue.setParent(pool);
            setExecutor(pool);
            // still Tomcat's own pool: it reports its threads and shuts it down with the connector
            internalExecutor = true;
        }
    }

    private static final class Pool extends ThreadPoolExecutor {

        Pool(int core, int max, long idleMillis, TaskQueue queue, TaskThreadFactory threads) {
            super(core, max, idleMillis, TimeUnit.MILLISECONDS, queue, threads);
        }

        @Override
        public void execute(Runnable command) {
            int[] depth = SENDING.get();
            if (depth[0] < 0 || depth[0] >= MAX_NESTING || !command.getClass().getName().equals(SEND_COMPLETION)) {
                super.execute(command);
                return;
            }
            depth[0]++;
            try {
                command.run();
            } finally {
                depth[0]--;
            }
        }
    }
}
