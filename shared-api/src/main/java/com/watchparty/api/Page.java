package com.watchparty.api;

import java.util.List;

/** One page of a query result, with the total so clients can page through all of it. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public Page {
        items = List.copyOf(items);
    }
}
