package com.watchparty.app.cluster;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Built only when the instances route commands among themselves: not with Axon Server, which routes them. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@interface WithCommandRouting {
}
