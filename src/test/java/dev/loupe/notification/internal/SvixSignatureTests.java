package dev.loupe.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.webhook.WebhookEnvelope;
import dev.loupe.webhook.WebhookRejected;
import dev.loupe.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resend's webhooks are verified as Svix signs them: the signature, the timestamp's 5 minutes, the body. */
class SvixSignatureTests {

	static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("resend-test-signing-key-32-bytes".getBytes());
	static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
	static final String BODY = """
			{"type":"email.delivered","created_at":"2026-11-23T14:59:58.000Z","data":{"created_at":"2026-11-23 14:59:50.000000+00","email_id":"56761188-7520-42d8-8898-ff6fc54ce618","from":"Shop <shop@example.com>","to":["sam@example.com"],"subject":"Your order"}}""";

	final ResendWebhooks source = new ResendWebhooks(null, Clock.fixed(NOW, ZoneOffset.UTC), settings(SECRET));

	@Test
	void aCorrectlySignedDeliveryIsAccepted() {
		WebhookEnvelope envelope = source.verify(request("msg_2Kx", NOW.getEpochSecond(), BODY, null));
		assertThat(envelope.eventId()).isEqualTo("msg_2Kx");
		assertThat(envelope.type()).isEqualTo("email.delivered");
		assertThat(envelope.objectId()).isEqualTo("56761188-7520-42d8-8898-ff6fc54ce618");
		assertThat(envelope.payload()).isEqualTo(BODY);
		assertThat(source.enabled()).isTrue();
		assertThat(source.name()).isEqualTo("resend");
	}

	@Test
	void oneGoodSignatureAmongSeveralIsEnough() {
		long ts = NOW.getEpochSecond();
		String good = new SvixSignature(SECRET).sign("msg_1", ts, BODY.getBytes(StandardCharsets.UTF_8));
		WebhookRequest request = request("msg_1", ts, BODY, "v1,Zm9vYmFy " + good + " v2,whatever");
		assertThat(source.verify(request).eventId()).isEqualTo("msg_1");
	}

	@Test
	void aTamperedBodyOrSignatureIsRejected() {
		long ts = NOW.getEpochSecond();
		String signature = new SvixSignature(SECRET).sign("msg_1", ts, BODY.getBytes(StandardCharsets.UTF_8));
		assertRejected(request("msg_1", ts, BODY.replace("delivered", "bounced"), signature), "signature");
		assertRejected(request("msg_2", ts, BODY, signature), "signature");
		assertRejected(request("msg_1", ts, BODY, signature.substring(0, signature.length() - 4) + "AAA="), "signature");
		String otherKey = new SvixSignature("whsec_" + Base64.getEncoder().encodeToString("another-key".getBytes()))
			.sign("msg_1", ts, BODY.getBytes(StandardCharsets.UTF_8));
		assertRejected(request("msg_1", ts, BODY, otherKey), "signature");
		assertRejected(request("msg_1", ts, BODY, "v1,not base64!"), "signature");
	}

	@Test
	void aStaleOrFutureTimestampIsRejectedEvenWhenSigned() {
		long stale = NOW.minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond();
		assertRejected(request("msg_1", stale, BODY, null), "5 minutes");
		long future = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1).getEpochSecond();
		assertRejected(request("msg_1", future, BODY, null), "5 minutes");
		long edge = NOW.minus(Duration.ofMinutes(5)).getEpochSecond();
		assertThat(source.verify(request("msg_1", edge, BODY, null)).eventId()).isEqualTo("msg_1");
	}

	@Test
	void missingHeadersAndBodiesThatAreNotEventsAreRejected() {
		long ts = NOW.getEpochSecond();
		Map<String, String> noSignature = new HashMap<>(request("msg_1", ts, BODY, null).headers());
		noSignature.remove("svix-signature");
		assertRejected(new WebhookRequest(noSignature, BODY.getBytes(StandardCharsets.UTF_8), NOW), "Missing");
		Map<String, String> badTimestamp = new HashMap<>(request("msg_1", ts, BODY, null).headers());
		badTimestamp.put("svix-timestamp", "yesterday");
		assertRejected(new WebhookRequest(badTimestamp, BODY.getBytes(StandardCharsets.UTF_8), NOW), "svix-timestamp");
		assertRejected(request("msg_1", ts, "{\"type\": ", null), "JSON");
		assertRejected(request("msg_1", ts, "[1, 2]", null), "Resend event");
		byte[] invalidUtf8 = { '{', (byte) 0xC3, (byte) 0x28, '}' };
		String sig = new SvixSignature(SECRET).sign("msg_1", ts, invalidUtf8);
		assertRejected(new WebhookRequest(Map.of("svix-id", "msg_1", "svix-timestamp", Long.toString(ts),
				"svix-signature", sig), invalidUtf8, NOW), "JSON");
	}

	@Test
	void withoutASecretTheSourceIsDisabledAndAcceptsNothing() {
		ResendWebhooks disabled = new ResendWebhooks(null, Clock.fixed(NOW, ZoneOffset.UTC), settings(""));
		assertThat(disabled.enabled()).isFalse();
		assertThatThrownBy(() -> disabled.verify(request("msg_1", NOW.getEpochSecond(), BODY, null)))
			.isInstanceOf(WebhookRejected.class);
	}

	private void assertRejected(WebhookRequest request, String naming) {
		assertThatThrownBy(() -> source.verify(request)).isInstanceOf(WebhookRejected.class).hasMessageContaining(naming);
	}

	static WebhookRequest request(String id, long timestamp, String body, String signature) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String sig = signature != null ? signature : new SvixSignature(SECRET).sign(id, timestamp, bytes);
		return new WebhookRequest(Map.of("svix-id", id, "svix-timestamp", Long.toString(timestamp), "svix-signature", sig),
				bytes, NOW);
	}

	static MailSettings settings(String secret) {
		return new MailSettings("", "Loupe", "#2f5d50", "en-US", "UTC", "",
				new MailSettings.Resend("", "https://api.resend.com", secret), 8, Duration.ofSeconds(30),
				Duration.ofHours(6), Duration.ofDays(7), Duration.ofSeconds(20));
	}
}
