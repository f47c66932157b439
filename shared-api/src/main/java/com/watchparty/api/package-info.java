/**
 * The messages both sides agree on: commands, events, queries and query results.
 * Only Axon's modelling annotations are allowed here, so the contract stays free of any framework wiring.
 * Events carry a {@code @Revision} so that their stored JSON can evolve through upcasters.
 */
package com.watchparty.api;
