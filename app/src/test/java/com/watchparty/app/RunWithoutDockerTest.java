package com.watchparty.app;

import com.watchparty.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The run command on a machine without Docker: the service as {@code spring-boot:run} starts it (its own JVM, the
 * runtime classpath with Spring Boot's Docker Compose support and none of the test jars, compose turned on and pointed
 * at the repository's compose file, as app/pom.xml does), with no {@code docker} command on the PATH and no daemon at
 * DOCKER_HOST. Spring Boot alone stops such a start-up; here it starts on the configured database, saying why compose
 * was skipped. Tests in this JVM never reach compose (Spring Boot skips it in tests), so only a JVM of its own shows it.
 */
class RunWithoutDockerTest {

    private static final TestDatabases.Database DATABASE = TestDatabases.create();

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Test
    void theRunCommandStartsOnTheConfiguredDatabaseAndSaysWhyComposeWasSkipped(@TempDir Path noDocker)
            throws Exception {
        int port = freePort();
        Process service = start(noDocker, port);
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = collect(service, output);
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> !service.isAlive()
                    || output.stream().anyMatch(line -> line.contains("Started WatchPartyApplication")));
            assertThat(service.isAlive()).as("the service is running; its output:%n%s", String.join("\n", output))
                    .isTrue();

            assertThat(output).filteredOn(line -> line.contains("Docker Compose skipped, no Docker answers"))
                    .singleElement().asString().contains("INFO").contains(DATABASE.url().split("\\?")[0]);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(migrations()).as("Flyway's migrations applied to the configured database").isPositive();
        } finally {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private static Process start(Path noDocker, int port) throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String classpath = module.resolve("target/classes") + File.pathSeparator
                + Files.readString(module.resolve("target/runtime-classpath.txt")).strip();
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath,
                "-Dspring.docker.compose.enabled=true",
                "-Dspring.docker.compose.file=" + module.resolveSibling("docker-compose.yml"),
                WatchPartyApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + DATABASE.url(),
                "--spring.datasource.username=" + DATABASE.username(),
                "--spring.datasource.password=" + DATABASE.password(),
                "--logging.structured.format.console=")
                .directory(module.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PATH", noDocker.toString()); // no docker command, and no docker-compose
        // where a Docker CLI is found anyway (Spring Boot also tries /usr/local/bin on macOS), no daemon answers
        environment.put("DOCKER_HOST", "unix://" + noDocker.resolve("docker.sock"));
        return builder.start();
    }

    private static Thread collect(Process service, List<String> output) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException closed) {
                // the service stopped
            }
        }, "run-without-docker-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static int migrations() throws SQLException {
        try (var connection = DriverManager.getConnection(DATABASE.url(), DATABASE.username(), DATABASE.password());
             ResultSet count = connection.createStatement()
                     .executeQuery("select count(*) from flyway_schema_history where success")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
