package com.watchparty.realtime.presence;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.watchparty.realtime.RealtimeRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sweep of expired presence leases: a db-scheduler recurring task, so one instance runs it at a time. */
@Configuration(proxyBeanMethods = false)
class PresenceSchedules {

    @Bean
    RecurringTask<Void> presenceSweep(RealtimeRules rules, Presence presence) {
        return Tasks.recurring("presence-sweep", FixedDelay.of(rules.leaseHeartbeat()))
                .execute((instance, context) -> presence.sweep());
    }
}
