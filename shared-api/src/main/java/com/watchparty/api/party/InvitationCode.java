package com.watchparty.api.party;

/** An invite-only party's invitation code, as its admin is given it. */
public record InvitationCode(String invitationCode) {
}
