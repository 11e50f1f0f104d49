package dev.loupe.webhook.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inbox's durable tasks: {@value #QUEUE_TASK}, one instance per object (its id is {@code source:object}), which
 * db-scheduler runs on one instance of the application at a time; and {@value #SWEEP_TASK}, which queues the objects
 * whose deliveries are due but have no task (a retry's time has come, a delivery stored by a process that died before
 * queueing it, or one that arrived while its object's task was finishing).
 */
@Configuration(proxyBeanMethods = false)
public class WebhookTasks {

	private static final Logger log = LoggerFactory.getLogger(WebhookTasks.class);

	public static final String QUEUE_TASK = "webhook-queue";
	public static final String SWEEP_TASK = "webhook-sweep";

	@Bean
	OneTimeTask<Void> webhookQueueTask(DeliveryProcessor processor) {
		return Tasks.oneTime(QUEUE_TASK).execute((instance, context) -> processor.processQueue(instance.getId()));
	}

	@Bean
	RecurringTask<Void> webhookSweepTask(DeliveryRows rows, WebhookProperties properties,
			@Qualifier("webhookQueueTask") OneTimeTask<Void> webhookQueueTask) {
		return Tasks.recurring(SWEEP_TASK, FixedDelay.of(properties.sweepInterval()))
			.execute((instance, context) -> {
				for (DeliveryRows.ObjectKey key : rows.dueObjects(properties.processingLease(), 500)) {
					enqueue(context.getSchedulerClient(), webhookQueueTask, key.source(), key.objectId());
				}
			});
	}

	/** Queues an object's task to run now, unless it is already queued or running. Never throws. */
	public static void enqueue(SchedulerClient scheduler, OneTimeTask<Void> task, String source, String objectId) {
		try {
			scheduler.scheduleIfNotExists(task.instance(DeliveryProcessor.queue(source, objectId)), Instant.now());
		}
		catch (RuntimeException e) {
			// The sweeper queues it later.
			log.warn("Could not queue webhook deliveries of {} {}: {}", source, objectId, e.toString());
		}
	}
}
