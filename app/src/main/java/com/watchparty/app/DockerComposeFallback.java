package com.watchparty.app;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.docker.compose.core.DockerCompose;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import java.util.Map;
import java.util.Set;

/**
 * Where Docker Compose support is on (the run command) but no Docker answers, turns it off and says why, so the service
 * starts on the database of {@code spring.datasource.*} (PostgreSQL on localhost) instead of failing: Spring Boot
 * itself stops the start-up when the {@code docker} command is missing, its daemon is not running, or {@code docker
 * compose} is not installed. Docker is asked the way Spring Boot asks it (its own client, the same commands), so
 * compose stays on exactly where it would work. Nothing happens where the module is absent (the boot jar) or compose
 * is off (the default, and in tests).
 */
public class DockerComposeFallback implements EnvironmentPostProcessor {

    static final String ENABLED = "spring.docker.compose.enabled";
    private static final String COMPOSE_CLIENT = "org.springframework.boot.docker.compose.core.DockerCompose";

    private final Log log;
    private final Runnable askDocker;

    public DockerComposeFallback(DeferredLogFactory logs) {
        this(logs.getLog(DockerComposeFallback.class), DockerComposeFallback::askDocker);
    }

    /** @param askDocker throws if Docker or its compose command does not answer */
    DockerComposeFallback(Log log, Runnable askDocker) {
        this.log = log;
        this.askDocker = askDocker;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent(COMPOSE_CLIENT, application.getClassLoader())
                || !environment.getRequiredProperty(ENABLED, Boolean.class)) {
            return;
        }
        try {
            askDocker.run();
        } catch (RuntimeException noDocker) {
            environment.getPropertySources()
                    .addFirst(new MapPropertySource("dockerComposeFallback", Map.of(ENABLED, false)));
            String database = String.valueOf(environment.getProperty("spring.datasource.url")).split("\\?")[0];
            log.info("Docker Compose skipped, no Docker answers (" + firstLine(noDocker.getMessage()) + "): using "
                    + database);
        }
    }

    /** Runs {@code docker version} and {@code docker compose version} (or {@code docker-compose}), as Spring Boot does. */
    private static void askDocker() {
        DockerCompose.get(null, null, Set.of());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }
}
