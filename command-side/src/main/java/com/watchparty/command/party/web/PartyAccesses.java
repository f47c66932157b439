package com.watchparty.command.party.web;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.party.PartyAccess;

/** Reads a party's {@code access} as requests spell it. */
final class PartyAccesses {

    private PartyAccesses() {
    }

    /** @return the access named, or {@code null} when none is */
    static PartyAccess parse(String wireName) {
        if (wireName == null) {
            return null;
        }
        return PartyAccess.fromWireName(wireName).orElseThrow(() -> new RejectedException(ErrorCode.VALIDATION_FAILED,
                "access must be public, unlisted or invite_only", "access"));
    }
}
