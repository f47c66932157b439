package com.watchparty.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Assembles the command side and the query side into one service on one PostgreSQL. */
@SpringBootApplication(scanBasePackages = "com.watchparty")
public class WatchPartyApplication {

    /** Axon's update checker would call AxonIQ's servers at start-up; the service talks to PostgreSQL only. */
    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        SpringApplication.run(WatchPartyApplication.class, args);
    }
}
