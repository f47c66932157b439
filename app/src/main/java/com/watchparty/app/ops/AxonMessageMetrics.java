package com.watchparty.app.ops;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.springboot.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Axon's message metrics as Axon's own module registers them (command bus, event store, query bus), the processors'
 * with their meters looked up once ({@link ProcessorMeters}), and no timer per subscription-query update. That
 * monitor tags and times every update to every subscriber: each chat line to each room feed, each version of a party
 * to each purchase waiting for it. In a sale rush it took 5% of the service's CPU, more than the command bus. What a
 * waiting request or a room gets is timed where it is seen: in {@code http.server.requests} and in the fan-out's own
 * figures.
 */
@Configuration(proxyBeanMethods = false)
class AxonMessageMetrics {

    @Bean
    MetricsConfigurerModule messageMetricsModule(GlobalMetricRegistry metrics, MetricsProperties properties,
                                                 Clock clock) {
        boolean dimensional = properties.getMicrometer().isDimensional();
        return new MetricsConfigurerModule(metrics, dimensional) {
            @Override
            @SuppressWarnings("unchecked") // as Axon's own module registers them: monitors of the component's messages
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) -> {
                    if (QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
                        return NoOpMessageMonitor.instance();
                    }
                    if (EventProcessor.class.isAssignableFrom(componentType)) {
                        return new ProcessorMeters(metrics.getRegistry(), componentName, clock);
                    }
                    return (MessageMonitor<Message<?>>) (dimensional
                            ? metrics.registerComponentWithDefaultTags(componentType, componentName)
                            : metrics.registerComponent(componentType, componentName));
                });
            }
        };
    }
}
