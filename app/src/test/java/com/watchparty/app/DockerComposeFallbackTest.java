package com.watchparty.app;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** Compose is turned off, with one INFO line saying why, exactly where it is on and Docker does not answer. */
class DockerComposeFallbackTest {

    private final Log log = mock(Log.class);
    private final AtomicInteger asked = new AtomicInteger();
    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://localhost:5432/postgres?ssl=false");

    @Test
    void composeOnButNoDockerFallsBackToTheDatasourceAndSaysWhy() {
        environment.setProperty(DockerComposeFallback.ENABLED, "true");

        fallback(() -> {
            throw new IllegalStateException("Unable to start docker process. Is docker correctly installed?\nmore");
        }).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(DockerComposeFallback.ENABLED, Boolean.class)).isFalse();
        verify(log).info(argThat(message -> message.equals("Docker Compose skipped, no Docker answers (Unable to "
                + "start docker process. Is docker correctly installed?): using jdbc:postgresql://localhost:5432/postgres")));
    }

    @Test
    void composeOnAndDockerAnsweringStaysOn() {
        environment.setProperty(DockerComposeFallback.ENABLED, "true");

        fallback(() -> { }).postProcessEnvironment(environment, new SpringApplication());

        assertThat(asked).hasValue(1);
        assertThat(environment.getProperty(DockerComposeFallback.ENABLED, Boolean.class)).isTrue();
        verifyNoInteractions(log);
    }

    @Test
    void composeOffDoesNotAskDocker() {
        environment.setProperty(DockerComposeFallback.ENABLED, "false");

        fallback(() -> { }).postProcessEnvironment(environment, new SpringApplication());

        assertThat(asked).hasValue(0);
        verifyNoInteractions(log);
    }

    private DockerComposeFallback fallback(Runnable docker) {
        return new DockerComposeFallback(log, () -> {
            asked.incrementAndGet();
            docker.run();
        });
    }
}
