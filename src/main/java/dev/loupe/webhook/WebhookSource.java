package dev.loupe.webhook;

/**
 * A vendor that sends webhooks to {@code POST /webhooks/{name}}, implemented as a Spring bean by the module that owns
 * the vendor's integration. The inbox calls {@link #verify} on the request thread (no side effects), stores the
 * delivery, answers 2xx, and later calls {@link #process} from a durable task, in order per
 * {@link WebhookEnvelope#objectId()}; an exception from {@code process} schedules a retry with backoff.
 */
public interface WebhookSource {

	/** The path segment and stored source name: {@code stripe}, {@code easypost}, {@code resend}. */
	String name();

	/** Whether the source is configured (its secret is set); deliveries to a disabled source are answered 404. */
	boolean enabled();

	/**
	 * Checks the vendor's signature and reads the envelope (event id, type, object id) from the raw body.
	 *
	 * @throws WebhookRejected when the signature, timestamp or body is invalid (answered 400, nothing stored)
	 */
	WebhookEnvelope verify(WebhookRequest request);

	/** Applies one delivery. Must be idempotent: a delivery may be processed again after a crash or a replay. */
	void process(WebhookEnvelope envelope);
}
