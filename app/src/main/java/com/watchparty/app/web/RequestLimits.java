package com.watchparty.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code watchparty.web.*} as far as requests go: how much one may carry. Defaults in {@code application.yml}.
 *
 * @param maxBodySize the largest request body; the largest legitimate one (a movie with long URLs, every character
 *                    escaped) is about a third of the default
 */
@ConfigurationProperties("watchparty.web")
record RequestLimits(DataSize maxBodySize) {

    RequestLimits {
        if (maxBodySize == null || maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("watchparty.web.max-body-size must be between 1B and 2GB");
        }
    }

    int maxBodyBytes() {
        return (int) maxBodySize.toBytes();
    }
}
