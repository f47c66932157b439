package com.watchparty.query.web;

import com.watchparty.api.Page;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The REST side of the query bus: one place that asks and turns "nothing there" into a 404. */
@Component
public class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <V> V one(Object query, Class<V> viewType, ErrorCode notFound, String what) {
        Optional<V> view = gateway.query(query, ResponseTypes.optionalInstanceOf(viewType)).join();
        return view.orElseThrow(() -> new RejectedException(notFound, what + " not found"));
    }

    public <V> V one(Object query, Class<V> viewType) {
        return gateway.query(query, ResponseTypes.instanceOf(viewType)).join();
    }

    public <V> Page<V> page(Object query, Class<V> itemType) {
        return gateway.query(query, new PageResponseType<>(itemType)).join();
    }
}
