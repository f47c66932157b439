package com.watchparty.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code watchparty.commands.*}: how commands are sent. Defaults in {@code application.yml}.
 *
 * @param maxConflictRetries how often a command is sent again that lost a race on its aggregate, or whose instance
 *                           left before answering; a refused command never is
 */
@ConfigurationProperties("watchparty.commands")
public record CommandsProperties(Integer maxConflictRetries) {

    public CommandsProperties {
        if (maxConflictRetries == null || maxConflictRetries < 0) {
            throw new IllegalArgumentException("watchparty.commands.max-conflict-retries must be 0 or more");
        }
    }
}
