package com.watchparty.command.party;

import com.watchparty.api.chat.ChatMessageSentEvent;
import com.watchparty.api.error.BatchOutcome;
import com.watchparty.api.error.BatchOutcomes;
import com.watchparty.api.error.CommandOutcome;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.error.Rejection;
import com.watchparty.api.chat.SendChatMessageCommand;
import com.watchparty.api.chat.SendChatMessageBatchCommand;
import com.watchparty.api.party.PartyAccess;
import com.watchparty.api.party.PartyAccessChangedEvent;
import com.watchparty.api.moderation.BanUserCommand;
import com.watchparty.api.moderation.DeleteMessageCommand;
import com.watchparty.api.moderation.HostChangedEvent;
import com.watchparty.api.moderation.MessageDeletedEvent;
import com.watchparty.api.moderation.KickUserCommand;
import com.watchparty.api.moderation.Moderator;
import com.watchparty.api.moderation.ModeratorChangedEvent;
import com.watchparty.api.moderation.MuteUserCommand;
import com.watchparty.api.moderation.SetModeratorCommand;
import com.watchparty.api.moderation.SetRoomSettingsCommand;
import com.watchparty.api.moderation.SlowModeChangedEvent;
import com.watchparty.api.moderation.TransferHostCommand;
import com.watchparty.api.moderation.UnbanUserCommand;
import com.watchparty.api.moderation.UserBannedEvent;
import com.watchparty.api.moderation.UserKickedEvent;
import com.watchparty.api.moderation.UserMutedEvent;
import com.watchparty.api.moderation.UserUnbannedEvent;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.RotateInvitationCodeCommand;
import com.watchparty.api.party.ScheduleWatchPartyCommand;
import com.watchparty.api.party.UpdateWatchPartyCommand;
import com.watchparty.api.party.WatchPartyFinishedEvent;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.party.WatchPartyStartedEvent;
import com.watchparty.api.party.WatchPartyUpdatedEvent;
import com.watchparty.api.playback.ControlPlaybackCommand;
import com.watchparty.api.playback.PlaybackChangedEvent;
import com.watchparty.api.playback.PlaybackControlChangedEvent;
import com.watchparty.api.presence.JoinPartyBatchCommand;
import com.watchparty.api.reaction.Reactions;
import com.watchparty.api.reaction.ReactionsRecordedEvent;
import com.watchparty.api.reaction.RecordReactionsCommand;
import com.watchparty.api.presence.JoinPartyCommand;
import com.watchparty.api.presence.LeavePartyCommand;
import com.watchparty.api.presence.UserJoinedPartyEvent;
import com.watchparty.api.presence.UserLeftPartyEvent;
import com.watchparty.api.ticketing.CancelPurchaseCommand;
import com.watchparty.api.ticketing.CancellationReceipt;
import com.watchparty.api.ticketing.JoinWaitingListCommand;
import com.watchparty.api.ticketing.PurchaseCancellation;
import com.watchparty.api.ticketing.PurchaseCancelledEvent;
import com.watchparty.api.ticketing.PurchaseReceipt;
import com.watchparty.api.ticketing.PurchaseOutcome;
import com.watchparty.api.ticketing.PurchaseOutcomes;
import com.watchparty.api.ticketing.PurchaseTicketBatchCommand;
import com.watchparty.api.ticketing.PurchaseTicketCommand;
import com.watchparty.api.ticketing.SeatHeldEvent;
import com.watchparty.api.ticketing.SeatHoldExpiredEvent;
import com.watchparty.api.ticketing.TicketPurchase;
import com.watchparty.api.ticketing.TicketPurchasedEvent;
import com.watchparty.api.ticketing.WaitingListJoinedEvent;
import com.watchparty.command.party.Room.SentMessage;
import com.watchparty.command.party.Seats.Hold;
import com.watchparty.command.party.Seats.Seat;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static com.watchparty.api.error.ErrorCode.*;
import static com.watchparty.command.PlainText.ONE_LINE;
import static com.watchparty.command.Rules.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A scheduled screening: its seats, its room and its player. Everything that happens in a party is an event
 * of this aggregate, so its event stream is the party's WatchPartyLog.
 * <p>
 * Its state is kept in values that its event-sourcing handlers fill in and its command handlers ask
 * ({@link PartySettings}, {@link Admission}, {@link Seats}, {@link Room}, {@link Player}); its rules are named, on
 * those values or in policies ({@link ModerationPolicy}, {@link ChatPolicy}, {@link HandoverPolicy} and the
 * configured {@link LobbyPolicy}, {@link HoldPolicy} and {@link CancellationPolicy}); a command checks them before
 * it applies anything.
 * <p>
 * Snapshots of it are stored (see {@code watchPartySnapshotTrigger}): its fields, and those of its values, are the
 * snapshot's format. The revision names that format; change it with the fields, and older snapshots are ignored (the
 * party is then rebuilt from its events and snapshotted anew) instead of being read into the wrong shape.
 * <p>
 * Only a party's own events load a party: the id of a movie or a ticket type names no party (not found), rather than
 * a stream this class cannot fold.
 */
@Aggregate(cache = "watchPartyCache", snapshotTriggerDefinition = "watchPartySnapshotTrigger",
        lockFactory = "watchPartyLocks", filterEventsByType = true)
@Revision("5")
public class WatchParty {

    /**
     * Axon's name for this aggregate (the class's name, unless {@code @Aggregate} names another type): the type its
     * events are stored under and its deadlines are scoped by. Readers of the store tell a party's events by it. Read
     * from the annotation as Axon reads it, not by inspecting the whole aggregate: some handlers' parameters (the
     * {@code Clock}) are Spring beans, which no resolver outside the running application knows (only axon-test's, on
     * a test classpath), so an inspection here failed the service's start-up.
     */
    public static final String TYPE = AnnotationUtils.findAnnotationAttributes(WatchParty.class, AggregateRoot.class)
            .map(root -> (String) root.get("type")).filter(type -> !type.isEmpty())
            .orElse(WatchParty.class.getSimpleName());

    static final String START_DEADLINE = "watch-party-start";
    static final String END_DEADLINE = "watch-party-end";
    /** Deadline ids ride in metadata: they are how to cancel a schedule, not part of what happened. */
    static final String START_DEADLINE_ID = "startDeadlineId";
    static final String END_DEADLINE_ID = "endDeadlineId";
    static final String HOLD_DEADLINE = "watch-party-hold";
    static final String HOLD_DEADLINE_ID = "holdDeadlineId";
    /**
     * How many of the latest messages the party remembers the author and time of, to judge a deletion: enough for
     * any line still on a screen, and a bounded snapshot however long the party chats.
     */
    static final int DELETABLE_MESSAGES = 200;

    @AggregateIdentifier
    private UUID partyId;
    private PartySettings settings;
    private PartyStatus status;
    private String startDeadlineId;
    private String endDeadlineId;
    private Admission admission = Admission.PUBLIC;
    private final Seats seats = new Seats();
    private final Room room = new Room();
    private final Player player = new Player();

    protected WatchParty() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public WatchParty(ScheduleWatchPartyCommand command, MovieCatalog movies, Clock clock, DeadlineManager deadlines) {
        var settings = new PartySettings(command.startTime(), command.endTime(), command.featured(),
                command.maxParticipants()).validated();
        require(!settings.startTime().isBefore(clock.instant()), VALIDATION_FAILED,
                "start_time must not be in the past", "start_time");
        var movie = movies.findMovie(command.movieId()).orElseThrow(() -> new RejectedException(
                MOVIE_NOT_FOUND, "no movie with id " + command.movieId(), "movie_id"));
        var requested = Admission.proposed(Objects.requireNonNullElse(command.access(), PartyAccess.PUBLIC),
                command.invitationCode());

        String startId = scheduleStatusDeadline(deadlines, command.partyId(), START_DEADLINE, settings.startTime());
        String endId = scheduleStatusDeadline(deadlines, command.partyId(), END_DEADLINE, settings.endTime());
        apply(new WatchPartyScheduledEvent(command.partyId(), command.movieId(), movie.durationSeconds(),
                        settings.startTime(), settings.endTime(), settings.featured(), settings.maxParticipants(),
                        command.scheduledBy()),
                MetaData.with(START_DEADLINE_ID, startId).and(END_DEADLINE_ID, endId));
        if (requested.access() != PartyAccess.PUBLIC) {
            apply(new PartyAccessChangedEvent(command.partyId(), requested.access(), requested.invitationCode()));
        }
    }

    /** @return the party's version after the change, so a caller can wait for projections to reach it */
    @CommandHandler
    public long handle(UpdateWatchPartyCommand command, Clock clock, DeadlineManager deadlines, HoldPolicy holds) {
        require(status != PartyStatus.FINISHED, PARTY_FINISHED, "a finished party cannot be changed");
        var next = settings.updatedBy(command).validated();
        next.requireReachableFrom(settings, status, clock.instant());
        seats.requireCapacity(next.maxParticipants());
        Optional<Admission> nextAdmission = Optional.ofNullable(command.access())
                .filter(access -> access != admission.access())
                .map(access -> Admission.proposed(access, command.invitationCode()));
        boolean controlChanged = command.hostOnlyPlayback() != null && command.hostOnlyPlayback() != player.isHostOnly();
        if (command.hostId() != null) {
            transferHost(command.hostId(), new Moderator(command.by(), true));
        }
        if (controlChanged) {
            apply(new PlaybackControlChangedEvent(partyId, command.hostOnlyPlayback()));
        }
        nextAdmission.ifPresent(changed ->
                apply(new PartyAccessChangedEvent(partyId, changed.access(), changed.invitationCode())));
        if (next.equals(settings)) {
            return AggregateLifecycle.getVersion();
        }

        MetaData metaData = MetaData.emptyInstance();
        if (!settings.startsAt(next.startTime())) {
            cancel(deadlines, START_DEADLINE, startDeadlineId);
            metaData = metaData.and(START_DEADLINE_ID,
                    scheduleStatusDeadline(deadlines, partyId, START_DEADLINE, next.startTime()));
        }
        if (!settings.endsAt(next.endTime())) {
            cancel(deadlines, END_DEADLINE, endDeadlineId);
            metaData = metaData.and(END_DEADLINE_ID,
                    scheduleStatusDeadline(deadlines, partyId, END_DEADLINE, next.endTime()));
        }
        apply(new WatchPartyUpdatedEvent(partyId, next.startTime(), next.endTime(), next.featured(),
                next.maxParticipants()), metaData);
        grantHolds(holds, clock, deadlines);
        return AggregateLifecycle.getVersion();
    }

    /** @return the party's version after the change */
    @CommandHandler
    public long handle(RotateInvitationCodeCommand command) {
        require(admission.isInviteOnly(), NOT_INVITE_ONLY, "only an invite-only party has an invitation code");
        var rotated = Admission.proposed(admission.access(), command.invitationCode());
        apply(new PartyAccessChangedEvent(partyId, rotated.access(), rotated.invitationCode()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public PurchaseReceipt handle(PurchaseTicketCommand command, TicketCatalog tickets, Clock clock,
                                  DeadlineManager deadlines) {
        var retried = seats.soldTo(command.userId()).filter(seat -> seat.isRetriedBy(command));
        if (retried.isPresent()) {
            return new PurchaseReceipt(retried.get().purchase(), AggregateLifecycle.getVersion());
        }
        seats.requireNoTicket(command.userId());
        requireNotFinished();
        admission.requireInvitation(command.invitationCode());
        var ticket = tickets.findTicket(command.ticketId()).orElseThrow(() -> new RejectedException(
                TICKET_NOT_FOUND, "no ticket with id " + command.ticketId(), "ticket_id"));
        require(ticket.voucher() || command.voucherCode() == null, VOUCHER_INVALID,
                "a voucher code is redeemed with a voucher ticket type", "voucher_code");
        seats.requireSeatFor(command.userId(), settings.maxParticipants());
        var hold = seats.heldFor(command.userId());

        var event = new TicketPurchasedEvent(partyId, command.purchaseId(), command.userId(), command.ticketId(),
                ticket.pricePaid(), ticket.currency(), clock.instant(), command.idempotencyKey(),
                command.voucherCode());
        apply(event);
        hold.ifPresent(held -> deadlines.cancelSchedule(HOLD_DEADLINE, held.deadlineId()));
        return new PurchaseReceipt(TicketPurchase.of(event), AggregateLifecycle.getVersion());
    }

    @CommandHandler
    public PurchaseOutcomes handle(PurchaseTicketBatchCommand command, TicketCatalog tickets, Clock clock,
                                   DeadlineManager deadlines) {
        return new PurchaseOutcomes(command.purchases().stream().map(purchase -> outcomeOf(
                () -> new PurchaseOutcome(handle(purchase, tickets, clock, deadlines), null),
                refusal -> new PurchaseOutcome(null, refusal))).toList());
    }

    /** The holder gives the ticket back before the cutoff: the seat frees at once, for the waiting list first. */
    @CommandHandler
    public CancellationReceipt handle(CancelPurchaseCommand command, CancellationPolicy cancellations,
                                      HoldPolicy holds, Clock clock, DeadlineManager deadlines) {
        Seat seat = seats.soldTo(command.userId()).orElseThrow(() -> new RejectedException(
                PURCHASE_NOT_FOUND, "you hold no ticket for this party", null));
        Instant now = clock.instant();
        require(status == PartyStatus.UPCOMING && cancellations.isOpen(settings.startTime(), now),
                CANCELLATION_CLOSED, "a ticket can be cancelled until " + cancellations.cutoff().toMinutes()
                        + " minutes before the start");
        BigDecimal paid = seat.purchase().pricePaid();
        BigDecimal refund = cancellations.refundOf(paid);
        leaveRoom(command.userId());
        var event = new PurchaseCancelledEvent(partyId, seat.purchase().id(), command.userId(), refund,
                paid.subtract(refund), seat.purchase().currency(), now);
        apply(event);
        grantHolds(holds, clock, deadlines);
        return new CancellationReceipt(PurchaseCancellation.of(event), AggregateLifecycle.getVersion());
    }

    /** @return the party's version after the caller is in line (joining twice changes nothing) */
    @CommandHandler
    public long handle(JoinWaitingListCommand command) {
        requireNotFinished();
        seats.requireNoTicket(command.userId());
        admission.requireInvitation(command.invitationCode());
        if (!seats.isWaiting(command.userId())) {
            seats.requireSoldOut(settings.maxParticipants());
            apply(new WaitingListJoinedEvent(partyId, command.userId()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(JoinPartyCommand command, LobbyPolicy lobby, Clock clock) {
        requireNotFinished();
        require(!room.isBanned(command.userId()), BANNED, "you are banned from this party");
        require(command.admin() || seats.hasTicket(command.userId()), TICKET_REQUIRED,
                "a ticket is needed to join this party");
        require(status == PartyStatus.ONGOING || lobby.isOpen(settings.startTime(), clock.instant()), PARTY_NOT_OPEN,
                "the room opens " + lobby.window().toMinutes() + " minutes before the start");
        // the name comes from the caller's token; it is shown to the room and stored by the projections
        ONE_LINE.require(command.username(), "username");
        // Seats are tickets, never more than max_participants; admins (hosts, moderators) come on top.
        if (!room.isPresent(command.userId())) {
            apply(new UserJoinedPartyEvent(partyId, command.userId(), command.username()));
        }
    }

    @CommandHandler
    public BatchOutcomes handle(JoinPartyBatchCommand command, LobbyPolicy lobby, Clock clock) {
        return new BatchOutcomes(command.joins().stream().map(join -> done(() -> handle(join, lobby, clock)))
                .toList());
    }

    @CommandHandler
    public void handle(LeavePartyCommand command) {
        leaveRoom(command.userId());
    }

    private void leaveRoom(UUID userId) {
        if (room.isPresent(userId)) {
            recordLeave(userId);
        }
    }

    /** The user leaves the room; control of the player may pass on (see {@link HandoverPolicy}). */
    private void recordLeave(UUID userId) {
        apply(new UserLeftPartyEvent(partyId, userId));
        HandoverPolicy.successorOf(userId, room, player)
                .ifPresent(next -> apply(new HostChangedEvent(partyId, next, userId, null)));
    }

    @CommandHandler
    public void handle(SendChatMessageCommand command, Clock clock) {
        requireNotFinished();
        ChatPolicy.requireMaySpeak(room, command.userId(), clock.instant());
        String content = ChatPolicy.contentOf(command.content());
        apply(new ChatMessageSentEvent(partyId, command.messageId(), command.userId(), content));
    }

    @CommandHandler
    public BatchOutcomes handle(SendChatMessageBatchCommand command, Clock clock) {
        return new BatchOutcomes(command.lines().stream().map(line -> done(() -> handle(line, clock))).toList());
    }

    /** One command of a batch: refused alone, so the others still go ahead. */
    private static <O extends CommandOutcome> O outcomeOf(Supplier<O> command, Function<Rejection, O> refused) {
        try {
            return command.get();
        } catch (RejectedException e) {
            return refused.apply(e.rejection());
        }
    }

    /** One command of a batch that answers nothing but done or refused. */
    private static BatchOutcome done(Runnable command) {
        return outcomeOf(() -> {
            command.run();
            return BatchOutcome.DONE;
        }, BatchOutcome::new);
    }

    @CommandHandler
    public void handle(ControlPlaybackCommand command, Clock clock) {
        require(status == PartyStatus.ONGOING, PARTY_NOT_ONGOING, "the player runs only while the party is ongoing");
        require(room.isPresent(command.userId()), NOT_JOINED, "join the party before using the player");
        player.requireControlBy(command.userId(), command.admin(), room);
        Player.requireValid(command);
        apply(new PlaybackChangedEvent(partyId, command.userId(), command.action(), player.positionOf(command),
                Player.takesEffectAt(command, clock.instant())));
    }

    /** Who reacted was checked as each tap arrived (a participant, within flood control); here, only what. */
    @CommandHandler
    public void handle(RecordReactionsCommand command) {
        requireNotFinished();
        require(command.counts() != null && !command.counts().isEmpty()
                        && command.counts().entrySet().stream().allMatch(count ->
                        Reactions.EMOJI.contains(count.getKey()) && count.getValue() != null && count.getValue() > 0),
                VALIDATION_FAILED, "counts are positive numbers of reactions among " + Reactions.EMOJI, "counts");
        apply(new ReactionsRecordedEvent(partyId, Map.copyOf(command.counts())));
    }

    @CommandHandler
    public void handle(SetRoomSettingsCommand command) {
        require(room.isRunBy(command.by()), FORBIDDEN, "only the host or an admin changes the room's settings");
        Integer slowMode = command.slowModeSeconds();
        require(slowMode != null || command.hostOnlyPlayback() != null, VALIDATION_FAILED,
                "give slowModeSeconds, hostOnlyPlayback or both");
        if (slowMode != null) {
            ChatPolicy.requireSlowMode(slowMode);
        }
        if (slowMode != null && slowMode != room.slowModeSeconds()) {
            apply(new SlowModeChangedEvent(partyId, slowMode, command.by().userId()));
        }
        if (command.hostOnlyPlayback() != null && command.hostOnlyPlayback() != player.isHostOnly()) {
            apply(new PlaybackControlChangedEvent(partyId, command.hostOnlyPlayback()));
        }
    }

    @CommandHandler
    public void handle(SetModeratorCommand command) {
        require(room.isRunBy(command.by()), FORBIDDEN, "only the host or an admin names moderators");
        require(!room.isHost(command.userId()), VALIDATION_FAILED, "the host moderates already", "userId");
        if (room.isModerator(command.userId()) != command.moderator()) {
            apply(new ModeratorChangedEvent(partyId, command.userId(), command.moderator(), command.by().userId()));
        }
    }

    @CommandHandler
    public void handle(TransferHostCommand command) {
        transferHost(command.userId(), command.by());
    }

    private void transferHost(UUID next, Moderator by) {
        HandoverPolicy.requireMayHandOver(room, by);
        requireNotFinished();
        HandoverPolicy.requireMayReceive(room, by, next);
        if (!room.isHost(next)) {
            apply(new HostChangedEvent(partyId, next, room.host(), by.userId()));
        }
    }

    @CommandHandler
    public void handle(MuteUserCommand command, Clock clock) {
        ModerationPolicy.requireMayModerate(room, command.by(), command.userId());
        ModerationPolicy.requireMuteLength(command.seconds());
        apply(new UserMutedEvent(partyId, command.userId(), clock.instant().plusSeconds(command.seconds()),
                command.by().userId()));
    }

    @CommandHandler
    public void handle(KickUserCommand command) {
        ModerationPolicy.requireMayModerate(room, command.by(), command.userId());
        if (room.isPresent(command.userId())) {
            apply(new UserKickedEvent(partyId, command.userId(), command.by().userId()));
            recordLeave(command.userId());
        }
    }

    @CommandHandler
    public void handle(BanUserCommand command) {
        ModerationPolicy.requireMayModerate(room, command.by(), command.userId());
        String reason = ModerationPolicy.banReasonOf(command.reason());
        if (!room.isBanned(command.userId())) {
            apply(new UserBannedEvent(partyId, command.userId(), reason, command.by().userId()));
            leaveRoom(command.userId());
        }
    }

    @CommandHandler
    public void handle(UnbanUserCommand command) {
        ModerationPolicy.requireMayModerate(room, command.by(), command.userId());
        if (room.isBanned(command.userId())) {
            apply(new UserUnbannedEvent(partyId, command.userId(), command.by().userId()));
        }
    }

    @CommandHandler
    public void handle(DeleteMessageCommand command, Clock clock) {
        SentMessage message = room.message(command.messageId()).orElseThrow(() -> new RejectedException(
                NOT_FOUND, "no such message among the party's last " + DELETABLE_MESSAGES, "messageId"));
        ModerationPolicy.requireMayDelete(room, command.by(), message, clock.instant());
        apply(new MessageDeletedEvent(partyId, command.messageId(), command.by().userId()));
    }

    @DeadlineHandler(deadlineName = START_DEADLINE)
    public void onStartDue(StatusDeadline deadline) {
        if (status == PartyStatus.UPCOMING && deadline.dueAt().equals(settings.startTime())) {
            apply(new WatchPartyStartedEvent(partyId));
        }
    }

    @DeadlineHandler(deadlineName = END_DEADLINE)
    public void onEndDue(StatusDeadline deadline) {
        if (status == PartyStatus.FINISHED || !deadline.dueAt().equals(settings.endTime())) {
            return;
        }
        if (status == PartyStatus.UPCOMING) {
            apply(new WatchPartyStartedEvent(partyId));
        }
        apply(new WatchPartyFinishedEvent(partyId));
    }

    @DeadlineHandler(deadlineName = HOLD_DEADLINE)
    public void onHoldDue(HoldDeadline deadline, HoldPolicy holds, Clock clock, DeadlineManager deadlines) {
        if (!seats.isHeldUntil(deadline.userId(), deadline.expiresAt())) {
            return;
        }
        apply(new SeatHoldExpiredEvent(partyId, deadline.userId()));
        grantHolds(holds, clock, deadlines);
    }

    @EventSourcingHandler
    void on(WatchPartyScheduledEvent event,
            @MetaDataValue(START_DEADLINE_ID) String startId,
            @MetaDataValue(END_DEADLINE_ID) String endId) {
        partyId = event.partyId();
        settings = new PartySettings(event.startTime(), event.endTime(), event.featured(), event.maxParticipants());
        status = PartyStatus.UPCOMING;
        room.hostedBy(event.scheduledBy());
        player.load(event.movieDurationSeconds());
        startDeadlineId = startId;
        endDeadlineId = endId;
    }

    @EventSourcingHandler
    void on(WatchPartyUpdatedEvent event,
            @MetaDataValue(START_DEADLINE_ID) String startId,
            @MetaDataValue(END_DEADLINE_ID) String endId) {
        settings = new PartySettings(event.startTime(), event.endTime(), event.featured(), event.maxParticipants());
        if (startId != null) {
            startDeadlineId = startId;
        }
        if (endId != null) {
            endDeadlineId = endId;
        }
    }

    @EventSourcingHandler
    void on(PlaybackControlChangedEvent event) {
        player.restrictToHost(event.hostOnly());
    }

    @EventSourcingHandler
    void on(WatchPartyStartedEvent event) {
        status = PartyStatus.ONGOING;
    }

    @EventSourcingHandler
    void on(WatchPartyFinishedEvent event) {
        status = PartyStatus.FINISHED;
        room.close();
    }

    @EventSourcingHandler
    void on(PartyAccessChangedEvent event) {
        admission = new Admission(event.access(), event.invitationCode());
    }

    @EventSourcingHandler
    void on(TicketPurchasedEvent event) {
        seats.sell(event.userId(), new Seat(TicketPurchase.of(event), event.idempotencyKey()));
    }

    @EventSourcingHandler
    void on(PurchaseCancelledEvent event) {
        seats.giveBack(event.userId());
    }

    @EventSourcingHandler
    void on(WaitingListJoinedEvent event) {
        seats.queue(event.userId());
    }

    @EventSourcingHandler
    void on(SeatHeldEvent event, @MetaDataValue(HOLD_DEADLINE_ID) String deadlineId) {
        seats.hold(event.userId(), new Hold(event.expiresAt(), deadlineId));
    }

    @EventSourcingHandler
    void on(SeatHoldExpiredEvent event) {
        seats.release(event.userId());
    }

    @EventSourcingHandler
    void on(UserJoinedPartyEvent event) {
        room.enter(event.userId());
    }

    @EventSourcingHandler
    void on(UserLeftPartyEvent event) {
        room.leave(event.userId());
    }

    @EventSourcingHandler
    void on(HostChangedEvent event) {
        room.hostedBy(event.hostId());
    }

    @EventSourcingHandler
    void on(SlowModeChangedEvent event) {
        room.slowMode(event.seconds());
    }

    @EventSourcingHandler
    void on(ChatMessageSentEvent event, @Timestamp Instant sentAt) {
        room.chatted(event.messageId(), event.userId(), sentAt);
    }

    @EventSourcingHandler
    void on(MessageDeletedEvent event) {
        room.deleted(event.messageId());
    }

    @EventSourcingHandler
    void on(ModeratorChangedEvent event) {
        room.moderatedBy(event.userId(), event.moderator());
    }

    @EventSourcingHandler
    void on(UserMutedEvent event) {
        room.mute(event.userId(), event.until());
    }

    @EventSourcingHandler
    void on(UserBannedEvent event) {
        room.ban(event.userId());
    }

    @EventSourcingHandler
    void on(UserUnbannedEvent event) {
        room.unban(event.userId());
    }

    /** Every free seat goes to the first in line, held for them for a while; none once the party has finished. */
    private void grantHolds(HoldPolicy holds, Clock clock, DeadlineManager deadlines) {
        if (status == PartyStatus.FINISHED) {
            return;
        }
        Instant now = clock.instant();
        int capacity = settings.maxParticipants();
        for (var first = seats.nextToSeat(capacity); first.isPresent(); first = seats.nextToSeat(capacity)) {
            UUID next = first.get();
            Instant expiresAt = now.plus(holds.holdFor(now, settings.startTime())).truncatedTo(ChronoUnit.MILLIS);
            String deadlineId = deadlines.schedule(expiresAt, HOLD_DEADLINE, new HoldDeadline(next, expiresAt),
                    scopeOf(partyId));
            apply(new SeatHeldEvent(partyId, next, expiresAt), MetaData.with(HOLD_DEADLINE_ID, deadlineId));
        }
    }

    private void requireNotFinished() {
        require(status != PartyStatus.FINISHED, PARTY_FINISHED, "this party has finished");
    }

    private static String scheduleStatusDeadline(DeadlineManager deadlines, UUID partyId, String name, Instant at) {
        return deadlines.schedule(at, name, new StatusDeadline(at), scopeOf(partyId));
    }

    private static AggregateScopeDescriptor scopeOf(UUID partyId) {
        return new AggregateScopeDescriptor(TYPE, partyId);
    }

    private static void cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
    }
}
