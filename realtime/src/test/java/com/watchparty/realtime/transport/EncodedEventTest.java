package com.watchparty.realtime.transport;

import io.socket.parser.IOParser;
import io.socket.parser.Packet;
import io.socket.parser.Parser;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A room push is encoded once; what a Socket.IO client decodes from that one frame is the event as sent. */
class EncodedEventTest {

    @Test
    void aClientDecodesTheEventItsNamespaceAndItsPayload() {
        JSONObject payload = new JSONObject().put("content", "line one\n\"quoted\" <b>é</b> 🎬").put("mediaTime", 42.5)
                .put("userId", JSONObject.NULL);

        EncodedEvent encoded = EncodedEvent.of("/watch-party", "new_message", payload);

        List<Packet<?>> decoded = new ArrayList<>();
        IOParser.Decoder decoder = new IOParser.Decoder();
        decoder.onDecoded(decoded::add);
        decoder.add(encoded.frame());
        assertThat(decoded).hasSize(1);
        Packet<?> packet = decoded.get(0);
        assertThat(packet.type).isEqualTo(Parser.EVENT);
        assertThat(packet.nsp).isEqualTo("/watch-party");
        JSONArray data = (JSONArray) packet.data;
        assertThat(data.getString(0)).isEqualTo("new_message");
        assertThat(data.getJSONObject(1).similar(payload)).as(data.toString()).isTrue();
        assertThat(encoded).hasToString("new_message");
    }

    /** What a WebSocket is sent: the engine's message packet around the frame, text with no UTF-8 form repaired. */
    @Test
    void theEngineMessageIsTheFrameInAMessagePacketMadeWellFormedOnce() {
        EncodedEvent plain = EncodedEvent.of("/watch-party", "new_message", new JSONObject().put("content", "hi 🎬"));
        EncodedEvent unpaired = EncodedEvent.of("/watch-party", "new_message",
                new JSONObject().put("content", "cut \uD83C off"));

        assertThat(plain.message()).isEqualTo("4" + plain.frame());
        assertThat(unpaired.frame()).contains("\uD83C");
        assertThat(unpaired.message()).isEqualTo("4" + unpaired.frame().replace("\uD83C", "\uFFFD"));
    }
}
