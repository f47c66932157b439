package com.watchparty.app.realtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/** Flood control per user: a token bucket (burst, then a steady rate). Idle users' buckets are forgotten. */
@Component
class ChatRateLimiter {

    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Bandwidth limit;

    ChatRateLimiter(RealtimeRules rules) {
        long refillNanos = (long) (1_000_000_000L / rules.chatPerSecond());
        this.limit = Bandwidth.builder().capacity(rules.chatBurst())
                .refillGreedy(1, Duration.ofNanos(refillNanos)).build();
    }

    boolean tryAcquire(UUID userId) {
        return buckets.get(userId, id -> Bucket.builder().addLimit(limit).build()).tryConsume(1);
    }
}
