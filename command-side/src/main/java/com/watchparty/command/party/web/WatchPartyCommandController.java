package com.watchparty.command.party.web;

import com.watchparty.api.identity.Caller;
import com.watchparty.api.moderation.Moderator;
import com.watchparty.api.moderation.SetModeratorCommand;
import com.watchparty.api.party.InvitationCode;
import com.watchparty.api.party.PartyAccess;
import com.watchparty.api.party.RotateInvitationCodeCommand;
import com.watchparty.api.party.ScheduleWatchPartyCommand;
import com.watchparty.api.party.UpdateWatchPartyCommand;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.command.web.PartyWrites;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Admin endpoints that schedule and change watch parties. */
@RestController
@RequestMapping("/watch-parties")
class WatchPartyCommandController {

    private final PartyWrites partyWrites;
    private final CommandGateway commands;

    WatchPartyCommandController(PartyWrites partyWrites, CommandGateway commands) {
        this.partyWrites = partyWrites;
        this.commands = commands;
    }

    /** An invite-only party's answer carries its invitation code, for the admin to hand out. */
    @PostMapping
    ResponseEntity<ScheduledWatchParty> schedule(@Valid @RequestBody ScheduleWatchPartyRequest request,
                                                 Caller caller) {
        UUID partyId = UUID.randomUUID();
        PartyAccess access = Objects.requireNonNullElse(PartyAccesses.parse(request.access()), PartyAccess.PUBLIC);
        String invitationCode = access == PartyAccess.INVITE_ONLY ? InvitationCodes.next() : null;
        var command = new ScheduleWatchPartyCommand(partyId, request.movieId(), request.startTime(),
                request.endTime(), Boolean.TRUE.equals(request.isFeatured()), request.maxParticipants(), caller.id(),
                access, invitationCode);
        var location = URI.create("/watch-parties/" + partyId);
        // a private party's access is its second event: the answer shows the party once it has both
        long complete = access == PartyAccess.PUBLIC ? 0 : 1;
        return partyWrites.send(partyId, command, (Object created) -> complete)
                .view()
                .map(view -> ResponseEntity.created(location).body(new ScheduledWatchParty(view, invitationCode)))
                .orElseGet(() -> ResponseEntity.accepted().location(location).build());
    }

    /**
     * A party that becomes invite-only gets a new invitation code: its admin reads it in the box office. A
     * {@code host_id} makes that user the party's host (the room hears it as {@code room_settings}).
     */
    @PatchMapping("/{id}")
    ResponseEntity<WatchPartyView> update(@PathVariable UUID id, @RequestBody UpdateWatchPartyRequest request,
                                          Caller caller) {
        PartyAccess access = PartyAccesses.parse(request.access());
        var command = new UpdateWatchPartyCommand(id, request.startTime(), request.endTime(), request.isFeatured(),
                request.maxParticipants(), request.hostOnlyPlayback(), access,
                access == PartyAccess.INVITE_ONLY ? InvitationCodes.next() : null, request.hostId(), caller.id());
        return whenProjected(id, command).map(ResponseEntity::ok).orElseGet(() -> accepted(id));
    }

    /** A new invitation code for an invite-only party; the old one no longer buys a seat. */
    @PostMapping("/{id}/invitation-code")
    ResponseEntity<InvitationCode> rotateInvitationCode(@PathVariable UUID id) {
        String code = InvitationCodes.next();
        return whenProjected(id, new RotateInvitationCodeCommand(id, code))
                .map(view -> ResponseEntity.ok(new InvitationCode(code))).orElseGet(() -> accepted(id));
    }

    /** Sends a command that answers the party's version, and the party's view once it shows that version. */
    private Optional<WatchPartyView> whenProjected(UUID id, Object command) {
        return partyWrites.send(id, command, (Long version) -> version).view();
    }

    private static <T> ResponseEntity<T> accepted(UUID id) {
        return ResponseEntity.accepted().location(URI.create("/watch-parties/" + id)).build();
    }

    /** Names a moderator of the party; idempotent. The room's {@code participant_list} marks them. */
    @PutMapping("/{id}/moderators/{userId}")
    ResponseEntity<Void> addModerator(@PathVariable UUID id, @PathVariable UUID userId, Caller caller) {
        commands.sendAndWait(new SetModeratorCommand(id, userId, true, new Moderator(caller.id(), caller.admin())));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/moderators/{userId}")
    ResponseEntity<Void> removeModerator(@PathVariable UUID id, @PathVariable UUID userId, Caller caller) {
        commands.sendAndWait(new SetModeratorCommand(id, userId, false, new Moderator(caller.id(), caller.admin())));
        return ResponseEntity.noContent().build();
    }
}
