package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.identity.StaffUser;
import dev.loupe.identity.internal.LoginThrottle;
import dev.loupe.platform.Ids;
import dev.loupe.webhook.WebhookInbox;
import dev.loupe.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The settings pages over real HTTP: the webhook inbox (list, filters, payload, replay), scheduled jobs, staff and
 * invitations, API keys, store settings and email previews — good paths, bad input (a 4xx page, never a 500), the
 * roles that may not open them, and the audit entries their changes leave.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeSettingsTests {

	static final String PASSWORD = "a long staff passphrase";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	WebhookInbox inbox;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	String run;
	StaffUser admin;
	BackOfficeClient browser;

	@BeforeEach
	void signInAsAdmin() {
		run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		admin = staff.create("set-admin-" + run + "@loupe.test", PASSWORD, StaffRole.ADMIN, "Ada", "Admin");
		browser = new BackOfficeClient(port);
		assertThat(browser.signIn(admin.email(), PASSWORD).status()).isEqualTo(302);
	}

	@AfterEach
	void forget() {
		throttle.forgetAddress("127.0.0.1");
	}

	BackOfficeClient as(StaffRole role) {
		StaffUser user = staff.create("set-" + role.code() + "-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT)
				+ "@loupe.test", PASSWORD, role, "Test", role.code());
		BackOfficeClient client = new BackOfficeClient(port);
		assertThat(client.signIn(user.email(), PASSWORD).status()).isEqualTo(302);
		return client;
	}

	int audited(String action, String resourceId) {
		return jdbc.sql("select count(*) from audit.entry where action = ? and resource_id = ? and actor_id = ?")
			.params(action, resourceId, admin.id())
			.query(Integer.class)
			.single();
	}

	// ---------------------------------------------------------------- webhook inbox

	@Test
	void theWebhookInboxListsDeliveriesShowsTheEscapedPayloadAndReplaysOne() throws Exception {
		String event = "evt_bo_" + run;
		String payload = "{\"id\":\"" + event + "\",\"type\":\"test.bo\",\"object\":\"obj_" + run
				+ "\",\"note\":\"<script>alert(1)</script>\"}";
		String id = inbox.receive("test-flaky", new WebhookRequest(Map.of("x-test-signature", "ok"),
				payload.getBytes(StandardCharsets.UTF_8), Instant.now())).deliveryId();

		Page list = browser.get("/app/settings/webhooks?source=test-flaky");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Webhook inbox").contains("/app/settings/webhooks/" + id).contains("test.bo")
			.contains("obj_" + run);
		Page none = browser.get("/app/settings/webhooks?source=nothing-" + run);
		assertThat(none.body()).contains("No deliveries match");
		for (int i = 0; i < 50 && !inbox.find(id).orElseThrow().status().equals("processed"); i++) {
			Thread.sleep(200);
		}
		assertThat(browser.get("/app/settings/webhooks?status=processed&source=test-flaky").body()).contains(id);
		assertThat(browser.get("/app/settings/webhooks?status=dead&source=test-flaky").body()).doesNotContain(id);

		Page detail = browser.get("/app/settings/webhooks/" + id);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains(event).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)").contains("\n  \"type\" : \"test.bo\"").contains("replay-dialog");
		assertThat(audited("webhook.viewed", id)).isEqualTo(1);

		Page replay = browser.submit("/app/settings/webhooks/" + id + "/replay", Map.of());
		assertThat(replay.status()).isEqualTo(302);
		assertThat(replay.header("Location")).endsWith("/app/settings/webhooks/" + id);
		assertThat(browser.get("/app/settings/webhooks/" + id).body()).contains("is queued again");
		assertThat(audited("webhook.replayed", id)).isEqualTo(1);
	}

	@Test
	void theWebhookInboxRefusesBadInputWithPagesAndOtherRoles() {
		assertThat(browser.get("/app/settings/webhooks?status=bogus").status()).isEqualTo(400);
		assertThat(browser.get("/app/settings/webhooks?page=0").status()).isEqualTo(400);
		assertThat(browser.get("/app/settings/webhooks?page=abc").status()).isEqualTo(400);
		assertThat(browser.get("/app/settings/webhooks?source=%00").status()).isEqualTo(400);
		assertThat(browser.get("/app/settings/webhooks?source=" + "x".repeat(300)).status()).isEqualTo(400);
		Page unknown = browser.get("/app/settings/webhooks/whd_" + "0".repeat(26));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("Not found");
		assertThat(browser.get("/app/settings/webhooks/%3Cx%3E").status()).isEqualTo(404);
		assertThat(browser.submit("/app/settings/webhooks/whd_" + "0".repeat(26) + "/replay", Map.of()).status())
			.isEqualTo(404);
		BackOfficeClient associate = as(StaffRole.ASSOCIATE);
		assertThat(associate.get("/app/settings/webhooks").status()).isEqualTo(403);
	}

	// ---------------------------------------------------------------- scheduled jobs

	@Test
	void scheduledJobsShowEachTaskAndItsExecutions() {
		Page jobs = browser.get("/app/settings/jobs");
		assertThat(jobs.status()).isEqualTo(200);
		assertThat(jobs.body()).contains("Scheduled jobs").contains("Tasks");
		String task = jdbc.sql("select task_name from scheduled_tasks order by task_name limit 1").query(String.class)
			.optional().orElse(null);
		if (task != null) {
			assertThat(jobs.body()).contains(task);
			assertThat(browser.get("/app/settings/jobs?task=" + task).body()).contains("Executions of");
		}
		assertThat(browser.get("/app/settings/jobs?task=no-such-task").status()).isEqualTo(404);
		assertThat(browser.get("/app/settings/jobs?task=%00").status()).isEqualTo(400);
		assertThat(as(StaffRole.WAREHOUSE).get("/app/settings/jobs").status()).isEqualTo(403);
	}
}
