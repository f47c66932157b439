package com.watchparty.query.catalog;

import com.watchparty.api.Page;
import com.watchparty.api.catalog.FindMovieQuery;
import com.watchparty.api.catalog.ListMoviesQuery;
import com.watchparty.api.catalog.MovieAddedEvent;
import com.watchparty.api.catalog.MovieView;
import com.watchparty.query.AddOnceProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The movie catalog, as {@code GET /movies} lists it. */
@Component
@ProcessingGroup("movies")
class MovieProjection extends AddOnceProjection<MovieRow, MovieView, FindMovieQuery> {

    MovieProjection(MovieRows movies, QueryUpdateEmitter emitter) {
        super(movies, MovieRow::view, Sort.by("title", "id"), emitter, FindMovieQuery.class, FindMovieQuery::movieId);
    }

    @EventHandler
    void on(MovieAddedEvent event) {
        add(MovieRow.of(event));
    }

    @QueryHandler
    Optional<MovieView> handle(FindMovieQuery query) {
        return find(query.movieId());
    }

    @QueryHandler
    Page<MovieView> handle(ListMoviesQuery query) {
        return page(query.page());
    }
}
