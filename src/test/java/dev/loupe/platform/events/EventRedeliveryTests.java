package dev.loupe.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.loupe.platform.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event survives a listener that dies half-way: it stays incomplete in the outbox and the durable redelivery
 * task hands it to the listener again, which then completes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "loupe.event-retry-after=0s")
@ActiveProfiles("test")
@Import(EventRedeliveryTests.CrashingListener.class)
class EventRedeliveryTests {

	record ParcelScanned(String parcelId) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CrashingListener {

		final AtomicInteger attempts = new AtomicInteger();
		final Set<String> delivered = ConcurrentHashMap.newKeySet();

		@ApplicationModuleListener
		void on(ParcelScanned event) {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("the listener crashed half-way");
			}
			delivered.add(event.parcelId());
		}

		// The listener is proxied (it runs in a transaction): tests read its state through methods.
		int attempts() {
			return attempts.get();
		}

		boolean hasDelivered(String parcelId) {
			return delivered.contains(parcelId);
		}
	}

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SchedulerClient scheduler;

	@Autowired
	CrashingListener listener;

	@Test
	void anEventWhoseListenerCrashedIsDeliveredLaterByTheDurableTask() {
		String parcel = Ids.next("parcel");
		transactions.executeWithoutResult(status -> events.publishEvent(new ParcelScanned(parcel)));

		await().atMost(Duration.ofSeconds(10)).until(() -> listener.attempts() >= 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> publication(parcel, false) == 1);
		assertThat(listener.hasDelivered(parcel)).isFalse();

		boolean triggered = scheduler.reschedule(TaskInstanceId.of(EventRedelivery.RESUBMIT_TASK, RecurringTask.INSTANCE),
				Instant.now());
		assertThat(triggered).isTrue();

		await().atMost(Duration.ofSeconds(20)).until(() -> listener.hasDelivered(parcel));
		await().atMost(Duration.ofSeconds(5)).until(() -> publication(parcel, true) == 1);
		assertThat(publication(parcel, false)).isZero();
		assertThat(listener.attempts()).isEqualTo(2);
	}

	@Test
	void bothMaintenanceTasksAreRegisteredDurably() {
		assertThat(jdbc.sql("select task_name from scheduled_tasks where task_name in (?, ?)")
			.params(EventRedelivery.RESUBMIT_TASK, EventRedelivery.PURGE_TASK)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(EventRedelivery.RESUBMIT_TASK, EventRedelivery.PURGE_TASK);
	}

	private long publication(String parcel, boolean completed) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like ? and completion_date is "
				+ (completed ? "not null" : "null"))
			.param("%" + parcel + "%")
			.query(Long.class)
			.single();
	}
}
