package dev.loupe.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loupe.identity.SecretApiKeys;
import dev.loupe.payment.stripe.StripeTestSupport;
import dev.loupe.platform.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox with a test source ({@link FlakyWebhookSource}) whose processing fails on demand, over real HTTP and
 * db-scheduler against PostgreSQL (retries 400 ms, doubling, dead after 3 attempts in this context).
 */
class WebhookInboxTests extends StripeTestSupport {

	@Autowired FlakyWebhookSource source;
	@Autowired WebhookInbox inbox;
	@Autowired SecretApiKeys apiKeys;
	@Autowired MeterRegistry meters;

	String object;

	@BeforeEach
	void freshObject() {
		object = "obj_" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
	}

	@Test
	void aDeliveryIsStoredAnsweredAndProcessedOnceEvenWhenSentFiveTimes() {
		String event = "evt_" + object;
		double duplicates = counter("duplicate");
		double processed = counter("processed");
		for (int i = 0; i < 5; i++) {
			Answer answer = post(event, "thing.happened", object, "ok");
			assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
			assertThat(answer.body().path("duplicate").asBoolean()).isEqualTo(i > 0);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> "processed".equals(status(event)));
		assertThat(FlakyWebhookSource.processed).containsOnlyOnce(event);
		assertThat(jdbc.sql("select count(*) from webhook.delivery where event_id = ?").param(event).query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(counter("duplicate") - duplicates).isGreaterThanOrEqualTo(4);
		assertThat(counter("processed") - processed).isGreaterThanOrEqualTo(1);
	}

	private double counter(String outcome) {
		var counter = meters.find("loupe.webhook.deliveries").tag("source", "test-flaky").tag("outcome", outcome)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void badDeliveriesAreRefusedAndNothingIsStored() {
		String event = "evt_" + object;
		Answer unsigned = post(event, "thing.happened", object, "forged");
		assertThat(unsigned.status()).isEqualTo(400);
		assertThat(unsigned.body().path("type").asString()).isEqualTo("invalid_data");
		assertThat(send("POST", "/webhooks/nobody", "{}", Map.of()).status()).isEqualTo(404);
		assertThat(send("POST", "/webhooks/" + "x".repeat(300), "{}", Map.of()).status()).isEqualTo(404);
		Answer huge = send("POST", "/webhooks/test-flaky", "{\"id\": \"" + "x".repeat(600_000) + "\"}",
				Map.of("X-Test-Signature", "ok"));
		assertThat(huge.status()).isEqualTo(413);
		Answer noId = send("POST", "/webhooks/test-flaky", "{\"type\": \"t\", \"object\": \"o\"}",
				Map.of("X-Test-Signature", "ok"));
		assertThat(noId.status()).isEqualTo(400);
		Answer nul = send("POST", "/webhooks/test-flaky", "{\"id\": \"evt_nul\\u0000\", \"type\": \"t\"}",
				Map.of("X-Test-Signature", "ok"));
		assertThat(nul.status()).isEqualTo(400);
		assertThat(status(event)).isNull();
	}

	@Test
	void aFailingDeliveryIsRetriedWithGrowingWaitsThenDeadAndReplayable() throws Exception {
		String event = "evt_" + object;
		source.fail(event, 3);
		post(event, "thing.happened", object, "ok");
		await().atMost(Duration.ofSeconds(20)).until(() -> "dead".equals(status(event)));
		assertThat(FlakyWebhookSource.attempts.stream().filter(event::equals).count()).isEqualTo(3);
		Map<String, Object> row = jdbc.sql("select attempts, last_error from webhook.delivery where event_id = ?")
			.param(event).query().singleRow();
		assertThat(row.get("attempts")).isEqualTo(3);
		assertThat((String) row.get("last_error")).contains("test failure of " + event);
		assertThat(FlakyWebhookSource.processed).doesNotContain(event);

		// Staff replay it through the Admin API once the cause is fixed (no failures left).
		String token = apiKeys.create("Webhook test " + object, "test").token();
		Answer listed = send("GET", "/admin/webhooks?source=test-flaky&status=dead&object_id=" + object, null,
				Map.of("Authorization", "Bearer " + token));
		assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
		assertThat(listed.body().path("webhooks")).hasSize(1);
		String id = listed.body().path("webhooks").get(0).path("id").asString();
		assertThat(send("GET", "/admin/webhooks?status=nonsense", null, Map.of("Authorization", "Bearer " + token))
			.status()).isEqualTo(400);
		Answer replayed = send("POST", "/admin/webhooks/" + id + "/replay", null,
				Map.of("Authorization", "Bearer " + token));
		assertThat(replayed.status()).as(replayed.raw()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> "processed".equals(status(event)));
		assertThat(FlakyWebhookSource.processed).containsOnlyOnce(event);
		assertThat(send("POST", "/admin/webhooks/whd_nonexistent/replay", null,
				Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(404);
	}

	@Test
	void theWaitsBetweenAttemptsGrow() {
		String event = "evt_" + object;
		source.fail(event, 2);
		post(event, "thing.happened", object, "ok");
		await().atMost(Duration.ofSeconds(20)).until(() -> "processed".equals(status(event)));
		// Attempt 1 failed (next in 400 ms), attempt 2 failed (next in 800 ms), attempt 3 succeeded.
		Map<String, Object> row = jdbc.sql("""
				select attempts, extract(epoch from (processed_at - received_at)) as took
				from webhook.delivery where event_id = ?""").param(event).query().singleRow();
		assertThat(row.get("attempts")).isEqualTo(3);
		assertThat(((Number) row.get("took")).doubleValue()).isGreaterThanOrEqualTo(1.2);
	}

	@Test
	void deliveriesForOneObjectAreAppliedInOrderAndOtherObjectsDoNotWait() {
		String first = "evt_1_" + object;
		String second = "evt_2_" + object;
		String third = "evt_3_" + object;
		String elsewhere = "evt_other_" + object;
		source.fail(first, 1);
		post(first, "thing.created", object, "ok");
		post(second, "thing.updated", object, "ok");
		post(third, "thing.deleted", object, "ok");
		post(elsewhere, "thing.created", "other_" + object, "ok");
		await().atMost(Duration.ofSeconds(15)).until(() -> "processed".equals(status(third)));
		List<String> mine = FlakyWebhookSource.processed.stream().filter(e -> e.endsWith(object) && !e.equals(elsewhere)).toList();
		assertThat(mine).containsExactly(first, second, third);
		// The other object was processed while the first waited for its retry.
		assertThat(FlakyWebhookSource.processed.indexOf(elsewhere)).isLessThan(FlakyWebhookSource.processed.indexOf(first));
	}

	@Test
	void aDeliveryStoredByAProcessThatDiedBeforeQueueingItIsProcessedBySweeping() {
		String event = "evt_" + object;
		// As if the process stopped right after the insert: the row exists, no task was queued for it.
		jdbc.sql("""
				insert into webhook.delivery (id, source, event_id, type, object_id, payload)
				values (?, 'test-flaky', ?, 'thing.happened', ?, ?)""")
			.params(Ids.next("whd"), event, object, "{\"id\": \"" + event + "\"}")
			.update();
		await().atMost(Duration.ofSeconds(10)).until(() -> "processed".equals(status(event)));
		assertThat(FlakyWebhookSource.processed).containsOnlyOnce(event);
	}

	private Answer post(String event, String type, String objectId, String signature) {
		return send("POST", "/webhooks/test-flaky", """
				{"id": "%s", "type": "%s", "object": "%s"}""".formatted(event, type, objectId),
				Map.of("X-Test-Signature", signature));
	}

	private String status(String event) {
		return jdbc.sql("select status from webhook.delivery where source = 'test-flaky' and event_id = ?")
			.param(event)
			.query(String.class)
			.optional()
			.orElse(null);
	}
}
