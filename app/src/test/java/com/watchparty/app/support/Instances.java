package com.watchparty.app.support;

import com.watchparty.app.WatchPartyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole instances of the service started and stopped by a test, several of them on one database if need be. */
public final class Instances {

    private Instances() {
    }

    /** An instance on a random port with dev tokens on; closing the context stops it. */
    public static ConfigurableApplicationContext start(TestDatabases.Database database) {
        return new SpringApplicationBuilder(WatchPartyApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--watchparty.auth.dev-tokens=true",
                "--logging.structured.format.console=");
    }

    public static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
