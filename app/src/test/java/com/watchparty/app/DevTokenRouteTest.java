package com.watchparty.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.NodeScripts;
import com.watchparty.testsupport.OwnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Out of the box (no local profile) nobody can mint tokens: the dev route does not exist, nor the demo sign-in. */
@SpringBootTest(classes = WatchPartyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=")
@ContextConfiguration(initializers = OwnDatabase.class)
class DevTokenRouteTest {

    @LocalServerPort
    int port;

    @Test
    void theDevTokenRouteIsOffByDefault() {
        var response = new Api(port).post("/dev/token", null, Map.of("name", "Mallory", "admin", true));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("code")).isEqualTo("not_found");
    }

    @Test
    void theWebClientOffersNoDemoSignInWithoutTheRoute() throws Exception {
        NodeScripts.Report run = NodeScripts.run("web-without-dev-tokens.mjs", "http://127.0.0.1:" + port);
        JsonNode page = run.json();

        assertThat(page.path("status").asInt()).as(run.output()).isEqualTo(200);
        assertThat(page.path("view").asText()).as("an anonymous visitor still sees the (empty) list")
                .isEqualTo("Sign in to buy tickets and join a party.No watch parties yet.");
        assertThat(page.path("signInForms").asInt()).isZero();
        assertThat(page.path("header").asText()).isEmpty();
        assertThat(page.path("contentSecurityPolicy").asText()).contains("script-src 'self'");
        assertThat(page.path("problems")).isEmpty();
        assertThat(run.exitCode()).isZero();
    }
}
