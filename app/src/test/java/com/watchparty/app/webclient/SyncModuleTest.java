package com.watchparty.app.webclient;

import com.watchparty.app.support.NodeScripts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client's sync module ({@code static/js/sync.js}: clock offset, drift correction) under its own unit tests,
 * {@code src/test/node/sync.test.mjs}, run by Node's test runner on the very file the browser loads.
 */
class SyncModuleTest {

    @Test
    void theSyncModulePassesItsUnitTests() throws Exception {
        NodeScripts.TestRun run = NodeScripts.test("sync.test.mjs");

        assertThat(run.count("fail")).as(run.output()).isZero();
        assertThat(run.count("tests")).as(run.output()).isGreaterThanOrEqualTo(10);
        assertThat(run.count("pass")).isEqualTo(run.count("tests"));
        assertThat(run.exitCode()).isZero();
    }
}
