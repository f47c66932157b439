package com.watchparty.app.ops;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Operations on the projections, for admins: how far each streaming processor is, rebuilding one from the event
 * store, and retrying its dead letters. What it shows is this instance's view (the segments it claimed).
 */
@RestController
@RequestMapping("/admin/projections")
class ProjectionAdminController {

    private final ProjectionStatuses statuses;
    private final ProjectionRebuilds rebuilds;
    private final DeadLetters deadLetters;

    ProjectionAdminController(ProjectionStatuses statuses, ProjectionRebuilds rebuilds, DeadLetters deadLetters) {
        this.statuses = statuses;
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    ProjectionStatus.Overview list() {
        return statuses.overview();
    }

    @GetMapping("/{name}")
    ProjectionStatus get(@PathVariable String name) {
        return statuses.of(name);
    }

    /** Starts a rebuild: 202 at once, with the status to follow at {@code Location}. */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        rebuilds.rebuild(name);
        ProjectionStatus status = statuses.of(name);
        URI location = URI.create("/admin/projections/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8));
        return ResponseEntity.accepted().location(location).body(status);
    }

    /**
     * Hands the projection's dead-lettered sequences to its handlers again, e.g. once a fix is deployed, and answers
     * when that is done with its status: the sequences that still fail stay, with their new cause.
     */
    @PostMapping("/{name}/dead-letters/retry")
    ProjectionStatus retryDeadLetters(@PathVariable String name) {
        deadLetters.retry(name);
        return statuses.of(name);
    }
}
