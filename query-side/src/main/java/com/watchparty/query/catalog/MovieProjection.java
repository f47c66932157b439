package com.watchparty.query.catalog;

import com.watchparty.api.Page;
import com.watchparty.api.catalog.FindMovieQuery;
import com.watchparty.api.catalog.ListMoviesQuery;
import com.watchparty.api.catalog.MovieAddedEvent;
import com.watchparty.api.catalog.MovieView;
import com.watchparty.query.Pages;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The movie catalog, as {@code GET /movies} lists it. */
@Component
@ProcessingGroup("movies")
class MovieProjection {

    private static final RowMapper<MovieView> ROW = (rs, n) -> new MovieView(rs.getObject("id", UUID.class),
            rs.getString("title"), rs.getInt("duration_seconds"), rs.getString("video_url"),
            rs.getString("poster_url"));

    private final JdbcClient jdbc;
    private final QueryUpdateEmitter emitter;

    MovieProjection(JdbcClient jdbc, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.emitter = emitter;
    }

    @EventHandler
    void on(MovieAddedEvent event) {
        jdbc.sql("""
                        insert into movie_view (id, title, duration_seconds, video_url, poster_url)
                        values (?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(event.movieId(), event.title(), event.durationSeconds(), event.videoUrl(), event.posterUrl())
                .update();
        emitter.emit(FindMovieQuery.class, q -> q.movieId().equals(event.movieId()),
                new MovieView(event.movieId(), event.title(), event.durationSeconds(), event.videoUrl(),
                        event.posterUrl()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from movie_view").update();
    }

    @QueryHandler
    Optional<MovieView> handle(FindMovieQuery query) {
        return jdbc.sql("select * from movie_view where id = ?").param(query.movieId()).query(ROW).optional();
    }

    @QueryHandler
    Page<MovieView> handle(ListMoviesQuery query) {
        return Pages.read(jdbc, "*", "from movie_view", "title, id", List.of(), ROW, query.page());
    }
}
