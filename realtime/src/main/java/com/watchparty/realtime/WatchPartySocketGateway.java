package com.watchparty.realtime;

import com.watchparty.api.batch.PartyBatches;
import com.watchparty.api.error.BatchOutcome;
import com.watchparty.api.chat.SendChatMessageBatchCommand;
import com.watchparty.api.chat.SendChatMessageCommand;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.error.Rejection;
import com.watchparty.api.error.Rejections;
import com.watchparty.api.identity.Caller;
import com.watchparty.api.moderation.BanUserCommand;
import com.watchparty.api.moderation.DeleteMessageCommand;
import com.watchparty.api.moderation.KickUserCommand;
import com.watchparty.api.moderation.Moderator;
import com.watchparty.api.moderation.MuteUserCommand;
import com.watchparty.api.moderation.SetModeratorCommand;
import com.watchparty.api.moderation.SetRoomSettingsCommand;
import com.watchparty.api.moderation.TransferHostCommand;
import com.watchparty.api.moderation.UnbanUserCommand;
import com.watchparty.api.playback.ControlPlaybackCommand;
import com.watchparty.api.playback.PlayerAction;
import com.watchparty.api.reaction.Reactions;
import com.watchparty.api.replay.ReplayTimeline;
import com.watchparty.realtime.presence.Presence;
import com.watchparty.realtime.reactions.ReactionWindows;
import com.watchparty.realtime.room.RoomChannels;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.json.JSONArray;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The seed's {@code /watch-party} namespace. Every action is an Axon command sent on behalf of the user the token
 * names; nothing is echoed: what the room sees comes from the room feed once the events are stored.
 * Every client event is answered with an ack {@code {ok: true, …}} or {@code {ok: false, error: {code, message}}},
 * an unknown one with {@code unknown_event}. A socket lives as long as its token: at the token's expiry it gets
 * {@code auth_error} {@code token_expired} and is disconnected, so the client reconnects with a fresh token.
 */
@Component
@EnableConfigurationProperties(RealtimeRules.class)
class WatchPartySocketGateway {

    private static final Logger log = LoggerFactory.getLogger(WatchPartySocketGateway.class);
    private static final Rejection TOKEN_EXPIRED = new Rejection(ErrorCode.TOKEN_EXPIRED,
            "the token has expired; connect again with a fresh one", null);
    /** A longer round trip a client reports counts as this: far beyond any lead a play is given. */
    private static final int MAX_ROUND_TRIP_MILLIS = 10_000;

    private final BearerTokens tokens;
    private final CommandGateway commands;
    private final Presence presence;
    private final PartyBatches<SendChatMessageCommand, BatchOutcome> chat;
    private final RoomChannels rooms;
    private final FloodControl floodControl;
    private final PlayerActionQueue playerActions;
    private final Replays replays;
    private final ReactionWindows reactions;
    private final RealtimeRules rules;
    private final Clock clock;
    private final ScheduledExecutorService expiries;
    /**
     * Every client event of the namespace, by name; anything else is answered {@code unknown_event}. Static, so
     * that the events are known without a running gateway: the AsyncAPI document must describe exactly these.
     */
    private static final Map<String, Handler> HANDLERS = Map.ofEntries(
            Map.entry("join_party", WatchPartySocketGateway::join),
            Map.entry("leave_party", WatchPartySocketGateway::leave),
            Map.entry("send_message", WatchPartySocketGateway::sendMessage),
            Map.entry("player_action", WatchPartySocketGateway::playerAction),
            Map.entry("time_sync", WatchPartySocketGateway::timeSync),
            Map.entry("join_replay", WatchPartySocketGateway::joinReplay),
            Map.entry("replay_seek", WatchPartySocketGateway::replaySeek),
            Map.entry("set_moderator", (gateway, session, request) -> gateway.moderate(session, request,
                    (partyId, userId, by) -> new SetModeratorCommand(partyId, userId, request.bool("moderator"), by))),
            Map.entry("mute_user", (gateway, session, request) -> gateway.moderate(session, request,
                    (partyId, userId, by) -> new MuteUserCommand(partyId, userId, request.wholeNumber("seconds"), by))),
            Map.entry("kick_user", (gateway, session, request) -> gateway.moderate(session, request,
                    KickUserCommand::new)),
            Map.entry("ban_user", (gateway, session, request) -> gateway.moderate(session, request,
                    (partyId, userId, by) -> new BanUserCommand(partyId, userId,
                            request.has("reason") ? request.text("reason") : null, by))),
            Map.entry("unban_user", (gateway, session, request) -> gateway.moderate(session, request,
                    UnbanUserCommand::new)),
            Map.entry("transfer_host", (gateway, session, request) -> gateway.moderate(session, request,
                    TransferHostCommand::new)),
            Map.entry("delete_message", WatchPartySocketGateway::deleteMessage),
            Map.entry("set_room_settings", WatchPartySocketGateway::setRoomSettings),
            Map.entry("send_reaction", WatchPartySocketGateway::sendReaction));

    /** One client event's handling: its ack's payload, or a failure that {@link Rejections} turns into the ack. */
    @FunctionalInterface
    private interface Handler {
        CompletableFuture<JSONObject> handle(WatchPartySocketGateway gateway, Session session, SocketRequest request);
    }

    WatchPartySocketGateway(SocketIoNamespace watchPartyNamespace, BearerTokens tokens, CommandGateway commands,
                            Presence presence, RoomChannels rooms, FloodControl floodControl,
                            PlayerActionQueue playerActions, Replays replays, ReactionWindows reactions,
                            RealtimeRules rules, Clock clock, ScheduledExecutorService realtimeTimers) {
        this.tokens = tokens;
        this.commands = commands;
        this.presence = presence;
        this.chat = new PartyBatches<>(commands, SendChatMessageBatchCommand::new, rules.chatAppendInterval(),
                realtimeTimers);
        this.rooms = rooms;
        this.floodControl = floodControl;
        this.playerActions = playerActions;
        this.replays = replays;
        this.reactions = reactions;
        this.rules = rules;
        this.clock = clock;
        this.expiries = realtimeTimers;
        watchPartyNamespace.on("connection", args -> connected((SocketIoSocket) args[0]));
    }

    /**
     * One connected, authenticated socket until its token expires, the parties it joined, the finished party it
     * replays, if any, and the round trip its client last measured (ms, 0 before it has).
     */
    private record Session(SocketIoSocket socket, Caller caller, Instant expiresAt, Set<UUID> parties,
                           AtomicReference<UUID> replay, AtomicInteger roundTrip) {
    }

    private void connected(SocketIoSocket socket) {
        Optional<BearerTokens.Bearer> bearer = tokens.verify(tokenOf(socket));
        if (bearer.isEmpty()) {
            refuse(socket, new Rejection(ErrorCode.UNAUTHORIZED,
                    "a valid token is required in the handshake's auth.token", null));
            return;
        }
        var session = new Session(socket, bearer.get().caller(), bearer.get().expiresAt(),
                ConcurrentHashMap.newKeySet(), new AtomicReference<>(), new AtomicInteger());
        HANDLERS.forEach((event, handler) -> on(session, event, handler));
        socket.registerAllEventListener((event, args) -> {
            if (!HANDLERS.containsKey(event)) {
                SocketRequest.of(args).reply(SocketEvents.error(new Rejection(ErrorCode.UNKNOWN_EVENT,
                        "no such event: " + event.substring(0, Math.min(event.length(), 64)), null)));
            }
        });
        ScheduledFuture<?> expiry = expiries.schedule(() -> expired(session),
                Math.max(0, session.expiresAt().toEpochMilli() - clock.millis()), TimeUnit.MILLISECONDS);
        socket.on("disconnect", args -> {
            if (socket.isConnected()) {
                return; // a client's own event named "disconnect", not the socket closing
            }
            expiry.cancel(false);
            session.parties().forEach(partyId -> {
                rooms.exit(partyId, socket);
                presence.disconnected(partyId, session.caller().id(), socket.getId());
            });
        });
    }

    /** Tells the client why, then disconnects it: it reconnects with a fresh token, within the presence grace. */
    private void expired(Session session) {
        refuse(session.socket(), TOKEN_EXPIRED);
    }

    private static void refuse(SocketIoSocket socket, Rejection rejection) {
        socket.send(SocketEvents.AUTH_ERROR, SocketEvents.error(rejection).getJSONObject("error"));
        socket.disconnect(false); // a namespace disconnect, queued after the error; closing the transport would drop both
    }

    private CompletableFuture<JSONObject> join(Session session, SocketRequest request) {
        UUID partyId = request.uuid("partyId");
        if (request.has("userId") && !session.caller().id().equals(request.uuid("userId"))) {
            throw new RejectedException(ErrorCode.FORBIDDEN, "userId does not match your token", "userId");
        }
        return presence.join(partyId, session.caller(), session.socket().getId(), session.roundTrip().get())
                .thenApply(joined -> {
                    session.parties().add(partyId);
                    rooms.enter(partyId, session.caller().id(), session.socket());
                    return SocketEvents.ok().put("partyId", partyId.toString())
                            .put("userId", session.caller().id().toString()).put("username", session.caller().name());
                });
    }

    private CompletableFuture<JSONObject> leave(Session session, SocketRequest request) {
        UUID partyId = request.uuid("partyId");
        if (session.parties().remove(partyId)) {
            rooms.exit(partyId, session.socket());
            presence.leave(partyId, session.caller().id(), session.socket().getId());
        }
        return CompletableFuture.completedFuture(SocketEvents.ok().put("partyId", partyId.toString()));
    }

    private CompletableFuture<JSONObject> sendMessage(Session session, SocketRequest request) {
        UUID partyId = joinedParty(session, request);
        String content = request.text("content");
        if (!floodControl.tryAcquire(FloodControl.Budget.CHAT, session.caller().id())) {
            throw new RejectedException(ErrorCode.RATE_LIMITED, "slow down: too many messages");
        }
        UUID messageId = UUID.randomUUID();
        return chat.send(partyId, new SendChatMessageCommand(partyId, messageId, session.caller().id(), content))
                .thenApply(stored -> SocketEvents.ok().put("id", messageId.toString()));
    }

    /** Acked once counted: the window's counts are stored and pushed to the room together. */
    private CompletableFuture<JSONObject> sendReaction(Session session, SocketRequest request) {
        UUID partyId = joinedParty(session, request);
        String emoji = request.text("emoji");
        if (!Reactions.EMOJI.contains(emoji)) {
            throw new RejectedException(ErrorCode.VALIDATION_FAILED, "emoji must be one of " + Reactions.EMOJI,
                    "emoji");
        }
        if (!floodControl.tryAcquire(FloodControl.Budget.REACTION, session.caller().id())) {
            throw new RejectedException(ErrorCode.RATE_LIMITED, "slow down: too many reactions");
        }
        reactions.add(partyId, emoji);
        return CompletableFuture.completedFuture(SocketEvents.ok());
    }

    private CompletableFuture<JSONObject> playerAction(Session session, SocketRequest request) {
        UUID partyId = joinedParty(session, request);
        PlayerAction action = PlayerAction.fromWireName(request.text("action")).orElseThrow(() ->
                new RejectedException(ErrorCode.VALIDATION_FAILED, "action must be play, pause or seek", "action"));
        double position = request.number("position");
        if (!floodControl.tryAcquire(FloodControl.Budget.PLAYER, session.caller().id())) {
            throw new RejectedException(ErrorCode.RATE_LIMITED, "slow down: too many player actions");
        }
        return playerActions.submit(partyId, session.caller().id(), action, () -> commands.send(
                new ControlPlaybackCommand(partyId, session.caller().id(), action, position, session.caller().admin(),
                        startsIn(partyId, action)))
                .thenApply(done -> SocketEvents.ok()));
    }

    /**
     * How far ahead a play or seek takes effect: the largest round trip measured in the room (on any instance) plus
     * a margin, within the limit, as Jellyfin's SyncPlay sets its {@code When}. Every player then has the change
     * before it is due and starts the frame at the same moment. A pause stops each player on arrival.
     */
    private long startsIn(UUID partyId, PlayerAction action) {
        long limit = rules.maxStartLead().toMillis();
        if (action == PlayerAction.PAUSE || limit == 0) {
            return 0;
        }
        return Math.min(limit, presence.largestRoundTrip(partyId) + rules.startMargin().toMillis());
    }

    /** A moderation command about {@code {partyId, userId}}; the party decides who may send it. */
    private CompletableFuture<JSONObject> moderate(Session session, SocketRequest request, ModerationCommand command) {
        UUID partyId = request.uuid("partyId");
        UUID userId = request.uuid("userId");
        return moderation(session, command.of(partyId, userId, moderator(session)));
    }

    /** Its author's within minutes of sending it, or a moderator's: the party judges. */
    private CompletableFuture<JSONObject> deleteMessage(Session session, SocketRequest request) {
        UUID partyId = request.uuid("partyId");
        UUID messageId = request.uuid("messageId");
        return moderation(session, new DeleteMessageCommand(partyId, messageId, moderator(session)));
    }

    /** The host's or an admin's: {@code slowModeSeconds}, {@code hostOnlyPlayback}, or both. */
    private CompletableFuture<JSONObject> setRoomSettings(Session session, SocketRequest request) {
        UUID partyId = request.uuid("partyId");
        Integer slowMode = request.has("slowModeSeconds")
                ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, request.wholeNumber("slowModeSeconds")))
                : null;
        Boolean hostOnly = request.has("hostOnlyPlayback") ? request.bool("hostOnlyPlayback") : null;
        return moderation(session, new SetRoomSettingsCommand(partyId, slowMode, hostOnly, moderator(session)));
    }

    private CompletableFuture<JSONObject> moderation(Session session, Object command) {
        if (!floodControl.tryAcquire(FloodControl.Budget.PLAYER, session.caller().id())) {
            throw new RejectedException(ErrorCode.RATE_LIMITED, "slow down: too many actions");
        }
        return commands.send(command).thenApply(done -> SocketEvents.ok());
    }

    private static Moderator moderator(Session session) {
        return new Moderator(session.caller().id(), session.caller().admin());
    }

    @FunctionalInterface
    private interface ModerationCommand {
        Object of(UUID partyId, UUID userId, Moderator by);
    }

    /** Opens a finished party's replay on this socket: the ack carries the film's playback segments. */
    private CompletableFuture<JSONObject> joinReplay(Session session, SocketRequest request) {
        UUID partyId = request.uuid("partyId");
        ReplayTimeline timeline = replays.open(partyId, session.caller());
        session.replay().set(partyId);
        return CompletableFuture.completedFuture(SocketEvents.ok().put("partyId", partyId.toString())
                .put("startTime", timeline.startTime() == null ? JSONObject.NULL : timeline.startTime().toString())
                .put("durationSeconds", timeline.movieDurationSeconds())
                .put("segments", SocketEvents.segments(timeline.segments())));
    }

    /**
     * The viewer is at {@code position}: sends {@code replay_events} with everything in the next window of film,
     * so a player fetches chat ahead as it plays and after each scrub, without downloading the whole party.
     */
    private CompletableFuture<JSONObject> replaySeek(Session session, SocketRequest request) {
        UUID partyId = session.replay().get();
        if (partyId == null) {
            throw new RejectedException(ErrorCode.NOT_JOINED, "join_replay first");
        }
        double position = request.number("position");
        if (position < 0) {
            throw new RejectedException(ErrorCode.VALIDATION_FAILED, "position must be 0 or more", "position");
        }
        double to = position + rules.replayWindow().toSeconds();
        JSONArray events = new JSONArray();
        replays.window(partyId, position, to).events().items()
                .forEach(entry -> events.put(SocketEvents.replayEntry(entry)));
        session.socket().send(SocketEvents.REPLAY_EVENTS, new JSONObject().put("partyId", partyId.toString())
                .put("from", position).put("to", to).put("events", events));
        return CompletableFuture.completedFuture(SocketEvents.ok().put("from", position).put("to", to)
                .put("count", events.length()));
    }

    /**
     * NTP-style: the client's t0 back, with the server's receive (t1) and send (t2) times in epoch ms. A client may
     * add {@code rtt}, the round trip (ms) its samples so far measured: a play in its rooms is scheduled for it.
     */
    private CompletableFuture<JSONObject> timeSync(Session session, SocketRequest request) {
        long received = clock.millis();
        double t0 = request.number("t0");
        if (request.has("rtt")) {
            double rtt = request.number("rtt");
            if (rtt < 0) {
                throw new RejectedException(ErrorCode.VALIDATION_FAILED, "rtt must be 0 or more milliseconds", "rtt");
            }
            int roundTrip = (int) Math.ceil(Math.min(rtt, MAX_ROUND_TRIP_MILLIS));
            session.roundTrip().set(roundTrip);
            session.parties().forEach(partyId -> presence.roundTrip(partyId, session.caller().id(),
                    session.socket().getId(), roundTrip));
        }
        return CompletableFuture.completedFuture(SocketEvents.ok().put("t0", t0).put("t1", received)
                .put("t2", clock.millis()));
    }

    private static UUID joinedParty(Session session, SocketRequest request) {
        UUID partyId = request.uuid("partyId");
        if (!session.parties().contains(partyId)) {
            throw new RejectedException(ErrorCode.NOT_JOINED, "join_party first", "partyId");
        }
        return partyId;
    }

    /** The client events of the namespace. */
    static Set<String> clientEvents() {
        return HANDLERS.keySet();
    }

    private void on(Session session, String event, Handler handler) {
        session.socket().on(event, args -> {
            SocketRequest request = SocketRequest.of(args);
            if (!clock.instant().isBefore(session.expiresAt())) {
                request.reply(SocketEvents.error(TOKEN_EXPIRED));
                expired(session);
                return;
            }
            try {
                handler.handle(this, session, request).whenComplete((answer, failure) ->
                        request.reply(failure == null ? answer : SocketEvents.error(rejectionOf(event, failure))));
            } catch (RuntimeException failure) {
                request.reply(SocketEvents.error(rejectionOf(event, failure)));
            }
        });
    }

    private static Rejection rejectionOf(String event, Throwable failure) {
        Rejection rejection = Rejections.of(failure);
        if (rejection == Rejections.INTERNAL_ERROR) {
            log.error("socket event {} failed", event, failure);
        }
        return rejection;
    }

    /** The handshake's {@code auth.token}, or the {@code ?token=} of its URL. */
    private static String tokenOf(SocketIoSocket socket) {
        if (socket.getConnectData() instanceof JSONObject auth && auth.opt("token") instanceof String token) {
            return token;
        }
        return socket.getInitialQuery() == null ? null : socket.getInitialQuery().get("token");
    }
}
