package com.watchparty.app.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code watchparty.axon-server.*}: with {@code axon.axonserver.enabled=true} (profile {@code axon-server}). Defaults
 * in {@code application.yml}.
 *
 * @param connectTimeout start-up fails, naming the address, if Axon Server has not answered within this
 */
@ConfigurationProperties("watchparty.axon-server")
public record AxonServerProperties(Duration connectTimeout) {
}
