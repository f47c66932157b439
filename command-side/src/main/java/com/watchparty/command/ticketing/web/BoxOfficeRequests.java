package com.watchparty.command.ticketing.web;

/** What the box office's requests share. */
final class BoxOfficeRequests {

    /** Voucher and invitation codes are at most 64 characters; a longer one is refused before it reaches a rule. */
    static final int MAX_CODE_LENGTH = 64;

    private BoxOfficeRequests() {
    }
}
