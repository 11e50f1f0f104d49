package dev.loupe.webhook.internal;

import dev.loupe.webhook.WebhookDelivery;
import dev.loupe.webhook.WebhookEnvelope;
import dev.loupe.webhook.WebhookSource;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the queue of one object (source and object id), oldest delivery first. Only one task runs per
 * object at a time (the task's instance id is the object), so deliveries for one object are applied in the order
 * they were received. A delivery whose source fails waits for its retry, and the object's later deliveries wait
 * behind it, until it succeeds or is dead; a dead delivery no longer blocks its object.
 */
@Component
public class DeliveryProcessor {

	private static final Logger log = LoggerFactory.getLogger(DeliveryProcessor.class);

	/** Deliveries applied per run of an object's task; a busier object continues in the next run. */
	private static final int BATCH = 100;

	private final DeliveryRows rows;
	private final WebhookSources sources;
	private final WebhookProperties properties;
	private final WebhookMetrics metrics;
	private final TransactionTemplate tx;

	DeliveryProcessor(DeliveryRows rows, WebhookSources sources, WebhookProperties properties, WebhookMetrics metrics,
			TransactionTemplate tx) {
		this.rows = rows;
		this.sources = sources;
		this.properties = properties;
		this.metrics = metrics;
		this.tx = tx;
	}

	/** The task instance id of an object's queue. */
	public static String queue(String source, String objectId) {
		return source + ":" + objectId;
	}

	/** Processes the due deliveries of the queue named by {@link #queue}; answers how many were applied. */
	public int processQueue(String queue) {
		int colon = queue.indexOf(':');
		if (colon < 0) {
			return 0;
		}
		String source = queue.substring(0, colon);
		String objectId = queue.substring(colon + 1);
		int applied = 0;
		for (int i = 0; i < BATCH; i++) {
			Optional<WebhookDelivery> head = tx.execute(s -> {
				Optional<WebhookDelivery> first = rows.lockHead(source, objectId);
				if (first.isEmpty() || !rows.due(first.get().id())) {
					return Optional.<WebhookDelivery>empty();
				}
				rows.startProcessing(first.get().id());
				return first;
			});
			if (head.isEmpty()) {
				return applied;
			}
			if (!apply(head.get())) {
				return applied;
			}
			applied++;
		}
		return applied;
	}

	/** Applies one delivery; false when it failed and its object must wait for the retry. */
	private boolean apply(WebhookDelivery delivery) {
		int attempts = delivery.attempts() + 1;
		try {
			WebhookSource source = sources.find(delivery.source())
				.orElseThrow(() -> new IllegalStateException("No webhook source named " + delivery.source()));
			source.process(new WebhookEnvelope(delivery.eventId(), delivery.type(), delivery.objectId(),
					delivery.payload()));
			tx.executeWithoutResult(s -> rows.processed(delivery.id()));
			metrics.count(delivery.source(), "processed");
			return true;
		}
		catch (RuntimeException e) {
			boolean dead = attempts >= properties.maxAttempts();
			Duration wait = dead ? Duration.ZERO : properties.backoff(attempts);
			String error = e.getClass().getSimpleName() + ": " + e.getMessage();
			tx.executeWithoutResult(s -> rows.failed(delivery.id(), error.length() > 2000 ? error.substring(0, 2000)
					: error, dead, wait));
			metrics.count(delivery.source(), dead ? "dead" : "failed");
			if (dead) {
				log.error("Webhook delivery {} ({} {} of {}) is dead after {} attempts", delivery.id(), delivery.source(),
						delivery.type(), delivery.objectId(), attempts, e);
				return true;
			}
			log.warn("Webhook delivery {} ({} {}) failed (attempt {}), retried in {}: {}", delivery.id(),
					delivery.source(), delivery.type(), attempts, wait, e.toString());
			return false;
		}
	}
}
