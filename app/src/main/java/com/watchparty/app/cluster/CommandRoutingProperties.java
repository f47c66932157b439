package com.watchparty.app.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code watchparty.command-routing.*}: how the instances find each other to route commands by party. Defaults in
 * {@code application.yml}.
 *
 * @param cluster        the name the instances of one deployment share; instances with another name (or another
 *                       database) form another cluster
 * @param bindAddress    the address this instance listens on and the others connect to: an IP, a host name, or one
 *                       of JGroups' symbolic names ({@code SITE_LOCAL}, {@code NON_LOOPBACK}, {@code match-interface:eth.*})
 * @param bindPort       the first port tried ...
 * @param portRange      ... and how many after it, for several instances on one machine
 * @param failureTimeout how long an instance that stopped answering without leaving (a crash, a frozen host) keeps
 *                       its parties; an instance that stops normally hands them over at once
 * @param joinTimeout    how long start-up waits to join the others before it gives up
 */
@ConfigurationProperties("watchparty.command-routing")
public record CommandRoutingProperties(String cluster, String bindAddress, Integer bindPort, Integer portRange,
                                       Duration failureTimeout, Duration joinTimeout) {
}
