package com.watchparty.query.catalog;

import com.watchparty.api.catalog.MovieAddedEvent;
import com.watchparty.api.catalog.MovieView;
import com.watchparty.query.ViewRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A movie of the catalog ({@code movie_view}). */
@Entity
@Table(name = "movie_view")
public class MovieRow extends ViewRow<UUID> {

    @Id
    private UUID id;
    private String title;
    private int durationSeconds;
    private String videoUrl;
    private String posterUrl;

    protected MovieRow() {
    }

    static MovieRow of(MovieAddedEvent event) {
        var row = new MovieRow();
        row.id = event.movieId();
        row.title = event.title();
        row.durationSeconds = event.durationSeconds();
        row.videoUrl = event.videoUrl();
        row.posterUrl = event.posterUrl();
        return row;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String title() {
        return title;
    }

    public int durationSeconds() {
        return durationSeconds;
    }

    public String posterUrl() {
        return posterUrl;
    }

    MovieView view() {
        return new MovieView(id, title, durationSeconds, videoUrl, posterUrl);
    }
}
