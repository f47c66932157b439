package com.watchparty.command.config;

import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Makes {@code @Aggregate(filterEventsByType = true)} take effect. Axon 4.13 registers one
 * {@link SpringAggregateConfigurer} per aggregate from the annotation's attributes but leaves this one out (the
 * configurer has the setter; nothing calls it). Without it a command naming a movie's id loads a party from the
 * movie's events, and fails with a 500 instead of finding no party.
 */
final class AggregateEventTypeFilter implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (!SpringAggregateConfigurer.class.getName().equals(definition.getBeanClassName())) {
                continue;
            }
            // the configurer's first constructor argument is the aggregate's class
            ValueHolder type = definition.getConstructorArgumentValues().getIndexedArgumentValues().get(0);
            if (type != null && type.getValue() instanceof Class<?> aggregateType) {
                Aggregate aggregate = AnnotationUtils.findAnnotation(aggregateType, Aggregate.class);
                if (aggregate != null && aggregate.filterEventsByType()) {
                    definition.getPropertyValues().add("filterEventsByType", true);
                }
            }
        }
    }
}
