package dev.loupe.webhook.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the webhook inbox.
 *
 * @param maxAttempts failed processing attempts after which a delivery is dead ({@code LOUPE_WEBHOOK_MAX_ATTEMPTS})
 * @param retryBase the wait after the first failure; each further failure doubles it ({@code LOUPE_WEBHOOK_RETRY_BASE})
 * @param retryMax the longest wait between two attempts ({@code LOUPE_WEBHOOK_RETRY_MAX})
 * @param sweepInterval how often every instance looks for deliveries that are due and not queued
 *        ({@code LOUPE_WEBHOOK_SWEEP_INTERVAL})
 * @param processingLease how long a delivery may stay {@code processing} before it counts as interrupted (its process
 *        died) and is processed again ({@code LOUPE_WEBHOOK_PROCESSING_LEASE})
 * @param maxBodySize the largest delivery accepted; larger ones are answered 413 ({@code LOUPE_WEBHOOK_MAX_BODY_SIZE})
 */
@ConfigurationProperties("loupe.webhook")
public record WebhookProperties(@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration retryBase,
		@DefaultValue("1h") Duration retryMax, @DefaultValue("5s") Duration sweepInterval,
		@DefaultValue("5m") Duration processingLease, @DefaultValue("512KB") DataSize maxBodySize) {

	public WebhookProperties {
		if (maxAttempts < 1 || maxAttempts > 100) {
			throw new IllegalArgumentException("loupe.webhook.max-attempts must be between 1 and 100");
		}
		if (retryBase.isNegative() || retryBase.isZero() || retryMax.compareTo(retryBase) < 0) {
			throw new IllegalArgumentException("loupe.webhook.retry-base must be positive and at most retry-max");
		}
		if (sweepInterval.isNegative() || sweepInterval.isZero() || processingLease.isNegative()
				|| processingLease.isZero()) {
			throw new IllegalArgumentException("loupe.webhook.sweep-interval and processing-lease must be positive");
		}
		if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > DataSize.ofMegabytes(2).toBytes()) {
			throw new IllegalArgumentException("loupe.webhook.max-body-size must be between 1KB and 2MB");
		}
	}

	/** The wait before attempt {@code attempts + 1}, after {@code attempts} failures: base · 2^(attempts−1), capped. */
	public Duration backoff(int attempts) {
		int doublings = Math.max(0, Math.min(attempts - 1, 30));
		Duration wait = retryBase.multipliedBy(1L << doublings);
		return wait.compareTo(retryMax) > 0 ? retryMax : wait;
	}
}
