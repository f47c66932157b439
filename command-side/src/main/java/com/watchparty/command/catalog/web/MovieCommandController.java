package com.watchparty.command.catalog.web;

import com.watchparty.api.catalog.AddMovieCommand;
import com.watchparty.api.catalog.FindMovieQuery;
import com.watchparty.api.catalog.MovieView;
import com.watchparty.command.web.ReadYourWrites;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Admin endpoint that adds a movie to the catalog. */
@RestController
class MovieCommandController {

    private final ReadYourWrites readYourWrites;

    MovieCommandController(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @PostMapping("/movies")
    ResponseEntity<MovieView> add(@Valid @RequestBody AddMovieRequest request) {
        UUID movieId = UUID.randomUUID();
        var command = new AddMovieCommand(movieId, request.title(), request.durationSeconds(), request.videoUrl(),
                request.posterUrl());
        var location = URI.create("/movies/" + movieId);
        return readYourWrites.create(command, new FindMovieQuery(movieId), MovieView.class, location);
    }
}
