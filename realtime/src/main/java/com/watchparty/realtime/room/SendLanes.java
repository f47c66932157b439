package com.watchparty.realtime.room;

import com.watchparty.realtime.transport.EncodedEvent;
import com.watchparty.realtime.transport.WebSocketTransports;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PreDestroy;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fans room pushes out on a few single-threaded lanes. A socket always uses the same lane, so it receives events in
 * order, while a room's sockets are written in parallel and the room feed never waits on a slow client.
 */
@Component
class SendLanes {

    private static final Logger log = LoggerFactory.getLogger(SendLanes.class);

    private final ExecutorService[] lanes;
    private final WebSocketTransports transports;

    SendLanes(WebSocketTransports transports) {
        this.transports = transports;
        lanes = new ExecutorService[Math.max(2, Runtime.getRuntime().availableProcessors())];
        for (int i = 0; i < lanes.length; i++) {
            String name = "room-send-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, name);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /**
     * Queues {@code event} for every socket, encoded once for all of them; a socket that fails to take it is that
     * socket's problem alone.
     */
    void send(Collection<SocketIoSocket> sockets, String event, JSONObject payload) {
        if (sockets.isEmpty()) {
            return;
        }
        EncodedEvent encoded = EncodedEvent.of(sockets.iterator().next().getNamespace().getName(), event, payload);
        List<List<SocketIoSocket>> byLane = new ArrayList<>(lanes.length);
        for (int i = 0; i < lanes.length; i++) {
            byLane.add(new ArrayList<>());
        }
        sockets.forEach(socket -> byLane.get(Math.floorMod(socket.getId().hashCode(), lanes.length)).add(socket));
        for (int i = 0; i < lanes.length; i++) {
            List<SocketIoSocket> targets = byLane.get(i);
            if (!targets.isEmpty()) {
                lanes[i].execute(() -> targets.forEach(socket -> sendTo(socket, encoded)));
            }
        }
    }

    private void sendTo(SocketIoSocket socket, EncodedEvent event) {
        try {
            transports.send(socket, event);
        } catch (RuntimeException e) {
            log.debug("could not send {} to socket {}: {}", event, socket.getId(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }
}
