package dev.loupe.webhook;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.webhook.internal.DeliveryRows;
import dev.loupe.webhook.internal.WebhookMetrics;
import dev.loupe.webhook.internal.WebhookSources;
import dev.loupe.webhook.internal.WebhookTasks;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The inbox of webhook deliveries (ADR 012): {@link #receive} verifies and stores a delivery and queues its object
 * for processing by a durable task; {@link #replay} puts a delivery back in its queue; {@link #list} and
 * {@link #find} show them to the back office.
 */
@Service
public class WebhookInbox {

	private static final Logger log = LoggerFactory.getLogger(WebhookInbox.class);

	/** The statuses of a delivery, as stored. */
	public static final Set<String> STATUSES = Set.of("received", "processing", "processed", "failed", "dead");

	/** What a stored (or duplicate) delivery was answered with. */
	public record Receipt(String deliveryId, boolean duplicate) {
	}

	private final DeliveryRows rows;
	private final WebhookSources sources;
	private final WebhookMetrics metrics;
	private final ObjectProvider<SchedulerClient> scheduler;
	private final OneTimeTask<Void> queueTask;

	WebhookInbox(DeliveryRows rows, WebhookSources sources, WebhookMetrics metrics,
			ObjectProvider<SchedulerClient> scheduler, @Qualifier("webhookQueueTask") OneTimeTask<Void> webhookQueueTask) {
		this.rows = rows;
		this.sources = sources;
		this.metrics = metrics;
		this.scheduler = scheduler;
		this.queueTask = webhookQueueTask;
	}

	/**
	 * Verifies a delivery with its source and stores it, then queues its object. An unknown or disabled source is
	 * {@code not_found}; a delivery that fails verification is {@link WebhookRejected} (400) and nothing is stored; a
	 * delivery whose event id the source already sent is answered as received and not stored again.
	 */
	public Receipt receive(String sourceName, WebhookRequest request) {
		WebhookSource source = sources.find(sourceName)
			.filter(WebhookSource::enabled)
			.orElseThrow(() -> LoupeException.notFound("Webhook source", shown(sourceName)));
		WebhookEnvelope envelope;
		try {
			envelope = source.verify(request);
		}
		catch (WebhookRejected rejected) {
			metrics.count(source.name(), "rejected");
			throw rejected;
		}
		catch (RuntimeException unreadable) {
			metrics.count(source.name(), "rejected");
			log.debug("Webhook delivery to {} could not be read", source.name(), unreadable);
			throw new WebhookRejected("The webhook body could not be read");
		}
		String eventId = required(envelope == null ? null : envelope.eventId(), "event id");
		String type = required(envelope.type(), "event type");
		String objectId = envelope.objectId() == null || envelope.objectId().isBlank() ? eventId
				: required(envelope.objectId(), "object id");
		String payload = envelope.payload();
		if (payload == null || payload.indexOf('\0') >= 0) {
			metrics.count(source.name(), "rejected");
			throw new WebhookRejected("The webhook body must be text without NUL characters");
		}
		String id = Ids.next("whd");
		if (!rows.insert(id, source.name(), eventId, type, objectId, payload, keptHeaders(request))) {
			metrics.count(source.name(), "duplicate");
			return new Receipt(rows.findByEvent(source.name(), eventId).map(WebhookDelivery::id).orElse(null), true);
		}
		metrics.count(source.name(), "received");
		enqueue(source.name(), objectId);
		return new Receipt(id, false);
	}

	/**
	 * Puts a delivery back in its object's queue, due now, with its attempts counted afresh (a dead delivery after its
	 * cause was fixed, or a processed one to apply again: sources are idempotent). A delivery being processed is a
	 * {@code conflict}.
	 */
	public WebhookDelivery replay(String id) {
		WebhookDelivery delivery = find(id).orElseThrow(() -> LoupeException.notFound("Webhook delivery", shown(id)));
		if (!rows.replay(delivery.id())) {
			throw LoupeException.conflict("Webhook delivery " + delivery.id() + " is being processed; try again shortly");
		}
		enqueue(delivery.source(), delivery.objectId());
		return find(id).orElseThrow();
	}

	public Optional<WebhookDelivery> find(String id) {
		return Ids.hasPrefix(id, "whd") ? rows.find(id) : Optional.empty();
	}

	/** Deliveries matching the filter, newest first. */
	public WebhookPage list(WebhookFilter filter, int limit, int offset) {
		if (filter.status() != null && !STATUSES.contains(filter.status())) {
			throw LoupeException.invalidData("status must be one of " + STATUSES.stream().sorted().toList());
		}
		return new WebhookPage(rows.list(filter, limit, offset), rows.count(filter), offset, limit);
	}

	private void enqueue(String source, String objectId) {
		SchedulerClient client = scheduler.getIfAvailable();
		if (client != null) {
			WebhookTasks.enqueue(client, queueTask, source, objectId);
		}
	}

	/** The headers worth keeping with a delivery: the vendors' signature and id headers, never credentials. */
	private static Map<String, String> keptHeaders(WebhookRequest request) {
		Map<String, String> kept = new java.util.TreeMap<>();
		request.headers().forEach((name, value) -> {
			if (value != null && !name.equals("cookie") && !name.equals("authorization") && kept.size() < 30
					&& name.length() <= 100) {
				kept.put(name, value.length() > 1000 ? value.substring(0, 1000) : value);
			}
		});
		return kept;
	}

	private static String required(String value, String what) {
		if (value == null || value.isBlank() || value.length() > 200 || value.indexOf('\0') >= 0) {
			throw new WebhookRejected("The webhook's " + what + " is missing or invalid");
		}
		return value;
	}

	static String shown(String value) {
		if (value == null) {
			return "null";
		}
		String s = value.length() > 80 ? value.substring(0, 80) + "…" : value;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>]", "?");
	}
}
