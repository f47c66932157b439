package com.watchparty.app;

import com.watchparty.app.support.Instances;
import com.watchparty.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The {@code axon-server} profile against an address where no Axon Server answers: start-up fails within the connect
 * timeout and says which address it could not reach, instead of starting and hanging on the first command.
 */
class AxonServerProfileTest {

    private static final TestDatabases.Database DATABASE = TestDatabases.create();

    @AfterAll
    static void dropDatabase() {
        DATABASE.drop();
    }

    @Test
    void startingAgainstAnUnreachableAxonServerFailsClearly() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free again once closed: nothing listens there
        }
        String address = "localhost:" + closedPort;

        Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> catchThrowable(() ->
                Instances.start(DATABASE, "--spring.profiles.active=axon-server", "--axon.axonserver.servers=" + address,
                        "--watchparty.axon-server.connect-timeout=2s").close()));

        assertThat(failure).as("the instance started").isNotNull();
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Axon Server is unreachable at " + address);
    }
}
