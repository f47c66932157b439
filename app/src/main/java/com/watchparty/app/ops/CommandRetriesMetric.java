package com.watchparty.app.ops;

import com.watchparty.command.config.ConcurrencyRetryScheduler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code watchparty.commands.retries}: commands sent again after a conflict or a lost instance, on this instance. */
@Component
class CommandRetriesMetric implements MeterBinder {

    static final String METER = "watchparty.commands.retries";
    private final ConcurrencyRetryScheduler retries;

    CommandRetriesMetric(ConcurrencyRetryScheduler retries) {
        this.retries = retries;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(METER, retries, ConcurrencyRetryScheduler::retries)
                .description("commands sent again after a conflict on their aggregate or a lost instance")
                .register(registry);
    }
}
