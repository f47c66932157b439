package com.watchparty.app.support;

import com.watchparty.app.WatchPartyApplication;
import com.watchparty.testsupport.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** Whole instances of the service started and stopped by a test, several of them on one database if need be. */
public final class Instances {

    private Instances() {
    }

    /**
     * An instance on a random port with dev tokens on; closing the context stops it.
     *
     * @param settings more {@code --name=value} settings for this instance
     */
    public static ConfigurableApplicationContext start(TestDatabases.Database database, String... settings) {
        var args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--watchparty.auth.dev-tokens=true",
                "--logging.structured.format.console="));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(WatchPartyApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
