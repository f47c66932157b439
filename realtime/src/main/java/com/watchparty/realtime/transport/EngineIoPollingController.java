package com.watchparty.realtime.transport;

import io.socket.engineio.server.EngineIoServer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Engine.IO's HTTP long-polling transport. WebSocket upgrades to the same path must reach
 * {@link EngineIoWebSocketHandler} instead, hence {@code !Upgrade}: annotated mappings are consulted first.
 */
@Controller
class EngineIoPollingController {

    private final EngineIoServer engine;
    private final int maxPayloadBytes;

    EngineIoPollingController(EngineIoServer engine, RealtimeProperties properties) {
        this.engine = engine;
        this.maxPayloadBytes = properties.maxPayloadBytes();
    }

    @RequestMapping(value = SocketIoConfiguration.PATH, headers = "!Upgrade",
            method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.OPTIONS})
    void poll(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            // A GET may stay open: the engine completes it asynchronously. One without a session is the handshake,
            // answered at once with the open packet, which OpenPacket completes.
            boolean handshake = HttpMethod.GET.matches(request.getMethod()) && request.getParameter("sid") == null;
            engine.handleRequest(request,
                    handshake ? OpenPacket.addingMaxPayload(response, maxPayloadBytes) : response);
            return;
        }
        // The engine would read any body whole, trusting Content-Length: read at most one byte past the limit here.
        byte[] body = request.getContentLengthLong() > maxPayloadBytes
                ? null : request.getInputStream().readNBytes(maxPayloadBytes + 1);
        if (body == null || body.length > maxPayloadBytes) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String screened = NestingScreen.screenBody(text); // the same string when nothing was screened
        engine.handleRequest(new BufferedBodyRequest(request,
                screened == text ? body : screened.getBytes(StandardCharsets.UTF_8)), response);
    }
}
