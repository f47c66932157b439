package com.watchparty.command.party.web;

import java.security.SecureRandom;
import java.util.Base64;

/** New invitation codes: 128 random bits, URL-safe Base64 (22 characters), so they cannot be guessed. */
final class InvitationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationCodes() {
    }

    static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
