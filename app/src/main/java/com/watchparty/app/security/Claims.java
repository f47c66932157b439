package com.watchparty.app.security;

/** The token claims the service reads. */
final class Claims {

    static final String NAME = "name";
    static final String PREFERRED_USERNAME = "preferred_username";
    static final String ROLES = "roles";
    static final String ADMIN = "admin";
    static final String ADMIN_ROLE = "admin";

    private Claims() {
    }
}
