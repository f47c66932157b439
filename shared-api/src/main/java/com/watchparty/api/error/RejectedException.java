package com.watchparty.api.error;

/** A request refused by a rule, carrying a stable {@link ErrorCode}. Never a server fault. */
public class RejectedException extends RuntimeException {

    private final transient Rejection rejection;

    public RejectedException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public RejectedException(ErrorCode code, String message, String field) {
        this(new Rejection(code, message, field));
    }

    public RejectedException(Rejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    public ErrorCode code() {
        return rejection.code();
    }
}
