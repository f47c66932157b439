package com.watchparty.query.catalog;

import com.watchparty.api.PageRequest;
import com.watchparty.api.catalog.FindMovieQuery;
import com.watchparty.api.catalog.ListMoviesQuery;
import com.watchparty.api.catalog.MovieAddedEvent;
import com.watchparty.api.catalog.MovieView;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.api.error.RejectedException;
import com.watchparty.query.Projections;
import com.watchparty.query.QueryModelTest;
import com.watchparty.query.web.Queries;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog, a projection of things added once: what {@code GET /movies} and a waiting {@code POST} read. */
@QueryModelTest
class MovieProjectionTest {

    @Autowired
    Projections projections;
    @Autowired
    Queries queries;
    @Autowired
    QueryGateway gateway;

    @Test
    void moviesAreListedByTitleOnceEachAndTheirSubscribersHearOfThem() {
        projections.reset("movies");
        UUID zorro = UUID.randomUUID();
        UUID alien = UUID.randomUUID();
        var waiting = gateway.subscriptionQuery(new FindMovieQuery(zorro), ResponseTypes.optionalInstanceOf(MovieView.class),
                ResponseTypes.instanceOf(MovieView.class));
        var zorroAdded = new MovieAddedEvent(zorro, "Zorro", 5400, "https://v/z", "https://p/z");
        projections.handle("movies", zorro, 0, zorroAdded);
        projections.handle("movies", alien, 0, new MovieAddedEvent(alien, "Alien", 7000, "https://v/a", null));
        projections.handle("movies", zorro, 0, zorroAdded); // delivered again

        assertThat(waiting.updates().blockFirst(Duration.ofSeconds(5)))
                .isEqualTo(new MovieView(zorro, "Zorro", 5400, "https://v/z", "https://p/z"));
        var page = queries.page(new ListMoviesQuery(new PageRequest(0, 20)), MovieView.class);
        assertThat(page.items()).extracting(MovieView::title).containsExactly("Alien", "Zorro");
        assertThat(page.totalItems()).isEqualTo(2);
        var second = queries.page(new ListMoviesQuery(new PageRequest(1, 1)), MovieView.class);
        assertThat(second.items()).extracting(MovieView::id).containsExactly(zorro);
        assertThat(second.totalItems()).isEqualTo(2);
        waiting.close();
    }

    @Test
    void aResetEmptiesTheCatalog() {
        UUID movie = UUID.randomUUID();
        projections.handle("movies", movie, 0, new MovieAddedEvent(movie, "Metropolis", 9000, "https://v/m", null));
        projections.reset("movies");

        assertThatThrownBy(() -> queries.one(new FindMovieQuery(movie), MovieView.class, ErrorCode.NOT_FOUND, "movie"))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(queries.page(new ListMoviesQuery(new PageRequest(0, 20)), MovieView.class).totalItems()).isZero();
    }
}
