package com.watchparty.app.ops;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The projections' dead letters: how many, why, and retrying them. Counted and read in Axon's dead-letter table
 * ({@code deadletterentry}, created by our migrations), which Axon's queue API can only page through oldest first.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** The latest failures a status shows. */
    private static final int LATEST = 3;

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    DeadLetters(EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** The dead letters of a processing group, or empty if it has no dead-letter queue (e.g. the room feed). */
    Optional<ProjectionStatus.DeadLetters> of(String processingGroup) {
        if (processing.deadLetterQueue(processingGroup).isEmpty()) {
            return Optional.empty();
        }
        var counts = jdbc.sql("""
                        select count(distinct sequenceidentifier) as sequences, count(*) as letters
                        from deadletterentry where processinggroup = ?""")
                .param(processingGroup).query().singleRow();
        // only the first letter of a sequence has a cause: the others are parked behind it
        var latest = jdbc.sql("""
                        select sequenceidentifier, eventidentifier, payloadtype, causetype, causemessage, lasttouched
                        from deadletterentry where processinggroup = ? and causetype is not null
                        order by lasttouched desc limit ?""")
                .params(processingGroup, LATEST)
                .query((rs, n) -> new ProjectionStatus.Failure(rs.getString("sequenceidentifier"),
                        rs.getString("eventidentifier"), rs.getString("payloadtype"), rs.getString("causetype"),
                        rs.getString("causemessage"), Instant.parse(rs.getString("lasttouched"))))
                .list();
        return Optional.of(new ProjectionStatus.DeadLetters(((Number) counts.get("sequences")).longValue(),
                ((Number) counts.get("letters")).longValue(), latest));
    }

    /**
     * Hands every dead-lettered sequence of a processing group to its handlers again, once, in order: a sequence
     * whose events now succeed leaves the queue, one that fails again stays, with its new cause.
     *
     * @throws RejectedException {@code not_found} if there is no dead-letter queue of that name
     */
    void retry(String processingGroup) {
        var letters = processing.sequencedDeadLetterProcessor(processingGroup).orElseThrow(() ->
                new RejectedException(ErrorCode.NOT_FOUND, "no dead-letter queue named '" + processingGroup + "'"));
        long sequences = processing.deadLetterQueue(processingGroup).orElseThrow().amountOfSequences();
        int succeeded = 0;
        // a sequence that fails again is touched, so it goes behind the others: each is tried once
        for (long i = 0; i < sequences; i++) {
            if (SavepointsAfterFailure.carefully(letters::processAny)) {
                succeeded++;
            }
        }
        log.info("Retried the {} dead-lettered sequences of {}: {} projected, {} still dead-lettered", sequences,
                processingGroup, succeeded, sequences - succeeded);
    }
}
