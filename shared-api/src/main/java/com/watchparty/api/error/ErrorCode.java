package com.watchparty.api.error;

import java.util.Locale;

/**
 * Stable, machine-readable reasons for refusing a request. The {@link #code()} string is the contract
 * (REST problem {@code code}, Socket.IO ack {@code error.code}); the HTTP status is how REST reports it.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(400),
    VALIDATION_FAILED(400),
    INVALID_PARAMETER(400),
    /** A socket event the namespace does not know. */
    UNKNOWN_EVENT(400),
    UNAUTHORIZED(401),
    /** The socket's token expired: connect again with a fresh one. */
    TOKEN_EXPIRED(401),
    FORBIDDEN(403),
    TICKET_REQUIRED(403),
    /** An invite-only party: the purchase (or place in line) needs the party's invitation code. */
    INVITATION_REQUIRED(403),
    INVITATION_INVALID(403),
    NOT_JOINED(403),
    /** A moderator's timeout: the message says how long it still runs. */
    MUTED(403),
    /** Banned from this party by its host or a moderator. */
    BANNED(403),
    NOT_FOUND(404),
    PARTY_NOT_FOUND(404),
    /** The caller holds no ticket for the party (nothing to cancel). */
    PURCHASE_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    /** The room's slow mode: the message says how long until the next line may be sent. */
    SLOW_MODE(429),
    PARTY_FINISHED(409),
    PARTY_NOT_OPEN(409),
    PARTY_NOT_ONGOING(409),
    PARTY_NOT_FINISHED(409),
    /** The party has finished, but the replay timeline has not caught up with its end yet: retry shortly. */
    REPLAY_NOT_READY(409),
    SOLD_OUT(409),
    ALREADY_PURCHASED(409),
    BELOW_TICKETS_SOLD(409),
    /** Tickets can be cancelled only until the cutoff before the start. */
    CANCELLATION_CLOSED(409),
    /** The waiting list is for sold-out parties: seats are free, buy one. */
    SEATS_AVAILABLE(409),
    /** The ticket type has a voucher with that code already. */
    VOUCHER_CODE_TAKEN(409),
    /** Only an invite-only party has an invitation code to rotate. */
    NOT_INVITE_ONLY(409),
    START_TIME_LOCKED(409),
    CONCURRENT_MODIFICATION(409),
    /** The processor is not a projection (e.g. the per-instance room feed): it is never rebuilt. */
    NOT_REBUILDABLE(409),
    /** The processor's handlers do not support a reset. */
    RESET_NOT_SUPPORTED(409),
    /** A rebuild of that projection is stopping and resetting it right now. */
    REBUILD_IN_PROGRESS(409),
    MOVIE_NOT_FOUND(422),
    TICKET_NOT_FOUND(422),
    /** No such voucher code for that ticket type (or it is bound to another party, or the type is no voucher). */
    VOUCHER_INVALID(422),
    VOUCHER_EXPIRED(422),
    /** The code has been redeemed {@code max_usages} times. */
    VOUCHER_USED_UP(422),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The wire form, e.g. {@code sold_out}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code for a plain HTTP status raised by the web layer itself (an unknown path, a wrong method...). */
    public static ErrorCode forHttpStatus(int status) {
        for (ErrorCode code : values()) {
            if (code.httpStatus == status) {
                return code;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
