package dev.loupe.webhook.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters of the inbox, {@code loupe.webhook.deliveries} tagged by {@code source} and {@code outcome}: received,
 * duplicate, rejected, processed, failed (an attempt failed and will be retried), dead.
 */
@Component
public class WebhookMetrics {

	private final MeterRegistry registry;

	WebhookMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void count(String source, String outcome) {
		Counter.builder("loupe.webhook.deliveries")
			.description("Webhook deliveries by source and outcome")
			.tag("source", source)
			.tag("outcome", outcome)
			.register(registry)
			.increment();
	}
}
