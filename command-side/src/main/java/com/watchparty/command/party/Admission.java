package com.watchparty.command.party;

import com.watchparty.api.party.PartyAccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static com.watchparty.api.error.ErrorCode.INVITATION_INVALID;
import static com.watchparty.api.error.ErrorCode.INVITATION_REQUIRED;
import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;
import static com.watchparty.command.Rules.require;

/**
 * Who may buy a seat of a party or join its waiting list: anyone, for a public party; whoever gives its invitation
 * code, for an invite-only one. Only an invite-only party has a code.
 */
record Admission(PartyAccess access, String invitationCode) {

    static final Admission PUBLIC = new Admission(PartyAccess.PUBLIC, null);
    /** What the service generates: long enough not to be guessed, plain enough to be typed. */
    static final String INVITATION_CODE_SHAPE = "[A-Za-z0-9_-]{8,64}";

    /** The admission a command proposes: an invite-only party needs a code of the right shape; others keep none. */
    static Admission proposed(PartyAccess access, String invitationCode) {
        boolean inviteOnly = access == PartyAccess.INVITE_ONLY;
        require(!inviteOnly || (invitationCode != null && invitationCode.matches(INVITATION_CODE_SHAPE)),
                VALIDATION_FAILED, "an invite-only party needs an invitation code of 8 to 64 letters and digits",
                "invitation_code");
        return new Admission(access, inviteOnly ? invitationCode : null);
    }

    boolean isInviteOnly() {
        return access == PartyAccess.INVITE_ONLY;
    }

    /** The code given must be the party's, compared in constant time; a public party needs none. */
    void requireInvitation(String given) {
        if (!isInviteOnly()) {
            return;
        }
        require(given != null && !given.isEmpty(), INVITATION_REQUIRED,
                "this party is by invitation: its invitation code is needed", "invitation_code");
        require(MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                        invitationCode.getBytes(StandardCharsets.UTF_8)), INVITATION_INVALID,
                "that is not this party's invitation code", "invitation_code");
    }
}
