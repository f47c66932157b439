package com.watchparty.query.web;

import com.watchparty.api.Page;
import org.axonframework.messaging.responsetypes.AbstractResponseType;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Asks for a {@code Page<V>}. Axon's {@code instanceOf} compares classes only, so it never matches a handler
 * declared to return the parameterized {@code Page<MovieView>}; this matches the page's item type instead.
 */
final class PageResponseType<V> extends AbstractResponseType<Page<V>> {

    PageResponseType(Class<V> itemType) {
        super(itemType);
    }

    @Override
    public boolean matches(Type responseType) {
        return responseType instanceof ParameterizedType parameterized
                && parameterized.getRawType().equals(Page.class)
                && isParameterizedTypeOfExpectedType(parameterized);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<Page<V>> responseMessagePayloadType() {
        return (Class<Page<V>>) (Class<?>) Page.class;
    }
}
