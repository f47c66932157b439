package com.watchparty.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Node scripts of {@code src/test/node} (real {@code socket.io-client} 4.8 clients, and {@code playwright-core}
 * driving the machine's Chromium) and reads the one JSON line each prints last, or runs Node's test runner on a
 * test file there. The pinned packages are installed from the npm registry once, as the lock file says.
 */
public final class NodeScripts {

    private static final Path DIRECTORY = Path.of("src/test/node");

    /** The packages of {@code package.json}: all present, or {@code npm ci} installs them. */
    private static final List<String> PACKAGES = List.of("socket.io-client", "playwright-core", "ws");

    private NodeScripts() {
    }

    public record Report(JsonNode json, String output, int exitCode) {
    }

    /** What {@code node --test} said of one test file: its TAP output and exit code. */
    public record TestRun(String output, int exitCode) {

        public int count(String what) {
            return output.lines().filter(l -> l.startsWith("# " + what + " ")).findFirst()
                    .map(l -> Integer.parseInt(l.substring(what.length() + 3).trim())).orElse(-1);
        }
    }

    public static TestRun test(String testFile) throws IOException, InterruptedException {
        Process node = node(List.of("--test", "--test-reporter=tap", testFile), true);
        return new TestRun(outputOf(node, testFile), node.exitValue());
    }

    public static Report run(String script, String... args) throws IOException, InterruptedException {
        install();
        List<String> arguments = new ArrayList<>(List.of(script));
        arguments.addAll(List.of(args));
        Process node = node(arguments, false);
        String output = outputOf(node, script).trim();
        JsonNode json = new ObjectMapper().readTree(output.substring(output.lastIndexOf('\n') + 1));
        return new Report(json, output, node.exitValue());
    }

    /** Node on {@code arguments} in the scripts' directory; its standard error joins its output or is dropped. */
    private static Process node(List<String> arguments, boolean withErrors) throws IOException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIRECTORY.toFile());
        return (withErrors ? builder.redirectErrorStream(true) : builder.redirectError(ProcessBuilder.Redirect.DISCARD))
                .start();
    }

    /** Everything the process printed, once it has ended. */
    private static String outputOf(Process node, String what) throws IOException, InterruptedException {
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as(what + " finished").isTrue();
        return output;
    }

    private static synchronized void install() throws IOException, InterruptedException {
        if (PACKAGES.stream().allMatch(p -> Files.isDirectory(DIRECTORY.resolve("node_modules").resolve(p)))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(DIRECTORY.toFile()).redirectErrorStream(true)
                .redirectOutput(new File(DIRECTORY.toFile(), "npm-ci.log")).start();
        assertThat(npm.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(npm.exitValue()).as("npm ci in " + DIRECTORY).isZero();
    }
}
