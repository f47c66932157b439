package com.watchparty.realtime.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes every Engine.IO connection when the service stops. A long-polling GET otherwise stays open until the next
 * ping, holding the web server's graceful shutdown for up to the ping interval (25 s), and its client then sees a
 * transport error; closed here, clients reconnect at once (to another instance, behind a load balancer). It stops in
 * the graceful-shutdown phase, as the server stops taking new connections, so a client does not come straight back.
 */
@Component
class EngineIoConnections implements SmartLifecycle {

    static final String METER = "watchparty.socket.connections";

    private final Set<EngineIoSocket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    EngineIoConnections(EngineIoServer engine, MeterRegistry meters) {
        Gauge.builder(METER, open, Set::size).description("Engine.IO connections open on this instance")
                .register(meters);
        engine.on("connection", args -> {
            EngineIoSocket socket = (EngineIoSocket) args[0];
            open.add(socket);
            socket.on("close", (closed, reason) -> open.remove(closed));
        });
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(EngineIoSocket::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
    }
}
