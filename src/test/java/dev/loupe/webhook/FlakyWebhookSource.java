package dev.loupe.webhook;

import dev.loupe.platform.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A webhook source for tests ({@code test-flaky}): a delivery is verified when its {@code x-test-signature} header is
 * {@code ok}; its body is {@code {"id", "type", "object"}}. Processing records the event id (in order) and fails as
 * often as a test asks for that event.
 */
@Component
public class FlakyWebhookSource implements WebhookSource {

	// Shared by every test context in the JVM: the contexts share one database, so any context's scheduler may be the
	// one that processes a delivery another context's test posted.
	public static final List<String> processed = new CopyOnWriteArrayList<>();
	public static final List<String> attempts = new CopyOnWriteArrayList<>();
	public static final Map<String, Long> attemptTimes = new ConcurrentHashMap<>();
	private static final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

	/** The next {@code times} attempts at {@code eventId} fail. */
	public void fail(String eventId, int times) {
		failures.put(eventId, new AtomicInteger(times));
	}

	@Override
	public String name() {
		return "test-flaky";
	}

	@Override
	public boolean enabled() {
		return true;
	}

	@Override
	public WebhookEnvelope verify(WebhookRequest request) {
		if (!"ok".equals(request.header("X-Test-Signature"))) {
			throw new WebhookRejected("bad test signature");
		}
		String payload = new String(request.body(), StandardCharsets.UTF_8);
		Map<String, Object> body = Json.map(payload);
		return new WebhookEnvelope((String) body.get("id"), (String) body.get("type"), (String) body.get("object"),
				payload);
	}

	@Override
	public void process(WebhookEnvelope envelope) {
		attempts.add(envelope.eventId());
		AtomicInteger left = failures.get(envelope.eventId());
		if (left != null && left.getAndDecrement() > 0) {
			throw new IllegalStateException("test failure of " + envelope.eventId());
		}
		processed.add(envelope.eventId());
	}
}
