package com.watchparty.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The query side's projections and query handlers as Axon calls them, without processors: events of one aggregate
 * go to a processing group's handlers in one transaction (a processor's batch); the query handlers answer on the
 * query bus, which {@link com.watchparty.query.web.Queries} asks.
 */
public final class Projections {

    private final Map<String, AnnotationEventHandlerAdapter> groups;
    private final TransactionTemplate transactions;

    Projections(ApplicationContext context, QueryBus queryBus, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.groups = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream().collect(Collectors.toMap(
                bean -> bean.getClass().getAnnotation(ProcessingGroup.class).value(),
                AnnotationEventHandlerAdapter::new));
        context.getBeansOfType(Object.class).values().stream()
                .filter(bean -> bean.getClass().getPackageName().startsWith("com.watchparty.query"))
                .filter(bean -> Arrays.stream(bean.getClass().getDeclaredMethods())
                        .anyMatch(m -> m.isAnnotationPresent(QueryHandler.class)))
                .forEach(bean -> new AnnotationQueryHandlerAdapter<>(bean).subscribe(queryBus));
    }

    /** The aggregate's events from {@code firstSequence} on, to one processing group, in one transaction. */
    public void handle(String group, UUID aggregate, long firstSequence, Object... events) {
        var handler = groups.get(group);
        transactions.executeWithoutResult(status -> {
            long sequence = firstSequence;
            for (Object event : events) {
                try {
                    handler.handle(new GenericDomainEventMessage<>("Aggregate", aggregate.toString(), sequence++, event,
                            MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    /** Empties a processing group's projection, as a rebuild starts. */
    public void reset(String group) {
        transactions.executeWithoutResult(status -> groups.get(group).prepareReset());
    }
}
