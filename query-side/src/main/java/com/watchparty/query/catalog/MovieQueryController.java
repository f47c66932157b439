package com.watchparty.query.catalog;

import com.watchparty.api.Page;
import com.watchparty.api.PageRequest;
import com.watchparty.api.catalog.FindMovieQuery;
import com.watchparty.api.catalog.ListMoviesQuery;
import com.watchparty.api.catalog.MovieView;
import com.watchparty.api.error.ErrorCode;
import com.watchparty.query.web.Queries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/movies")
class MovieQueryController {

    private final Queries queries;

    MovieQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    Page<MovieView> list(@RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "" + Page.DEFAULT_SIZE) int size) {
        return queries.page(new ListMoviesQuery(new PageRequest(page, size)), MovieView.class);
    }

    @GetMapping("/{id}")
    MovieView get(@PathVariable UUID id) {
        return queries.one(new FindMovieQuery(id), MovieView.class, ErrorCode.NOT_FOUND, "movie " + id);
    }
}
