package com.watchparty.realtime.room;

import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.api.moderation.HostChangedEvent;
import com.watchparty.api.moderation.MessageDeletedEvent;
import com.watchparty.api.moderation.ModeratorChangedEvent;
import com.watchparty.api.moderation.SlowModeChangedEvent;
import com.watchparty.api.moderation.UserBannedEvent;
import com.watchparty.api.moderation.UserKickedEvent;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.WatchPartyFinishedEvent;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.party.WatchPartyStartedEvent;
import com.watchparty.api.party.WatchPartyUpdatedEvent;
import com.watchparty.api.playback.PlaybackChangedEvent;
import com.watchparty.api.playback.PlaybackControlChangedEvent;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.reaction.ReactionsRecordedEvent;
import com.watchparty.api.presence.UserLeftPartyEvent;
import com.watchparty.api.room.ChatMessage;
import com.watchparty.api.room.Participant;
import com.watchparty.api.room.PlaybackState;
import com.watchparty.api.room.RoomSettings;
import com.watchparty.api.room.RoomSnapshot;
import com.watchparty.api.room.RoomUpdate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A party's room folded from its events: who is in, the player, the latest chat. Pure: it is given each event
 * with its sequence number and time, and says what changed.
 */
final class RoomState {

    private final UUID partyId;
    private long sequence = -1;
    private PartyStatus status = PartyStatus.UPCOMING;
    private Instant startTime = Instant.EPOCH;
    private int movieDurationSeconds;
    private UUID hostId;
    private PlaybackState playback = PlaybackState.pausedAtStart(Instant.EPOCH);
    private final Set<UUID> moderators = new HashSet<>();
    private RoomSettings settings = RoomSettings.DEFAULT;
    private final Map<UUID, String> participants = new LinkedHashMap<>();
    private final Map<UUID, String> names = new HashMap<>();
    private final Deque<ChatMessage> recentMessages = new ArrayDeque<>();

    RoomState(UUID partyId) {
        this.partyId = partyId;
    }

    long sequence() {
        return sequence;
    }

    boolean exists() {
        return sequence >= 0;
    }

    /** Applies the party's event number {@code eventSequence}; returns the change clients must see, if any. */
    Optional<RoomUpdate> apply(Object event, long eventSequence, Instant at) {
        sequence = eventSequence;
        if (event instanceof WatchPartyScheduledEvent e) {
            startTime = e.startTime();
            movieDurationSeconds = e.movieDurationSeconds();
            hostId = e.scheduledBy();
            playback = PlaybackState.pausedAtStart(at);
        } else if (event instanceof WatchPartyUpdatedEvent e) {
            startTime = e.startTime();
        } else if (event instanceof WatchPartyStartedEvent) {
            status = PartyStatus.ONGOING;
            return Optional.of(new RoomUpdate.StatusChanged(partyId, sequence, status));
        } else if (event instanceof WatchPartyFinishedEvent) {
            status = PartyStatus.FINISHED;
            participants.clear();
            playback = new PlaybackState(false, playback.positionAt(at, movieDurationSeconds), at,
                    playback.playbackRate(), playback.updatedBy());
            return Optional.of(new RoomUpdate.StatusChanged(partyId, sequence, status));
        } else if (event instanceof UserJoinedPartyEvent e) {
            participants.remove(e.userId()); // a user who comes back is the latest to have joined
            participants.put(e.userId(), e.username());
            names.put(e.userId(), e.username());
            return Optional.of(new RoomUpdate.UserJoined(partyId, sequence, participant(e.userId())));
        } else if (event instanceof UserLeftPartyEvent e) {
            participants.remove(e.userId());
            return Optional.of(new RoomUpdate.UserLeft(partyId, sequence, participant(e.userId())));
        } else if (event instanceof ChatMessageSentEvent e) {
            ChatMessage message = new ChatMessage(e.messageId(), partyId, e.userId(), names.get(e.userId()),
                    e.content(), at, secondsBetween(startTime, at), playback.positionAt(at, movieDurationSeconds));
            recentMessages.addLast(message);
            if (recentMessages.size() > RoomSnapshot.RECENT_MESSAGES) {
                recentMessages.removeFirst();
            }
            return Optional.of(new RoomUpdate.MessagePosted(partyId, sequence, message));
        } else if (event instanceof ReactionsRecordedEvent e) {
            return Optional.of(new RoomUpdate.ReactionsCounted(partyId, sequence, e.counts(),
                    playback.positionAt(at, movieDurationSeconds)));
        } else if (event instanceof SlowModeChangedEvent e) {
            settings = new RoomSettings(e.seconds(), settings.hostOnlyPlayback());
            return Optional.of(new RoomUpdate.SettingsChanged(partyId, sequence, settings));
        } else if (event instanceof PlaybackControlChangedEvent e) {
            settings = new RoomSettings(settings.slowModeSeconds(), e.hostOnly());
            return Optional.of(new RoomUpdate.SettingsChanged(partyId, sequence, settings));
        } else if (event instanceof MessageDeletedEvent e) {
            recentMessages.removeIf(m -> m.id().equals(e.messageId()));
            return Optional.of(new RoomUpdate.MessageDeleted(partyId, sequence, e.messageId(), e.deletedBy()));
        } else if (event instanceof HostChangedEvent e) {
            hostId = e.hostId();
            return Optional.of(new RoomUpdate.HostChanged(partyId, sequence, hostId));
        } else if (event instanceof ModeratorChangedEvent e) {
            if (e.moderator()) {
                moderators.add(e.userId());
            } else {
                moderators.remove(e.userId());
            }
            return Optional.of(new RoomUpdate.ModeratorChanged(partyId, sequence, e.userId(), e.moderator()));
        } else if (event instanceof UserKickedEvent e) {
            return Optional.of(new RoomUpdate.UserRemoved(partyId, sequence, e.userId(), false));
        } else if (event instanceof UserBannedEvent e) {
            return Optional.of(new RoomUpdate.UserRemoved(partyId, sequence, e.userId(), true));
        } else if (event instanceof PlaybackChangedEvent e) {
            playback = playback.after(e.action(), e.position(), e.effectiveAt(at), e.userId());
            return Optional.of(new RoomUpdate.PlaybackChanged(partyId, sequence, playback));
        }
        return Optional.empty();
    }

    RoomSnapshot snapshot(Instant now) {
        return new RoomSnapshot(partyId, sequence, status, movieDurationSeconds, hostId, moderators, participants(),
                playback.at(now, movieDurationSeconds), new ArrayList<>(recentMessages), settings);
    }

    private Participant participant(UUID userId) {
        return new Participant(userId, names.get(userId));
    }

    private List<Participant> participants() {
        return participants.entrySet().stream().map(p -> new Participant(p.getKey(), p.getValue())).toList();
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
