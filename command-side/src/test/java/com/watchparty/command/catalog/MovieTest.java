package com.watchparty.command.catalog;

import com.watchparty.api.catalog.AddMovieCommand;
import com.watchparty.api.catalog.MovieAddedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;
import static com.watchparty.command.RejectionMatchers.rejectedWith;

class MovieTest {

    private static final UUID MOVIE = UUID.nameUUIDFromBytes("movie".getBytes());
    private static final String VIDEO = "https://cdn.example.com/movies/metropolis.mp4";
    private static final String POSTER = "https://cdn.example.com/posters/metropolis.jpg";

    private FixtureConfiguration<Movie> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Movie.class);
    }

    @Test
    void addsAMovie() {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "Metropolis", 9_180, VIDEO, POSTER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MovieAddedEvent(MOVIE, "Metropolis", 9_180, VIDEO, POSTER));
    }

    @Test
    void stripsTheTitle() {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "  Metropolis \t", 9_180, VIDEO, POSTER))
                .expectEvents(new MovieAddedEvent(MOVIE, "Metropolis", 9_180, VIDEO, POSTER));
    }

    @ParameterizedTest(name = "title [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void refusesAMissingTitle(String title) {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, title, 9_180, VIDEO, POSTER))
                .expectException(rejectedWith(VALIDATION_FAILED, "title"))
                .expectNoEvents();
    }

    @Test
    void refusesATitleLongerThan200Characters() {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "t".repeat(201), 9_180, VIDEO, POSTER))
                .expectException(rejectedWith(VALIDATION_FAILED, "title"))
                .expectExceptionMessage("title must have 1 to 200 characters")
                .expectNoEvents();
    }

    @Test
    void acceptsATitleOf200Characters() {
        String title = "t".repeat(200);

        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, title, 9_180, VIDEO, POSTER))
                .expectEvents(new MovieAddedEvent(MOVIE, title, 9_180, VIDEO, POSTER));
    }

    @ParameterizedTest(name = "duration_seconds {0}")
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 24 * 3600 + 1})
    void refusesADurationOutOfBounds(int durationSeconds) {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "Metropolis", durationSeconds, VIDEO, POSTER))
                .expectException(rejectedWith(VALIDATION_FAILED, "duration_seconds"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "duration_seconds {0}")
    @ValueSource(ints = {1, 24 * 3600})
    void acceptsADurationFromOneSecondToOneDay(int durationSeconds) {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "Metropolis", durationSeconds, VIDEO, POSTER))
                .expectEvents(new MovieAddedEvent(MOVIE, "Metropolis", durationSeconds, VIDEO, POSTER));
    }

    @ParameterizedTest(name = "video_url {0}")
    @ValueSource(strings = {"https://cdn.example.com/m.mp4", "http://localhost:8080/media/m.mp4", "/media/m.mp4"})
    void acceptsAnAbsoluteHttpUrlOrAPath(String videoUrl) {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "Metropolis", 9_180, videoUrl, null))
                .expectEvents(new MovieAddedEvent(MOVIE, "Metropolis", 9_180, videoUrl, null));
    }

    @ParameterizedTest(name = "video_url [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "media/m.mp4", "ftp://cdn.example.com/m.mp4", "https://", "https:/media/m.mp4",
            "//cdn.example.com/m.mp4", "javascript:alert(1)", "/media/my movie.mp4"})
    void refusesAVideoUrlThatIsNeitherAnHttpUrlNorAPath(String videoUrl) {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "Metropolis", 9_180, videoUrl, POSTER))
                .expectException(rejectedWith(VALIDATION_FAILED, "video_url"))
                .expectNoEvents();
    }

    /** Projections store the title in PostgreSQL (no U+0000) and sockets send it as UTF-8 (no lone surrogate). */
    @ParameterizedTest(name = "title [{0}]")
    @ValueSource(strings = {"Metro\u0000polis", "Metro\npolis", "Metro\tpolis", "\u001b[31mMetropolis",
            "Metropolis\u0085", "lone\ud800surrogate", "\udc00Metropolis", "Metropolis\ud83c"})
    void refusesATitleThatIsNotOneLineOfPlainText(String title) {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, title, 9_180, VIDEO, POSTER))
                .expectException(rejectedWith(VALIDATION_FAILED, "title"))
                .expectNoEvents();
    }

    @Test
    void acceptsATitleInAnyScript() {
        String title = "Amélie – 千と千尋の神隠し 🎬";

        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, title, 9_180, VIDEO, POSTER))
                .expectEvents(new MovieAddedEvent(MOVIE, title, 9_180, VIDEO, POSTER));
    }

    @ParameterizedTest(name = "video_url [{0}]")
    @ValueSource(strings = {"/media/a\u0000.mp4", "/media/lone\ud800surrogate.mp4", "https://cdn.example.com/\udfff"})
    void refusesAVideoUrlThatIsNotPlainText(String videoUrl) {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "Metropolis", 9_180, videoUrl, POSTER))
                .expectException(rejectedWith(VALIDATION_FAILED, "video_url"))
                .expectNoEvents();
    }

    @Test
    void refusesAPosterUrlThatIsNotPlainText() {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "Metropolis", 9_180, VIDEO, "/posters/\ud800.jpg"))
                .expectException(rejectedWith(VALIDATION_FAILED, "poster_url"))
                .expectNoEvents();
    }

    @Test
    void refusesAUrlLongerThan2048Characters() {
        String longUrl = "/media/" + "m".repeat(2048 - "/media/".length() + 1);

        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "Metropolis", 9_180, longUrl, null))
                .expectException(rejectedWith(VALIDATION_FAILED, "video_url"))
                .expectExceptionMessage("video_url has at most 2048 characters")
                .expectNoEvents();
    }

    @Test
    void acceptsAUrlOf2048Characters() {
        String url = "/media/" + "m".repeat(2048 - "/media/".length());

        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "Metropolis", 9_180, url, null))
                .expectEvents(new MovieAddedEvent(MOVIE, "Metropolis", 9_180, url, null));
    }

    @Test
    void refusesAPosterUrlThatIsNeitherAnHttpUrlNorAPath() {
        fixture.givenNoPriorActivity()
                .when(new AddMovieCommand(MOVIE, "Metropolis", 9_180, VIDEO, "posters/m.jpg"))
                .expectException(rejectedWith(VALIDATION_FAILED, "poster_url"))
                .expectNoEvents();
    }
}
