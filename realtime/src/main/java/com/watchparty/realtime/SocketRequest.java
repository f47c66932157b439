package com.watchparty.realtime;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.realtime.transport.NestingScreen;
import io.socket.socketio.server.SocketIoSocket;
import org.json.JSONObject;

import java.util.UUID;

/** One client → server event: its payload object and its ack, read defensively since any client can send anything. */
record SocketRequest(Object argument, SocketIoSocket.ReceivedByLocalAcknowledgementCallback ack) {

    static SocketRequest of(Object[] args) {
        var ack = args.length > 0 && args[args.length - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback a
                ? a : null;
        return new SocketRequest(args.length > 0 && args[0] != ack ? args[0] : null, ack);
    }

    JSONObject body() {
        if (NestingScreen.REJECTED_PAYLOAD.equals(argument)) {
            throw new RejectedException(ErrorCode.VALIDATION_FAILED,
                    "the payload nests deeper than " + NestingScreen.MAX_DEPTH + " levels");
        }
        if (!(argument instanceof JSONObject payload)) {
            throw new RejectedException(ErrorCode.VALIDATION_FAILED, "the payload must be a JSON object");
        }
        return payload;
    }

    UUID uuid(String field) {
        try {
            return UUID.fromString(body().getString(field));
        } catch (RejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RejectedException(ErrorCode.VALIDATION_FAILED, field + " must be a UUID", field);
        }
    }

    String text(String field) {
        Object value = body().opt(field);
        if (!(value instanceof String text)) {
            throw new RejectedException(ErrorCode.VALIDATION_FAILED, field + " must be a string", field);
        }
        return text;
    }

    double number(String field) {
        Object value = body().opt(field);
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new RejectedException(ErrorCode.VALIDATION_FAILED, field + " must be a number", field);
        }
        return number.doubleValue();
    }

    long wholeNumber(String field) {
        double value = number(field);
        if (value != Math.rint(value) || Math.abs(value) > Long.MAX_VALUE / 2) {
            throw new RejectedException(ErrorCode.VALIDATION_FAILED, field + " must be a whole number", field);
        }
        return (long) value;
    }

    boolean bool(String field) {
        if (!(body().opt(field) instanceof Boolean value)) {
            throw new RejectedException(ErrorCode.VALIDATION_FAILED, field + " must be true or false", field);
        }
        return value;
    }

    boolean has(String field) {
        return argument instanceof JSONObject payload && payload.has(field) && !payload.isNull(field);
    }

    void reply(JSONObject answer) {
        if (ack != null) {
            ack.sendAcknowledgement(answer);
        }
    }
}
