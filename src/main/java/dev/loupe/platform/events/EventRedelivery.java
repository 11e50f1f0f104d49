package dev.loupe.platform.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.loupe.platform.LoupeProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Keeps the outbox moving: events whose listener failed (an exception, a crash, a lost connection) stay incomplete
 * in {@code event_publication}; a durable task delivers them again every minute, on exactly one instance, until
 * they complete. Completed publications are purged after a week. Listeners are idempotent, so redelivery is safe.
 */
@Configuration(proxyBeanMethods = false)
class EventRedelivery {

	static final String RESUBMIT_TASK = "resubmit-incomplete-events";
	static final String PURGE_TASK = "purge-completed-events";
	private static final Duration KEEP_COMPLETED = Duration.ofDays(7);

	@Bean
	RecurringTask<Void> resubmitIncompleteEvents(IncompleteEventPublications incomplete, LoupeProperties properties) {
		return Tasks.recurring(RESUBMIT_TASK, FixedDelay.ofMinutes(1))
			.execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(properties.eventRetryAfter()));
	}

	@Bean
	RecurringTask<Void> purgeCompletedEvents(CompletedEventPublications completed) {
		return Tasks.recurring(PURGE_TASK, FixedDelay.ofHours(6))
			.execute((instance, context) -> completed.deletePublicationsOlderThan(KEEP_COMPLETED));
	}
}
