package dev.loupe.notification.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends the outbox: one db-scheduler execution ({@code send-email}, instance = message id) per message, run on one
 * instance at a time (db-scheduler claims it with a row lock and a heartbeat; a dead instance's execution is revived
 * elsewhere), outside any transaction. A transient failure reschedules the execution with exponential backoff (at
 * least the provider's {@code Retry-After}); a permanent one, or the last allowed attempt, marks the message failed.
 */
@Configuration(proxyBeanMethods = false)
class EmailDelivery {

	static final TaskDescriptor<Void> SEND = TaskDescriptor.of("send-email");
	private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

	/**
	 * Registered only where a provider is configured: db-scheduler does not pick executions of tasks an instance does
	 * not know, so an instance without a provider (during a rolling change of the settings) leaves them to the others.
	 */
	@Bean
	@Conditional(ProviderConfigured.class)
	CustomTask<Void> sendEmailTask(JdbcClient jdbc, MailProvider provider, MailSettings settings, MeterRegistry meters,
			Clock clock) {
		Attempts attempts = new Attempts(jdbc, provider, settings, meters, clock);
		return Tasks.custom(SEND).onDeadExecutionRevive().execute((instance, context) -> {
			Instant retryAt = attempts.attempt(instance.getId());
			if (retryAt == null) {
				return new CompletionHandler.OnCompleteRemove<>();
			}
			return (complete, operations) -> operations.reschedule(complete, retryAt);
		});
	}

	static final class ProviderConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var env = context.getEnvironment();
			return !env.getProperty("loupe.mail.resend.api-key", "").isBlank()
					|| !env.getProperty("loupe.mail.smtp-url", "").isBlank();
		}
	}

	/** One attempt at one message, and its outcome recorded on the message. */
	static final class Attempts {

		private final JdbcClient jdbc;
		private final MailProvider provider;
		private final MailSettings settings;
		private final MeterRegistry meters;
		private final Clock clock;

		Attempts(JdbcClient jdbc, MailProvider provider, MailSettings settings, MeterRegistry meters, Clock clock) {
			this.jdbc = jdbc;
			this.provider = provider;
			this.settings = settings;
			this.meters = meters;
			this.clock = clock;
		}

		/** Sends the message if it is still pending; returns when to try again, or null when done. */
		Instant attempt(String messageId) {
			var row = jdbc.sql("""
					select recipient, subject, body_text, body_html, attempts from notification.message
					where id = ? and status = 'pending'""")
				.param(messageId)
				.query((rs, n) -> new Object[] { new OutgoingEmail(messageId, settings.from(), rs.getString(1),
						rs.getString(2), rs.getString(3), rs.getString(4)), rs.getInt(5) })
				.optional();
			if (row.isEmpty()) {
				return null;
			}
			OutgoingEmail email = (OutgoingEmail) row.get()[0];
			int attempt = (Integer) row.get()[1] + 1;
			// The task exists only where a provider is configured (ProviderConfigured).
			MailSender sender = provider.sender().orElseThrow();
			try {
				String providerId = sender.send(email);
				jdbc.sql("""
						update notification.message set status = 'sent', sent_at = ?, attempts = ?, provider = ?,
						    provider_message_id = ?, last_error = null, next_attempt_at = null
						where id = ? and status = 'pending'""")
					.params(Timestamp.from(clock.instant()), attempt, sender.name(), providerId, messageId)
					.update();
				meters.counter("loupe.emails.sent", "provider", sender.name()).increment();
				return null;
			}
			catch (DeliveryFailure | RuntimeException e) {
				boolean permanent = e instanceof DeliveryFailure f && f.permanent();
				Duration retryAfter = e instanceof DeliveryFailure f ? f.retryAfter() : Duration.ZERO;
				String error = truncate(e.getMessage());
				if (permanent || attempt >= settings.maxAttempts()) {
					jdbc.sql("""
							update notification.message set status = 'failed', attempts = ?, last_error = ?,
							    next_attempt_at = null
							where id = ? and status = 'pending'""")
						.params(attempt, error, messageId)
						.update();
					meters.counter("loupe.emails.failed", "provider", sender.name()).increment();
					log.warn("Email {} failed after {} attempt(s), not retried: {}", messageId, attempt, error);
					return null;
				}
				Duration wait = settings.backoff(attempt);
				if (retryAfter.compareTo(wait) > 0) {
					wait = retryAfter;
				}
				Instant next = clock.instant().plus(wait);
				jdbc.sql("""
						update notification.message set attempts = ?, last_error = ?, next_attempt_at = ?
						where id = ? and status = 'pending'""")
					.params(attempt, error, Timestamp.from(next), messageId)
					.update();
				meters.counter("loupe.emails.retries", "provider", sender.name()).increment();
				log.info("Email {} attempt {} failed, next at {}: {}", messageId, attempt, next, error);
				return next;
			}
		}

		private static String truncate(String message) {
			String m = message == null ? "unknown error" : message;
			return m.length() > 1000 ? m.substring(0, 1000) : m;
		}
	}
}
