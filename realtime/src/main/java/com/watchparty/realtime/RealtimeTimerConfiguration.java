package com.watchparty.realtime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The room's timer for short timed tasks (token expiries, coalesced participant lists): one thread for all. */
@Configuration(proxyBeanMethods = false)
class RealtimeTimerConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService realtimeTimers() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "realtime-timers");
            thread.setDaemon(true);
            return thread;
        });
    }
}
