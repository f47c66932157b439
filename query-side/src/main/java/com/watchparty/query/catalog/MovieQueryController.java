package com.watchparty.query.catalog;

import com.watchparty.api.catalog.FindMovieQuery;
import com.watchparty.api.catalog.ListMoviesQuery;
import com.watchparty.api.catalog.MovieView;
import com.watchparty.query.web.CatalogController;
import com.watchparty.query.web.Queries;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/movies")
class MovieQueryController extends CatalogController<MovieView> {

    MovieQueryController(Queries queries) {
        super(queries, MovieView.class, ListMoviesQuery::new, FindMovieQuery::new, "movie");
    }
}
