package com.watchparty.command.party.web;

import com.watchparty.api.identity.Caller;
import com.watchparty.api.moderation.Moderator;
import com.watchparty.api.moderation.SetModeratorCommand;
import com.watchparty.api.party.FindWatchPartyQuery;
import com.watchparty.api.party.ScheduleWatchPartyCommand;
import com.watchparty.api.party.UpdateWatchPartyCommand;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.command.web.ReadYourWrites;
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
import java.util.UUID;

/** Admin endpoints that schedule and change watch parties. */
@RestController
@RequestMapping("/watch-parties")
class WatchPartyCommandController {

    private final ReadYourWrites readYourWrites;
    private final CommandGateway commands;

    WatchPartyCommandController(ReadYourWrites readYourWrites, CommandGateway commands) {
        this.readYourWrites = readYourWrites;
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<WatchPartyView> schedule(@Valid @RequestBody ScheduleWatchPartyRequest request, Caller caller) {
        UUID partyId = UUID.randomUUID();
        var command = new ScheduleWatchPartyCommand(partyId, request.movieId(), request.startTime(),
                request.endTime(), Boolean.TRUE.equals(request.isFeatured()), request.maxParticipants(), caller.id());
        var location = URI.create("/watch-parties/" + partyId);
        return readYourWrites.create(command, new FindWatchPartyQuery(partyId), WatchPartyView.class, location);
    }

    @PatchMapping("/{id}")
    ResponseEntity<WatchPartyView> update(@PathVariable UUID id, @RequestBody UpdateWatchPartyRequest request) {
        var command = new UpdateWatchPartyCommand(id, request.startTime(), request.endTime(), request.isFeatured(),
                request.maxParticipants(), request.hostOnlyPlayback());
        return readYourWrites.send(command, new FindWatchPartyQuery(id), WatchPartyView.class,
                        (Long version, WatchPartyView view) -> view.version() >= version)
                .view()
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.accepted().location(URI.create("/watch-parties/" + id)).build());
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
