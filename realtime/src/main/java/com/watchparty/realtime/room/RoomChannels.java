package com.watchparty.realtime.room;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.room.ChatMessage;
import com.watchparty.api.room.Participant;
import com.watchparty.api.room.PlaybackState;
import com.watchparty.api.room.RoomQuery;
import com.watchparty.api.room.RoomSettings;
import com.watchparty.api.room.RoomSnapshot;
import com.watchparty.api.room.RoomUpdate;
import com.watchparty.realtime.RealtimeRules;
import com.watchparty.realtime.SocketEvents;
import io.socket.socketio.server.SocketIoSocket;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One channel per party with sockets on this instance: a subscription to the party's {@link RoomQuery} whose
 * updates are sent to the party's sockets, and a mirror of the room so a newcomer is brought up to date without
 * a gap or a repeat (both are ordered by the party's event sequence). The channel keeps its own socket set under
 * its lock rather than the library's rooms, whose adapter is not safe for concurrent joins and broadcasts.
 * <p>
 * Presence costs what a crowd can afford. A join or leave is a delta ({@code user_joined}, {@code user_left}) sent
 * as it happens only while the room is at most {@link RealtimeRules#crowdSize()}; the {@code participant_list} goes
 * to the room at most once per {@link RealtimeRules#listEvery()}, and a crowd's list names only its host and latest
 * joiners (with the count of everyone). Otherwise each of N joins would send all N names to all N people.
 */
@Component
public class RoomChannels {

    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(RoomChannels.class);

    private final Map<UUID, Channel> channels = new ConcurrentHashMap<>();
    private final QueryGateway queries;
    private final SendLanes lanes;
    private final RealtimeRules rules;
    private final Clock clock;
    private final ScheduledExecutorService lists;

    RoomChannels(QueryGateway queries, SendLanes lanes, RealtimeRules rules, Clock clock,
                 ScheduledExecutorService realtimeTimers) {
        this.queries = queries;
        this.lanes = lanes;
        this.rules = rules;
        this.clock = clock;
        this.lists = realtimeTimers;
    }

    /**
     * Adds {@code userId}'s socket to the room and sends it, in order: participant_list, sync_player, the last
     * messages, room_settings.
     */
    public void enter(UUID partyId, UUID userId, SocketIoSocket socket) {
        while (true) {
            Channel channel = channels.computeIfAbsent(partyId, Channel::new);
            synchronized (channel) {
                if (channel.closed) {
                    continue; // lost a race with the last socket leaving: take a fresh channel
                }
                channel.open();
                channel.sockets.put(socket.getId(), socket);
                channel.users.put(socket.getId(), userId);
                socket.send(SocketEvents.PARTICIPANT_LIST, channel.listForNewcomer());
                socket.send(SocketEvents.SYNC_PLAYER, SocketEvents.syncPlayer(partyId,
                        channel.playback.at(clock.instant(), channel.durationSeconds)));
                channel.recentMessages.forEach(m -> socket.send(SocketEvents.NEW_MESSAGE, SocketEvents.message(m)));
                socket.send(SocketEvents.ROOM_SETTINGS, SocketEvents.roomSettings(partyId, channel.settings,
                        channel.hostId));
                return;
            }
        }
    }

    public void exit(UUID partyId, SocketIoSocket socket) {
        Channel channel = channels.get(partyId);
        if (channel == null) {
            return;
        }
        boolean last;
        synchronized (channel) {
            channel.sockets.remove(socket.getId());
            channel.users.remove(socket.getId());
            last = channel.sockets.isEmpty();
            if (last) {
                channel.closed = true;
                channels.remove(partyId, channel);
            }
        }
        if (last) {
            // outside the channel's lock: cancelling waits for an update being delivered, which needs that lock
            channel.close();
        }
    }

    private final class Channel {

        private final UUID partyId;
        private final Map<String, SocketIoSocket> sockets = new HashMap<>();
        /** Whose each socket is, so a kick or a ban takes all of a user's sockets out. */
        private final Map<String, UUID> users = new HashMap<>();
        private final Deque<ChatMessage> recentMessages = new ArrayDeque<>();
        private SubscriptionQueryResult<Optional<RoomSnapshot>, RoomUpdate> subscription;
        private Disposable updates;
        private boolean closed;
        private long sequence;
        private int durationSeconds;
        private UUID hostId;
        private final Set<UUID> moderators = new HashSet<>();
        /** Who is in, in join order: the latest joiners are the last. */
        private final LinkedHashMap<UUID, Participant> participants = new LinkedHashMap<>();
        private PlaybackState playback;
        private RoomSettings settings;
        private boolean listScheduled;
        private long listSentAt = Long.MIN_VALUE / 2;
        /** A crowd's list as last sent to the room: what newcomers get until the next one, not a list per newcomer. */
        private JSONObject crowdList;

        Channel(UUID partyId) {
            this.partyId = partyId;
        }

        /** Subscribes on first use; the initial snapshot and the buffered updates then keep the mirror current. */
        void open() {
            if (subscription != null) {
                return;
            }
            subscription = queries.subscriptionQuery(new RoomQuery(partyId),
                    ResponseTypes.optionalInstanceOf(RoomSnapshot.class), ResponseTypes.instanceOf(RoomUpdate.class));
            Optional<RoomSnapshot> snapshot = subscription.initialResult().block(SNAPSHOT_TIMEOUT);
            if (snapshot == null || snapshot.isEmpty()) {
                closed = true;
                channels.remove(partyId, this);
                close();
                throw new RejectedException(ErrorCode.PARTY_NOT_FOUND, "no watch party with id " + partyId);
            }
            RoomSnapshot room = snapshot.get();
            sequence = room.sequence();
            durationSeconds = room.movieDurationSeconds();
            hostId = room.hostId();
            moderators.addAll(room.moderators());
            room.participants().forEach(p -> participants.put(p.userId(), p));
            playback = room.playback();
            settings = room.settings();
            recentMessages.addAll(room.recentMessages());
            updates = subscription.updates().subscribe(this::onUpdate,
                    failure -> log.error("room feed of party {} ended", partyId, failure));
        }

        void close() {
            closed = true;
            if (updates != null) {
                updates.dispose();
            }
            if (subscription != null) {
                subscription.cancel();
            }
        }

        private synchronized void onUpdate(RoomUpdate update) {
            if (closed || update.sequence() <= sequence) {
                return;
            }
            sequence = update.sequence();
            if (update instanceof RoomUpdate.UserJoined joined) {
                participants.remove(joined.participant().userId());
                participants.put(joined.participant().userId(), joined.participant());
                if (participants.size() <= rules.crowdSize()) {
                    send(SocketEvents.USER_JOINED, SocketEvents.participant(partyId, joined.participant()));
                }
                listChanged();
            } else if (update instanceof RoomUpdate.UserLeft left) {
                participants.remove(left.participant().userId());
                if (participants.size() < rules.crowdSize()) {
                    send(SocketEvents.USER_LEFT, SocketEvents.participant(partyId, left.participant()));
                }
                listChanged();
            } else if (update instanceof RoomUpdate.MessagePosted posted) {
                recentMessages.addLast(posted.message());
                if (recentMessages.size() > RoomSnapshot.RECENT_MESSAGES) {
                    recentMessages.removeFirst();
                }
                send(SocketEvents.NEW_MESSAGE, SocketEvents.message(posted.message()));
            } else if (update instanceof RoomUpdate.PlaybackChanged changed) {
                playback = changed.playback();
                send(SocketEvents.SYNC_PLAYER, SocketEvents.syncPlayer(partyId, playback));
            } else if (update instanceof RoomUpdate.ReactionsCounted reactions) {
                send(SocketEvents.REACTIONS, SocketEvents.reactions(partyId, reactions.counts(), reactions.mediaTime()));
            } else if (update instanceof RoomUpdate.SettingsChanged changed) {
                settings = changed.settings();
                send(SocketEvents.ROOM_SETTINGS, SocketEvents.roomSettings(partyId, settings, hostId));
            } else if (update instanceof RoomUpdate.HostChanged changed) {
                hostId = changed.hostId();
                send(SocketEvents.ROOM_SETTINGS, SocketEvents.roomSettings(partyId, settings, hostId));
                listChanged();
            } else if (update instanceof RoomUpdate.MessageDeleted deleted) {
                recentMessages.removeIf(m -> m.id().equals(deleted.messageId()));
                send(SocketEvents.MESSAGE_DELETED, SocketEvents.messageDeleted(partyId, deleted.messageId(),
                        deleted.deletedBy()));
            } else if (update instanceof RoomUpdate.ModeratorChanged changed) {
                if (changed.moderator()) {
                    moderators.add(changed.userId());
                } else {
                    moderators.remove(changed.userId());
                }
                listChanged();
            } else if (update instanceof RoomUpdate.UserRemoved removed) {
                remove(removed.userId(), removed.banned());
            } else if (update instanceof RoomUpdate.StatusChanged status) {
                send(SocketEvents.PARTY_STATUS, SocketEvents.status(partyId, status.status().wireName()));
                if (status.status() == PartyStatus.FINISHED) {
                    participants.clear();
                    listChanged();
                }
            }
        }

        /**
         * Tells the user's sockets, then takes them out of the room at once. They may {@code join_party} again (the
         * party refuses the banned); their {@code leave_party} or disconnect closes the channel as usual.
         */
        private void remove(UUID userId, boolean banned) {
            List<SocketIoSocket> theirs = users.entrySet().stream().filter(u -> u.getValue().equals(userId))
                    .map(u -> sockets.get(u.getKey())).toList();
            if (theirs.isEmpty()) {
                return;
            }
            lanes.send(theirs, SocketEvents.KICKED, SocketEvents.kicked(partyId, banned));
            theirs.forEach(socket -> {
                sockets.remove(socket.getId());
                users.remove(socket.getId());
            });
        }

        /** A small room's exact list; a crowd's as the room last got it (at most one list interval old). */
        JSONObject listForNewcomer() {
            if (participants.size() <= rules.crowdSize() || crowdList == null) {
                return participantList();
            }
            return crowdList;
        }

        /** The room's list: everyone, or for a crowd its host and latest joiners, with the count of everyone. */
        private JSONObject participantList() {
            if (participants.size() <= rules.crowdSize()) {
                return SocketEvents.participantList(partyId, List.copyOf(participants.values()), participants.size(),
                        hostId, moderators);
            }
            Deque<Participant> shown = new ArrayDeque<>(rules.listLimit());
            Participant host = participants.get(hostId);
            Iterator<Participant> latestFirst = new ArrayDeque<>(participants.values()).descendingIterator();
            while (latestFirst.hasNext() && shown.size() < rules.listLimit() - (host == null ? 0 : 1)) {
                Participant next = latestFirst.next();
                if (next != host) {
                    shown.addFirst(next);
                }
            }
            if (host != null) {
                shown.addFirst(host);
            }
            return SocketEvents.participantList(partyId, List.copyOf(shown), participants.size(), hostId,
                    moderators);
        }

        /** Sends the list now if none went out for a while, else once that while is over: changes coalesce. */
        private void listChanged() {
            if (listScheduled) {
                return;
            }
            listScheduled = true;
            long wait = Math.max(0, listSentAt + rules.listEvery().toMillis() - clock.millis());
            lists.schedule(this::sendList, wait, TimeUnit.MILLISECONDS);
        }

        private synchronized void sendList() {
            listScheduled = false;
            if (closed) {
                return;
            }
            listSentAt = clock.millis();
            JSONObject list = participantList();
            crowdList = participants.size() > rules.crowdSize() ? list : null;
            send(SocketEvents.PARTICIPANT_LIST, list);
        }

        private void send(String event, JSONObject payload) {
            lanes.send(List.copyOf(sockets.values()), event, payload);
        }
    }
}
