package com.watchparty.command.catalog;

import com.watchparty.api.catalog.AddMovieCommand;
import com.watchparty.api.catalog.MovieAddedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;
import static com.watchparty.command.PlainText.ONE_LINE;
import static com.watchparty.command.Rules.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A film of the catalog that parties can show. */
@Aggregate(filterEventsByType = true)
public class Movie {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_DURATION_SECONDS = 24 * 3600;
    /** Longer than any CDN's signed URL, short enough that a URL is never a way to store a document. */
    static final int MAX_URL_LENGTH = 2048;

    @AggregateIdentifier
    private UUID movieId;

    protected Movie() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Movie(AddMovieCommand command) {
        require(command.title() != null && !command.title().isBlank() && command.title().length() <= MAX_TITLE_LENGTH,
                VALIDATION_FAILED, "title must have 1 to " + MAX_TITLE_LENGTH + " characters", "title");
        ONE_LINE.require(command.title().strip(), "title");
        require(command.durationSeconds() > 0 && command.durationSeconds() <= MAX_DURATION_SECONDS,
                VALIDATION_FAILED, "duration_seconds must be between 1 and " + MAX_DURATION_SECONDS,
                "duration_seconds");
        requireUrl(command.videoUrl(), "video_url");
        if (command.posterUrl() != null) {
            requireUrl(command.posterUrl(), "poster_url");
        }
        apply(new MovieAddedEvent(command.movieId(), command.title().strip(), command.durationSeconds(),
                command.videoUrl(), command.posterUrl()));
    }

    @EventSourcingHandler
    void on(MovieAddedEvent event) {
        movieId = event.movieId();
    }

    private static void requireUrl(String value, String field) {
        require(value == null || value.length() <= MAX_URL_LENGTH, VALIDATION_FAILED,
                field + " has at most " + MAX_URL_LENGTH + " characters", field);
        ONE_LINE.require(value, field);
        require(isUrl(value), VALIDATION_FAILED, field + " must be an absolute http(s) URL or a path", field);
    }

    /** Media may live on the platform's CDN (absolute URL) or be served beside the app (absolute path). */
    static boolean isUrl(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null) {
                return value.startsWith("/") && uri.getHost() == null;
            }
            return (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
