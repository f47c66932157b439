package com.watchparty.command.config;

import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.distributed.CommandBusConnectorCommunicationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed commands are sent again, and that each resend is counted. */
class ConcurrencyRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrencyRetryScheduler scheduler = new ConcurrencyRetryScheduler(executor, 3);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aConflictOrALostInstanceIsSentAgainAndCounted() throws InterruptedException {
        CountDownLatch resent = new CountDownLatch(2);
        assertThat(retry(new ConcurrencyException("another node appended first"), resent::countDown)).isTrue();
        assertThat(retry(new CommandExecutionException("failed", new CommandBusConnectorCommunicationException(
                "the instance left before answering")), resent::countDown)).isTrue();

        assertThat(resent.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.retries()).isEqualTo(2);
    }

    @Test
    void aRefusedCommandIsNeverSentAgain() {
        Rejection soldOut = new Rejection(ErrorCode.SOLD_OUT, "this party is sold out", null);

        assertThat(retry(new CommandExecutionException(soldOut.message(), null, soldOut), () -> { })).isFalse();
        assertThat(scheduler.retries()).isZero();
    }

    private boolean retry(RuntimeException failure, Runnable dispatch) {
        return scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("a command"), failure,
                new ArrayList<>(), dispatch);
    }
}
