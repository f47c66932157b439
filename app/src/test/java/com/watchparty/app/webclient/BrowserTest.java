package com.watchparty.app.webclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.watchparty.app.support.Api;
import com.watchparty.app.support.NodeScripts;
import com.watchparty.app.support.WatchPartyIntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The web client at {@code /} in headless Chromium ({@code src/test/node/web-party.mjs}): an admin sets up ticket
 * types and a party on the page; Ann and Bob, in browser contexts of their own, buy tickets, meet in the lobby,
 * chat, play and seek; Carol comes late; Bob's connection drops; Ada, an admin, names Ann a moderator on the page
 * and Ann deletes Bob's line; Bob reacts; Ann watches the replay. Asserted here is what these people see. The party page's screenshot and the script's report are left in {@code target/browser/}.
 */
class BrowserTest extends WatchPartyIntegrationTest {

    /** How far apart two players may be, measured at one instant. */
    private static final double IN_SYNC_MS = 250;

    @Test
    void peopleBuyJoinChatWatchInSyncAndReplayInTheBrowser() throws Exception {
        Api.User setup = api.admin("Setup");
        UUID movie = api.movie(setup, 120);
        String title = api.get("/movies/" + movie, setup).text("title");
        Instant start = Instant.now().plusSeconds(50);
        UUID party = api.scheduleParty(setup, movie, start, start.plusSeconds(45), 10).id();
        Path screenshot = Path.of("target/browser/party-page.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);

        // 127.0.0.1, not localhost: Socket.IO's client watches the browser's offline event only for other hosts
        NodeScripts.Report run = NodeScripts.run("web-party.mjs", "http://127.0.0.1:" + port, party.toString(),
                title, screenshot.toString());
        Files.writeString(screenshot.resolveSibling("web-party.json"), run.output()); // what the people saw
        JsonNode seen = run.json();
        assertThat(seen.path("ok").asBoolean()).as(run.output()).isTrue();

        assertThat(seen.path("signedInPageKept").asBoolean()).as("a list asked for before the sign-in and answered"
                + " after it left the signed-in page alone").isTrue();

        // the admin's party, edited on the page to one featured seat, and the list that shows it
        UUID created = UUID.fromString(seen.path("createdParty").asText());
        Api.Response edited = api.get("/watch-parties/" + created, setup);
        assertThat(edited.body().path("max_participants").asInt()).isEqualTo(1);
        assertThat(edited.body().path("is_featured").asBoolean()).isTrue();
        assertThat(edited.body().path("tickets_sold").asInt()).isEqualTo(1);
        JsonNode list = seen.path("list");
        List<Boolean> featured = new ArrayList<>();
        list.path("featuredFlags").forEach(f -> featured.add(f.asBoolean()));
        assertThat(featured).as("featured parties first").isSortedAccordingTo((a, b) -> Boolean.compare(b, a));
        assertThat(list.path("createdIsFeatured").asBoolean()).isTrue();
        // the form takes minutes, so the start is up to a minute short of a day away; the countdown counts to it
        Instant createdStart = Instant.parse(edited.text("start_time"));
        Instant readAt = Instant.parse(list.path("countdownReadAt").asText());
        assertThat(countdownSeconds(list.path("countdownFirst").asText()))
                .isCloseTo(Duration.between(readAt, createdStart).toSeconds(), within(2L));
        assertThat(list.path("countdownLater").asText()).as("the countdown runs")
                .isNotEqualTo(list.path("countdownFirst").asText());
        assertThat(list.path("createdSeats").asText()).isEqualTo("1 of 1 seats left");

        // buying: a voucher says redeem; the sold-out party says so, and so does the refusal
        assertThat(seen.path("annVoucherButton").asText()).isEqualTo("Redeem");
        assertThat(seen.path("annBuyButton").asText()).isEqualTo("Buy ticket");
        assertThat(seen.path("bobBuyButton").asText()).isEqualTo("Redeem");
        assertThat(seen.path("bobSeesSoldOut").asText()).isEqualTo("Sold out");
        assertThat(seen.path("soldOutError").asText()).isEqualTo("This party is sold out");
        assertThat(seen.path("noTicketError").asText()).isEqualTo("A ticket is needed to join this party");

        // the lobby: both see each other, the count against the maximum, the status and the countdown
        JsonNode room = seen.path("room");
        assertThat(texts(room.path("annSees"))).containsExactlyInAnyOrder("Ann", "Bob");
        assertThat(texts(room.path("bobSees"))).containsExactlyInAnyOrder("Ann", "Bob");
        assertThat(room.path("count").asText()).isEqualTo("2 / 10");
        assertThat(room.path("statusAtJoin").asText()).isEqualTo("upcoming");
        assertThat(room.path("timeAtJoin").asText()).matches("starts in 0:\\d\\d");
        assertThat(room.path("timeWhenOngoing").asText()).matches("0:\\d\\d left");

        // chat with the sender's name and time; markup shown as the text it is, never run
        JsonNode chat = seen.path("chat");
        assertThat(chat.path("bobGot").path("who").asText()).isEqualTo("Ann");
        assertThat(chat.path("bobGot").path("text").asText()).isEqualTo("Hello Bob, popcorn ready?");
        assertThat(chat.path("bobGot").path("time").asText()).matches(".*\\d{1,2}:\\d{2}.*");
        assertThat(chat.path("annGot").path("who").asText()).isEqualTo("Bob");
        assertThat(chat.path("annGot").path("text").asText()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(chat.path("annGot").path("images").asInt()).isZero();
        assertThat(seen.path("dialogs")).as("no alert ran").isEmpty();

        // Ann played, Bob sought to 60 s: two seconds later both show about 62 s, within IN_SYNC_MS of each other
        JsonNode afterSeek = seen.path("sync").path("twoSecondsAfterSeek");
        assertThat(afterSeek.path("gapMs").asDouble()).isLessThanOrEqualTo(IN_SYNC_MS);
        assertThat(afterSeek.path("ann").asDouble()).isCloseTo(62.0, within(1.0));
        assertThat(afterSeek.path("bob").asDouble()).isCloseTo(62.0, within(1.0));
        assertThat(seen.path("sync").path("afterPlayMs").asDouble()).isLessThanOrEqualTo(IN_SYNC_MS);
        assertThat(seen.path("lateJoiner").path("gapMs").asDouble()).as("a late joiner lands at the group's position")
                .isLessThanOrEqualTo(IN_SYNC_MS);
        assertThat(seen.path("lateJoiner").path("carol").asDouble()).isGreaterThan(63.0);

        // a dropped connection shows the banner, and recovers on its own, back in sync
        assertThat(seen.path("connection").path("bannerWhileOffline").asText()).startsWith("Connection lost");
        assertThat(seen.path("connection").path("gapAfterRecoveryMs").asDouble()).isLessThanOrEqualTo(IN_SYNC_MS);
        assertThat(seen.path("connection").path("bobsChatLines").asInt()).as("the chat is not repeated").isEqualTo(2);
        assertThat(seen.path("finishedStatus").asText()).isEqualTo("finished");

        // an admin sees moderation controls on each person, a participant does not; a moderator named on the page
        // deletes a line, and it goes from every page
        JsonNode moderation = seen.path("moderation");
        assertThat(moderation.path("adaSeesControls").asBoolean()).isTrue();
        assertThat(moderation.path("bobSeesControls").asBoolean()).isFalse();
        assertThat(moderation.path("bobModerated").asInt()).isZero();
        assertThat(moderation.path("annSeesDeleteOnBobsLine").asBoolean()).isTrue();
        assertThat(texts(moderation.path("linesLeftForBob"))).contains("Hello Bob, popcorn ready?")
                .doesNotContain("<img src=x onerror=alert(1)>");
        assertThat(seen.path("reactions").path("annSaw").asText()).as("Bob's reaction over Ann's picture")
                .isEqualTo("😂");

        // the replay shows Ann's line when the film reaches the media_time the replay timeline gives it
        Api.Response replay = api.get("/watch-parties/" + party + "/replay?event_type=message", setup);
        JsonNode said = null;
        for (JsonNode event : replay.body().path("events").path("items")) {
            if (event.path("content").path("content").asText().equals("Look at this scene")) {
                said = event;
            }
        }
        assertThat(said).as(replay.body().toString()).isNotNull();
        double mediaTime = said.path("media_time").asDouble();
        assertThat(mediaTime).as("said while paused where Ann paused")
                .isCloseTo(seen.path("pausedAt").asDouble(), within(0.25));
        JsonNode shown = seen.path("replay");
        assertThat(shown.path("shownBeforeItsTime").asInt()).isZero();
        assertThat(shown.path("mediaTimeShown").asDouble()).isCloseTo(mediaTime, within(0.001));
        assertThat(shown.path("appearedAt").asDouble()).as("film time when the line appeared")
                .isBetween(mediaTime, mediaTime + 0.3);
        assertThat(shown.path("shownAfterScrubForward").asInt()).isEqualTo(1);
        assertThat(texts(shown.path("lobbyLinesShown"))).as("the deleted line never replays")
                .contains("Hello Bob, popcorn ready?").doesNotContain("<img src=x onerror=alert(1)>");
        JsonNode reactions = api.get("/watch-parties/" + party + "/replay?event_type=reactions", setup).body()
                .path("events").path("items");
        assertThat(reactions).as("Bob's reaction, stored with its window").isNotEmpty();
        double reactedAt = reactions.get(0).path("media_time").asDouble();
        assertThat(shown.path("reactionShown").asText()).isEqualTo("😂");
        assertThat(shown.path("reactionAt").asDouble()).as("film time when the reaction rose in the replay")
                .isBetween(reactedAt, reactedAt + 0.3);
        assertThat(shown.path("shownAfterScrubBack").asInt()).isZero();

        assertThat(seen.path("problems")).as("no script error, nothing blocked by the page's policy").isEmpty();
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(20_000);
        assertThat(run.exitCode()).isZero();
    }

    /** "starts in 23:58:58" as seconds. */
    private static long countdownSeconds(String shown) {
        assertThat(shown).matches("starts in \\d+:\\d\\d:\\d\\d");
        String[] hms = shown.substring("starts in ".length()).split(":");
        return Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Long.parseLong(hms[2]);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
