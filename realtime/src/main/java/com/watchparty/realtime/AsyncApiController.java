package com.watchparty.realtime;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the AsyncAPI 3 document of the {@code /watch-party} namespace at {@code /asyncapi.yaml}, as the REST API's
 * OpenAPI document is served at {@code /v3/api-docs}: every client and server event, its payload, its ack and the
 * error codes. {@code AsyncApiDocumentTest} keeps it to exactly the events the gateway has.
 */
@RestController
class AsyncApiController {

    static final String DOCUMENT = "asyncapi/watch-party.yaml";
    static final String MEDIA_TYPE = "application/yaml";

    private final byte[] document;

    AsyncApiController() {
        try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the AsyncAPI document " + DOCUMENT + " is missing", e);
        }
    }

    @GetMapping(path = "/asyncapi.yaml", produces = MEDIA_TYPE + ";charset=UTF-8")
    byte[] document() {
        return document;
    }
}
