package dev.loupe.notification.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of the outbox for dashboards and alerts: {@code loupe.emails.queued{status=pending}} (waiting to be sent or
 * retried) and {@code {status=failed}} (given up). Counted in the database, so they agree across instances; each
 * count is cached for 15 seconds so that scrapes cost little. The counters {@code loupe.emails.sent},
 * {@code loupe.emails.failed} and {@code loupe.emails.retries} come from {@link EmailDelivery}.
 */
@Component
class EmailMetrics {

	private static final Duration CACHE = Duration.ofSeconds(15);

	private final JdbcClient jdbc;
	private final Map<String, long[]> cached = new ConcurrentHashMap<>();

	EmailMetrics(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		for (String status : new String[] { "pending", "failed" }) {
			Gauge.builder("loupe.emails.queued", () -> count(status))
				.tag("status", status)
				.description("Emails in the outbox by delivery status")
				.register(meters);
		}
	}

	long count(String status) {
		long now = Instant.now().toEpochMilli();
		long[] entry = cached.get(status);
		if (entry == null || now - entry[1] > CACHE.toMillis()) {
			long count = jdbc.sql("select count(*) from notification.message where status = ? and status in ('pending', 'failed')")
				.param(status)
				.query(Long.class)
				.single();
			entry = new long[] { count, now };
			cached.put(status, entry);
		}
		return entry[0];
	}
}
