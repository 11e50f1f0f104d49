package dev.loupe.notification.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.loupe.notification.Message;
import dev.loupe.notification.Notifications;
import dev.loupe.platform.Ids;
import dev.loupe.platform.ScheduledJobs;
import dev.loupe.webhook.WebhookEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Delivery through the real resend-java SDK against WireMock playing the Resend API ({@code POST /emails}, answers
 * as Resend documents them): the Idempotency-Key is the message id on every attempt, a 500 is retried, a 422 fails
 * the message at once, a 429 waits for its Retry-After; Resend's webhooks then record the delivery status.
 */
@SpringBootTest(properties = { "loupe.mail.from=Quokka Shop <shop@quokka.test>", "loupe.mail.store-name=Quokka Shop",
		"loupe.mail.retry-backoff=1s", "loupe.mail.max-attempts=5", "db-scheduler.polling-interval=500ms",
		"loupe.mail.resend.api-key=re_test_123456789", "loupe.mail.resend.webhook-secret=" + ResendDeliveryTests.SECRET })
@ActiveProfiles("test")
// Closed afterwards: its delivery task must not pick up the messages of a test context with another provider
// (the test contexts share one database).
@DirtiesContext
class ResendDeliveryTests {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
	static final WireMockServer resend = start();

	@DynamicPropertySource
	static void resendUrl(DynamicPropertyRegistry registry) {
		registry.add("loupe.mail.resend.base-url", resend::baseUrl);
	}

	@Autowired
	Notifications notifications;

	@Autowired
	ResendWebhooks webhooks;

	@Autowired
	ScheduledJobs jobs;

	@Autowired
	MeterRegistry meters;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@AfterAll
	static void stop() {
		resend.stop();
	}

	@Test
	void aMessageIsSentWithItsIdAsIdempotencyKeyAndBothParts() {
		String to = recipient("ok");
		String resendId = UUID.randomUUID().toString();
		resend.stubFor(post("/emails").withRequestBody(containing(to))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"id\": \"" + resendId + "\"}")));
		double sentBefore = counter("loupe.emails.sent");

		String id = notifications.passwordReset(to, "https://shop.example/reset?token=abc&email=x", Duration.ofMinutes(15));

		Message sent = awaitStatus(id, "sent");
		assertThat(sent.provider()).isEqualTo("resend");
		assertThat(sent.providerMessageId()).isEqualTo(resendId);
		assertThat(sent.attempts()).isEqualTo(1);
		List<LoggedRequest> requests = requestsTo(to);
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.getFirst();
		assertThat(request.getHeader("Idempotency-Key")).isEqualTo(id);
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer re_test_123456789");
		resend.verify(postRequestedFor(urlEqualTo("/emails")).withRequestBody(equalToJson("""
				{"from": "Quokka Shop <shop@quokka.test>", "to": ["%s"], "subject": "Reset your Quokka Shop password"}"""
			.formatted(to), true, true)));
		assertThat(request.getBodyAsString()).contains("\"html\"", "\"text\"", "within 15 minutes", "reset?token=abc");
		assertThat(counter("loupe.emails.sent")).isGreaterThan(sentBefore);

		// Resend then reports what became of it; a replayed or late event changes nothing.
		process("msg_a" + id, "email.delivered", resendId);
		assertThat(notifications.find(id).orElseThrow().deliveryStatus()).isEqualTo("delivered");
		process("msg_b" + id, "email.complained", resendId);
		process("msg_a" + id, "email.delivered", resendId);
		assertThat(notifications.find(id).orElseThrow().deliveryStatus()).isEqualTo("complained");
		process("msg_c" + id, "email.opened", resendId);
		assertThat(notifications.find(id).orElseThrow().deliveryStatus()).isEqualTo("complained");
	}

	@Test
	void aServerErrorIsRetriedWithTheSameIdempotencyKey() {
		String to = recipient("retry");
		String scenario = "500 then 200 " + to;
		resend.stubFor(post("/emails").withRequestBody(containing(to)).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
				.withBody("{\"statusCode\": 500, \"message\": \"An unexpected error occurred.\", \"name\": \"application_error\"}"))
			.willSetStateTo("recovered"));
		resend.stubFor(post("/emails").withRequestBody(containing(to)).inScenario(scenario)
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"id\": \"" + UUID.randomUUID() + "\"}")));

		String id = notifications.email(to, "plain", "Hello", "Plain text only");

		Message sent = awaitStatus(id, "sent");
		assertThat(sent.attempts()).isEqualTo(2);
		List<LoggedRequest> requests = requestsTo(to);
		assertThat(requests).hasSize(2);
		assertThat(requests).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(id));
		assertThat(requests.getFirst().getBodyAsString()).doesNotContain("\"html\"");
	}

	@Test
	void aValidationErrorFailsTheMessageWithoutRetrying() throws InterruptedException {
		String to = recipient("invalid");
		resend.stubFor(post("/emails").withRequestBody(containing(to))
			.willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody("""
					{"statusCode": 422, "message": "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.", "name": "validation_error"}""")));
		double failedBefore = counter("loupe.emails.failed");

		String id = notifications.email(to, "plain", "Hello", "Text");

		Message failed = awaitStatus(id, "failed");
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).contains("422", "Invalid `to` field");
		assertThat(failed.nextAttemptAt()).isNull();
		assertThat(counter("loupe.emails.failed")).isGreaterThan(failedBefore);
		Thread.sleep(3000);
		assertThat(requestsTo(to)).hasSize(1);
		assertThat(jobs.list("send-email", 500)).noneMatch(j -> j.instance().equals(id));
	}

	@Test
	void aRateLimitWaitsForRetryAfter() {
		String to = recipient("limited");
		String scenario = "429 then 200 " + to;
		resend.stubFor(post("/emails").withRequestBody(containing(to)).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
				.withHeader("retry-after", "3")
				.withBody("{\"statusCode\": 429, \"message\": \"Too many requests. You can only make 2 requests per second.\", \"name\": \"rate_limit_exceeded\"}"))
			.willSetStateTo("calm"));
		resend.stubFor(post("/emails").withRequestBody(containing(to)).inScenario(scenario)
			.whenScenarioStateIs("calm")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				.withBody("{\"id\": \"" + UUID.randomUUID() + "\"}")));

		String id = notifications.email(to, "plain", "Hello", "Text");

		Message waiting = await().atMost(Duration.ofSeconds(15))
			.until(() -> notifications.find(id).orElseThrow(), m -> m.attempts() == 1);
		assertThat(waiting.status()).isEqualTo("pending");
		assertThat(waiting.lastError()).contains("rate limit");
		// The retry is a scheduled job, visible with its due time.
		assertThat(jobs.list("send-email", 500)).anySatisfy(j -> {
			assertThat(j.instance()).isEqualTo(id);
			assertThat(j.dueAt()).isAfter(Instant.now().plusMillis(500));
		});
		assertThat(jobs.summary()).anySatisfy(s -> assertThat(s.task()).isEqualTo("send-email"));
		awaitStatus(id, "sent");
		List<LoggedRequest> requests = requestsTo(to);
		assertThat(requests).hasSize(2);
		long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
		assertThat(gap).isGreaterThanOrEqualTo(3000);
		assertThat(meters.get("loupe.emails.queued").tag("status", "pending").gauge()).isNotNull();
	}

	@Test
	void aMessageOfARolledBackTransactionIsNeitherKeptNorSent() throws InterruptedException {
		String to = recipient("rolledback");
		String[] id = new String[1];
		transactions.executeWithoutResult(status -> {
			id[0] = notifications.email(to, "plain", "Hello", "Text");
			status.setRollbackOnly();
		});
		assertThat(notifications.find(id[0])).isEmpty();
		assertThat(jobs.list("send-email", 500)).noneMatch(j -> j.instance().equals(id[0]));
		Thread.sleep(1500);
		assertThat(requestsTo(to)).isEmpty();
	}

	private void process(String eventId, String type, String emailId) {
		String body = """
				{"type": "%s", "created_at": "%s", "data": {"email_id": "%s", "from": "shop@quokka.test", "to": ["x@example.com"], "subject": "Hi"}}"""
			.formatted(type, Instant.now(), emailId);
		long now = Instant.now().getEpochSecond();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String signature = new SvixSignature(SECRET).sign(eventId, now, bytes);
		WebhookEnvelope envelope = webhooks.verify(new dev.loupe.webhook.WebhookRequest(Map.of("svix-id", eventId,
				"svix-timestamp", Long.toString(now), "svix-signature", signature), bytes, Instant.now()));
		webhooks.process(envelope);
	}

	private Message awaitStatus(String id, String status) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> notifications.find(id).orElseThrow(), m -> m.status().equals(status));
	}

	private static List<LoggedRequest> requestsTo(String to) {
		return resend.findAll(postRequestedFor(urlEqualTo("/emails")).withRequestBody(containing(to)));
	}

	private double counter(String name) {
		var counter = meters.find(name).tag("provider", "resend").counter();
		return counter == null ? 0 : counter.count();
	}

	private static String recipient(String what) {
		return what + "-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT) + "@example.com";
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		return server;
	}
}
