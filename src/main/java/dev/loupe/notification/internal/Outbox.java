package dev.loupe.notification.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.loupe.platform.Ids;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes messages to {@code notification.message} in the caller's transaction and, when a provider is configured,
 * schedules their delivery task in the same transaction (db-scheduler writes through Spring's transaction): a
 * message exists exactly when its delivery does, and nothing is sent for a transaction that rolls back.
 */
@Component
public class Outbox {

	private final JdbcClient jdbc;
	private final SchedulerClient scheduler;
	private final MailProvider provider;
	private final Clock clock;

	Outbox(JdbcClient jdbc, SchedulerClient scheduler, MailProvider provider, Clock clock) {
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.provider = provider;
		this.clock = clock;
	}

	/**
	 * Queues a message; with a {@code dedupKey}, a second message with the same key is not queued (a retried event
	 * sends its email once). Returns the new message's id, or empty when the key was already used.
	 */
	@Transactional
	public Optional<String> queue(String recipient, RenderedEmail email, String dedupKey) {
		String id = Ids.next("msg");
		boolean deliver = provider.sender().isPresent();
		int inserted = jdbc.sql("""
				insert into notification.message
				    (id, recipient, template, subject, body_text, body_html, dedup_key, status, provider, next_attempt_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (dedup_key) where dedup_key is not null do nothing""")
			.params(id, recipient, email.template(), email.subject(), email.text(), email.html(), dedupKey,
					deliver ? "pending" : "outbox", provider.name(),
					deliver ? java.sql.Timestamp.from(clock.instant()) : null)
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		if (deliver) {
			scheduler.scheduleIfNotExists(EmailDelivery.SEND.instance(id).build(), clock.instant());
		}
		return Optional.of(id);
	}
}
