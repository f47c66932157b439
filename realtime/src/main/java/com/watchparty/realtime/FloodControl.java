package com.watchparty.realtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * Flood control per user: a token bucket (a burst, then a steady rate) for each kind of thing a person can send to
 * the whole room. Chat and the player have budgets of their own, so a burst of seeks costs no chat and the other way
 * round. Idle users' buckets are forgotten.
 */
@Component
class FloodControl {

    /** What a budget is spent on: {@code PLAYER} also pays for moderation actions, both rare and deliberate. */
    enum Budget { CHAT, PLAYER, REACTION }

    private final Cache<UUID, Bucket> chat = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<UUID, Bucket> player = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<UUID, Bucket> reaction = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Bandwidth chatLimit;
    private final Bandwidth playerLimit;
    private final Bandwidth reactionLimit;

    FloodControl(RealtimeRules rules) {
        this.chatLimit = bandwidth(rules.chatBurst(), rules.chatPerSecond());
        this.playerLimit = bandwidth(rules.playerBurst(), rules.playerPerSecond());
        this.reactionLimit = bandwidth(rules.reactionBurst(), rules.reactionPerSecond());
    }

    /** @return whether {@code userId} may send one more of {@code budget} now; if so, it is spent */
    boolean tryAcquire(Budget budget, UUID userId) {
        Cache<UUID, Bucket> buckets = switch (budget) {
            case CHAT -> chat;
            case PLAYER -> player;
            case REACTION -> reaction;
        };
        Bandwidth limit = switch (budget) {
            case CHAT -> chatLimit;
            case PLAYER -> playerLimit;
            case REACTION -> reactionLimit;
        };
        return buckets.get(userId, id -> Bucket.builder().addLimit(limit).build()).tryConsume(1);
    }

    private static Bandwidth bandwidth(int burst, double perSecond) {
        return Bandwidth.builder().capacity(burst).refillGreedy(1, Duration.ofNanos((long) (1e9 / perSecond))).build();
    }
}
