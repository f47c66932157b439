package com.watchparty.app.ops;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The projections' processors: a reset (the start of a rebuild) also empties a projection's dead-letter queue.
 * Its letters are events the replay delivers again anyway; left in the queue, they would make the replay park
 * every later event of the same party behind them instead of rebuilding it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionsProperties.class)
class ProjectionsConfiguration {

    @Autowired
    void clearDeadLettersOnReset(EventProcessingConfigurer processing, ProjectionsProperties projections) {
        for (String group : projections.rebuildable()) {
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                    (config, builder) -> builder.allowReset(true));
        }
    }
}
