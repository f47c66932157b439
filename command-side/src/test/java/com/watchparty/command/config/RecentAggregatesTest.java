package com.watchparty.command.config;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentAggregatesTest {

    private final RecentAggregates cache = new RecentAggregates(10, Duration.ofMinutes(10));

    /** What Axon's weak cache lost at every collection: a premiere's party, reloaded from its snapshot each time. */
    @Test
    void keepsAnAggregateThroughAGarbageCollection() {
        cache.put("party", new StringBuilder("ten thousand people"));
        WeakReference<Object> collected = new WeakReference<>(new Object());
        while (collected.get() != null) {
            System.gc();
        }

        assertThat(cache.<String, StringBuilder>get("party")).hasToString("ten thousand people");
    }

    @Test
    void answersAsAxonsRepositoriesExpect() {
        assertThat(cache.putIfAbsent("party", "first")).isTrue();
        assertThat(cache.putIfAbsent("party", "second")).isFalse();
        assertThat(cache.<String>computeIfAbsent("party", () -> "third")).isEqualTo("first");
        cache.<String>computeIfPresent("party", value -> value + " changed");
        assertThat(cache.<String, String>get("party")).isEqualTo("first changed");
        assertThat(cache.remove("party")).isTrue();
        assertThat(cache.remove("party")).isFalse();
        assertThat(cache.containsKey("party")).isFalse();

        cache.put("one", 1);
        cache.put("two", 2);
        cache.removeAll();
        assertThat(cache.containsKey("one") || cache.containsKey("two")).isFalse();
    }

    @Test
    void refusesEntryListenersWithAClearError() {
        assertThatThrownBy(() -> cache.registerCacheEntryListener(new org.axonframework.common.caching.Cache
                .EntryListenerAdapter()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no entry listeners");
    }
}
