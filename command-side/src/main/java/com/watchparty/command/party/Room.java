package com.watchparty.command.party;

import com.watchparty.api.moderation.Moderator;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A party's room: who is in it, who runs it (the host) and who moderates it, who is muted or banned, and what its
 * chat remembers for slow mode and deletions.
 * <p>
 * The party's events fill it in and its commands ask it. It is part of the party's snapshot: its fields are the
 * snapshot's format (see {@link WatchParty}).
 */
final class Room {

    private UUID host;
    /** Who is in the room, the longest present first: whom control passes to when the host leaves. */
    private final LinkedHashSet<UUID> participants = new LinkedHashSet<>();
    private final Set<UUID> moderators = new HashSet<>();
    private final Map<UUID, Instant> mutedUntil = new HashMap<>();
    private final Set<UUID> banned = new HashSet<>();
    private int slowModeSeconds;
    /** When each person who chatted last sent a line, for slow mode. */
    private final Map<UUID, Instant> lastMessageAt = new HashMap<>();
    /** The latest {@link WatchParty#DELETABLE_MESSAGES} messages, oldest first. */
    private final Map<UUID, SentMessage> deletableMessages = new LinkedHashMap<>();

    UUID host() {
        return host;
    }

    boolean isHost(UUID userId) {
        return userId.equals(host);
    }

    /** The host, or an admin: who runs the room (its settings, its moderators, who hosts it). */
    boolean isRunBy(Moderator by) {
        return by.admin() || isHost(by.userId());
    }

    boolean isPresent(UUID userId) {
        return participants.contains(userId);
    }

    boolean isModerator(UUID userId) {
        return moderators.contains(userId);
    }

    /** The host and the party's moderators; admins besides, when the command says who is one. */
    boolean moderates(UUID userId) {
        return isHost(userId) || isModerator(userId);
    }

    boolean isBanned(UUID userId) {
        return banned.contains(userId);
    }

    int slowModeSeconds() {
        return slowModeSeconds;
    }

    /** Until when this person may not chat; {@link Instant#MIN} if never muted. */
    Instant mutedUntil(UUID userId) {
        return mutedUntil.getOrDefault(userId, Instant.MIN);
    }

    /** When slow mode lets this person send their next line. */
    Instant nextLineAt(UUID userId) {
        return lastMessageAt.getOrDefault(userId, Instant.MIN).plusSeconds(slowModeSeconds);
    }

    /** One of the latest messages, if it was not deleted. */
    Optional<SentMessage> message(UUID messageId) {
        return Optional.ofNullable(deletableMessages.get(messageId));
    }

    /** Of those in the room who pass the test, the one who has been there longest. */
    Optional<UUID> longestPresent(Predicate<UUID> test) {
        return participants.stream().filter(test).findFirst();
    }

    void hostedBy(UUID userId) {
        host = userId;
    }

    void enter(UUID userId) {
        participants.add(userId);
    }

    void leave(UUID userId) {
        participants.remove(userId);
    }

    void close() {
        participants.clear();
    }

    void moderatedBy(UUID userId, boolean moderator) {
        if (moderator) {
            moderators.add(userId);
        } else {
            moderators.remove(userId);
        }
    }

    void mute(UUID userId, Instant until) {
        mutedUntil.put(userId, until);
    }

    void ban(UUID userId) {
        banned.add(userId);
    }

    void unban(UUID userId) {
        banned.remove(userId);
    }

    void slowMode(int seconds) {
        slowModeSeconds = seconds;
    }

    void chatted(UUID messageId, UUID author, Instant sentAt) {
        lastMessageAt.put(author, sentAt);
        deletableMessages.put(messageId, new SentMessage(author, sentAt));
        if (deletableMessages.size() > WatchParty.DELETABLE_MESSAGES) {
            deletableMessages.remove(deletableMessages.keySet().iterator().next());
        }
    }

    void deleted(UUID messageId) {
        deletableMessages.remove(messageId);
    }

    record SentMessage(UUID author, Instant sentAt) {
    }
}
