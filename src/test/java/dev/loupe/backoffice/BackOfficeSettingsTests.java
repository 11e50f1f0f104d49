package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.fulfillment.ShippingOptionDraft;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.fulfillment.ShippingPrice;
import dev.loupe.fulfillment.ShippingSetup;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.RegionDraft;
import dev.loupe.platform.Money;
import dev.loupe.tax.TaxRates;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

	@Autowired
	SecretApiKeys secretKeys;

	@Autowired
	Markets markets;

	@Autowired
	MarketSetup marketSetup;

	@Autowired
	TaxRates taxRates;

	@Autowired
	ShippingSetup shippingSetup;

	@Autowired
	ShippingOptions shippingOptions;

	String run;
	StaffUser admin;
	BackOfficeClient browser;

	@BeforeEach
	void signInAsAdmin() {
		run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		admin = staff.create("set-admin-" + run + "@loupe.test", PASSWORD, StaffRole.ADMIN, "Ada", "Admin");
		browser = new BackOfficeClient(port);
		assertThat(browser.signIn(admin.email(), PASSWORD).status()).isEqualTo(302);
		browser.get("/app/nothing");
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

	// ---------------------------------------------------------------- staff and invitations

	String invitationToken(String email) {
		String body = jdbc.sql("""
				select body_text from notification.message where recipient = ? and template = 'staff-invite'
				order by created_at desc, id desc limit 1""")
			.param(email)
			.query(String.class)
			.single();
		Matcher token = Pattern.compile("token=([0-9a-f]{64})").matcher(body);
		assertThat(token.find()).as(body).isTrue();
		return token.group(1);
	}

	@Test
	void anAdminInvitesStaffWhoAcceptWithAPasswordAndSignIn() {
		Page list = browser.get("/app/settings/staff");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(admin.email()).contains("You").contains("Send invitation");

		String email = "invitee-" + run + "@loupe.test";
		Page invited = browser.submit("/app/settings/staff/invite", Map.of("email", email.toUpperCase(Locale.ROOT),
				"role", "buyer"));
		assertThat(invited.status()).isEqualTo(302);
		Page after = browser.get("/app/settings/staff");
		assertThat(after.body()).contains("Invitation sent to " + email).contains(email).contains("Open");
		String inviteId = jdbc.sql("select id from identity.staff_invite where email = ? and revoked_at is null")
			.param(email).query(String.class).single();
		assertThat(audited("staff.invited", inviteId)).isEqualTo(1);
		String token = invitationToken(email);

		BackOfficeClient invitee = new BackOfficeClient(port);
		Page form = invitee.get("/app/invite?token=" + token);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("Join the back office").contains(email).contains("Buyer");
		Page mismatch = invitee.submit("/app/invite", Map.of("token", token, "first_name", "Ivy", "last_name", "Vite",
				"password", "a long new passphrase", "password_confirm", "another passphrase"));
		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(mismatch.body()).contains("The two passwords differ").contains("value=\"Ivy\"");
		Page weak = invitee.submit("/app/invite", Map.of("token", token, "first_name", "Ivy", "last_name", "Vite",
				"password", "short", "password_confirm", "short"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body()).contains("Password must be at least");
		Page nul = invitee.submit("/app/invite", Map.of("token", token, "first_name", "I\u0000vy", "last_name", "x".repeat(500),
				"password", "a long new passphrase", "password_confirm", "a long new passphrase"));
		assertThat(nul.status()).isEqualTo(400);
		Page forged = invitee.post("/app/invite", Map.of("token", token, "first_name", "Ivy", "last_name", "Vite",
				"password", "a long new passphrase", "password_confirm", "a long new passphrase", "_csrf", "forged"));
		assertThat(forged.status()).isEqualTo(403);
		Page accepted = invitee.submit("/app/invite", Map.of("token", token, "first_name", "Ivy", "last_name", "Vite",
				"password", "a long new passphrase", "password_confirm", "a long new passphrase"));
		assertThat(accepted.status()).isEqualTo(302);
		assertThat(accepted.header("Location")).endsWith("/app/login");
		assertThat(invitee.get("/app/login").body()).contains("Your account is ready");
		StaffUser ivy = staff.findByEmail(email).orElseThrow();
		assertThat(ivy.role()).isEqualTo(StaffRole.BUYER);
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'staff.invite_accepted' and actor_id = ?")
			.param(ivy.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(invitee.signIn(email, "a long new passphrase").status()).isEqualTo(302);
		assertThat(new BackOfficeClient(port).get("/app/invite?token=" + token).status()).as("used once").isEqualTo(404);
		assertThat(new BackOfficeClient(port).get("/app/invite?token=nonsense").body()).contains("Invitation not valid");
		assertThat(browser.get("/app/settings/staff").body()).contains("Last sign-in").contains("Accepted");
	}

	@Test
	void theInviteFormRefusesBadInputInline() {
		Page empty = browser.submit("/app/settings/staff/invite", Map.of("email", "", "role", "buyer"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("Enter the email address to invite");
		assertThat(browser.submit("/app/settings/staff/invite", Map.of("email", "a\u0000b@loupe.test", "role", "buyer"))
			.status()).isEqualTo(400);
		assertThat(browser.submit("/app/settings/staff/invite", Map.of("email", "x".repeat(400) + "@loupe.test",
				"role", "buyer")).status()).isEqualTo(400);
		Page badRole = browser.submit("/app/settings/staff/invite", Map.of("email", "r-" + run + "@loupe.test",
				"role", "owner"));
		assertThat(badRole.status()).isEqualTo(400);
		assertThat(badRole.body()).contains("Choose a role").contains("value=\"r-" + run + "@loupe.test\"");
		Page existing = browser.submit("/app/settings/staff/invite", Map.of("email", admin.email(), "role", "buyer"));
		assertThat(existing.status()).isEqualTo(422);
		assertThat(existing.body()).contains("already exists");
		assertThat(browser.submit("/app/settings/staff/zz_nobody/role", Map.of("role", "buyer")).status()).isEqualTo(404);
		assertThat(browser.submit("/app/settings/staff/invites/invite_nothing/revoke", Map.of()).status()).isEqualTo(404);
		assertThat(browser.get("/app/settings/staff?page=0").status()).isEqualTo(400);
		assertThat(browser.get("/app/settings/staff?page=abc").status()).isEqualTo(400);
		assertThat(browser.get("/app/settings/staff?page=2").status()).isEqualTo(200);
		assertThat(as(StaffRole.BUYER).get("/app/settings/staff").status()).isEqualTo(403);
	}

	@Test
	void rolesChangeAndStaffAreDeactivatedButNeverYourself() {
		StaffUser colleague = staff.create("colleague-" + run + "@loupe.test", PASSWORD, StaffRole.ASSOCIATE, "Col", "League");
		BackOfficeClient theirs = new BackOfficeClient(port);
		theirs.signIn(colleague.email(), PASSWORD);
		assertThat(theirs.get("/app/orders").status()).isEqualTo(200);

		browser.get("/app/settings/staff");
		assertThat(browser.submit("/app/settings/staff/" + colleague.id() + "/role", Map.of("role", "warehouse")).status())
			.isEqualTo(302);
		assertThat(staff.find(colleague.id()).orElseThrow().role()).isEqualTo(StaffRole.WAREHOUSE);
		assertThat(audited("staff.role_changed", colleague.id())).isEqualTo(1);
		assertThat(browser.get("/app/settings/staff").body()).contains("is now a warehouse");
		browser.submit("/app/settings/staff/" + colleague.id() + "/role", Map.of("role", "nonsense"));
		assertThat(browser.get("/app/settings/staff").body()).contains("Choose a role");

		browser.submit("/app/settings/staff/" + admin.id() + "/role", Map.of("role", "buyer"));
		assertThat(browser.get("/app/settings/staff").body()).contains("You cannot change your own role");
		assertThat(staff.find(admin.id()).orElseThrow().role()).isEqualTo(StaffRole.ADMIN);
		browser.submit("/app/settings/staff/" + admin.id() + "/deactivate", Map.of());
		assertThat(browser.get("/app/settings/staff").body()).contains("You cannot deactivate yourself");
		assertThat(staff.find(admin.id())).isPresent();

		assertThat(browser.submit("/app/settings/staff/" + colleague.id() + "/deactivate", Map.of()).status()).isEqualTo(302);
		assertThat(staff.find(colleague.id())).isEmpty();
		assertThat(audited("staff.deactivated", colleague.id())).isEqualTo(1);
		assertThat(theirs.get("/app/orders").status()).as("signed out at once").isEqualTo(303);
		assertThat(browser.submit("/app/settings/staff/" + colleague.id() + "/deactivate", Map.of()).status())
			.as("gone").isEqualTo(404);
	}

	@Test
	void invitationsAreResentAndRevoked() {
		String email = "pending-" + run + "@loupe.test";
		browser.get("/app/settings/staff");
		browser.submit("/app/settings/staff/invite", Map.of("email", email, "role", "lab"));
		String first = invitationToken(email);
		String firstId = jdbc.sql("select id from identity.staff_invite where email = ? and revoked_at is null")
			.param(email).query(String.class).single();
		assertThat(browser.submit("/app/settings/staff/invites/" + firstId + "/resend", Map.of()).status()).isEqualTo(302);
		String second = invitationToken(email);
		assertThat(second).isNotEqualTo(first);
		assertThat(new BackOfficeClient(port).get("/app/invite?token=" + first).status()).isEqualTo(404);
		assertThat(new BackOfficeClient(port).get("/app/invite?token=" + second).status()).isEqualTo(200);
		String secondId = jdbc.sql("select id from identity.staff_invite where email = ? and revoked_at is null")
			.param(email).query(String.class).single();
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'staff.invite_resent' and actor_id = ?")
			.param(admin.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(browser.get("/app/settings/staff").body()).contains("revoke-" + secondId);
		assertThat(browser.submit("/app/settings/staff/invites/" + secondId + "/revoke", Map.of()).status()).isEqualTo(302);
		assertThat(audited("staff.invite_revoked", secondId)).isEqualTo(1);
		assertThat(new BackOfficeClient(port).get("/app/invite?token=" + second).status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from notification.message where recipient = ? and template = 'staff-invite'")
			.param(email).query(Integer.class).single()).as("each invitation went through the outbox").isEqualTo(2);
	}

	// ---------------------------------------------------------------- API keys

	@Test
	void aSecretKeyIsShownOnceOnCreationAndCanBeRevoked() {
		assertThat(browser.get("/app/settings/keys").status()).isEqualTo(200);
		Page created = browser.submit("/app/settings/keys?scope=orders:read&scope=catalog:read",
				Map.of("title", "ERP sync " + run));
		assertThat(created.status()).isEqualTo(201);
		Matcher token = Pattern.compile("sk_[0-9a-f]{64}").matcher(created.body());
		assertThat(token.find()).isTrue();
		assertThat(created.body()).contains("shown this once");
		var key = secretKeys.authenticate(token.group()).orElseThrow();
		assertThat(key.scopes()).extracting(p -> p.code()).containsExactlyInAnyOrder("orders:read", "catalog:read");
		Page later = browser.get("/app/settings/keys");
		assertThat(later.body()).contains("ERP sync " + run).contains(key.redacted()).doesNotContain(token.group());
		assertThat(audited("api_key.created", key.id())).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit.entry where details::text like ?").param("%" + token.group() + "%")
			.query(Integer.class).single()).as("the token is in no audit entry").isZero();

		assertThat(browser.submit("/app/settings/keys/" + key.id() + "/revoke", Map.of()).status()).isEqualTo(302);
		assertThat(secretKeys.authenticate(token.group())).isEmpty();
		assertThat(audited("api_key.revoked", key.id())).isEqualTo(1);
		assertThat(browser.get("/app/settings/keys").body()).contains("is revoked");
	}

	@Test
	void keyFormsRefuseBadInputAndPublishableKeysOpenASalesChannel() {
		Page noScope = browser.submit("/app/settings/keys", Map.of("title", "Nothing"));
		assertThat(noScope.status()).isEqualTo(400);
		assertThat(noScope.body()).contains("Choose at least one scope").contains("value=\"Nothing\"");
		assertThat(browser.submit("/app/settings/keys?scope=root:all", Map.of("title", "x")).status()).isEqualTo(400);
		assertThat(browser.submit("/app/settings/keys?scope=orders:read", Map.of("title", "a\u0000b")).status()).isEqualTo(400);
		assertThat(browser.submit("/app/settings/keys?scope=orders:read", Map.of("title", "x".repeat(201))).status())
			.isEqualTo(400);
		assertThat(browser.submit("/app/settings/keys/apk_nothing/revoke", Map.of()).status()).isEqualTo(404);

		String channel = marketSetup.createSalesChannel("Kiosk " + run, "In-store tablet");
		Page page = browser.get("/app/settings/keys");
		assertThat(page.body()).contains("Kiosk " + run);
		assertThat(browser.submit("/app/settings/keys/publishable", Map.of("title", "Kiosk key", "sales_channel", "sc_nope"))
			.status()).isEqualTo(400);
		assertThat(browser.submit("/app/settings/keys/publishable", Map.of("title", "", "sales_channel", channel))
			.status()).isEqualTo(400);
		assertThat(browser.submit("/app/settings/keys/publishable", Map.of("title", "Kiosk key " + run,
				"sales_channel", channel)).status()).isEqualTo(302);
		String keyId = jdbc.sql("select id from market.publishable_api_key where title = ?").param("Kiosk key " + run)
			.query(String.class).single();
		String pk = jdbc.sql("select token from market.publishable_api_key where id = ?").param(keyId).query(String.class)
			.single();
		assertThat(markets.salesChannelsOfKey(pk)).contains(List.of(channel));
		assertThat(browser.get("/app/settings/keys").body()).contains("Kiosk key " + run).contains(pk);
		assertThat(audited("publishable_key.created", keyId)).isEqualTo(1);
		assertThat(as(StaffRole.ASSOCIATE).get("/app/settings/keys").status()).isEqualTo(403);
	}

	// ---------------------------------------------------------------- store, regions, tax, shipping, providers

	@Test
	void storeDetailsTaxRatesAndShippingOptionsAreEditedAndAudited() {
		if (markets.store().isEmpty()) {
			marketSetup.createStore("Loupe test store", List.of("usd"));
		}
		String storeId = markets.store().orElseThrow().id();
		String region = marketSetup.createRegion(new RegionDraft("Settings " + run, "usd", false, List.of(), List.of()));
		String rate = taxRates.addRate(region, "de", null, "MwSt", "mwst-" + run, new BigDecimal("19"));
		String option = shippingSetup.createOption(ShippingOptionDraft.flat(region, "Courier " + run, "express",
				ShippingPrice.of(Money.of("9.50", "USD"), Money.of("100", "USD"), false)));

		Page page = browser.get("/app/settings/store");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Store details").contains("Settings " + run).contains("mwst-" + run)
			.contains("Courier " + run).contains("$9.50").contains("$100.00").contains("Payments").contains("Email")
			.contains("File storage").contains("Outbox only").doesNotContain("sk_test").doesNotContain("whsec_");

		Page saved = browser.submit("/app/settings/store", Map.of("name", "Loupe Optics " + run, "support_email",
				"help@loupe.test", "phone", "+1 555 0100"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(markets.store().orElseThrow().supportEmail()).isEqualTo("help@loupe.test");
		assertThat(browser.get("/app/settings/store").body()).contains("Store details saved").contains("Loupe Optics " + run);
		assertThat(audited("store.updated", storeId)).isEqualTo(1);
		Page badEmail = browser.submit("/app/settings/store", Map.of("name", "Loupe", "support_email", "not an email",
				"phone", ""));
		assertThat(badEmail.status()).isEqualTo(400);
		assertThat(badEmail.body()).contains("support email must be a valid").contains("value=\"not an email\"");
		assertThat(browser.submit("/app/settings/store", Map.of("name", "", "support_email", "", "phone", "")).status())
			.isEqualTo(400);
		assertThat(browser.submit("/app/settings/store", Map.of("name", "A\u0000B", "support_email", "", "phone", ""))
			.status()).isEqualTo(400);
		assertThat(browser.submit("/app/settings/store", Map.of("name", "x".repeat(5000), "support_email", "", "phone", ""))
			.status()).isEqualTo(400);

		assertThat(browser.submit("/app/settings/store/tax-rates/" + rate, Map.of("rate", "7.5")).status()).isEqualTo(302);
		assertThat(taxRates.find(rate).orElseThrow().ratePercent()).isEqualByComparingTo("7.5");
		assertThat(audited("tax_rate.changed", rate)).isEqualTo(1);
		for (String bad : List.of("abc", "101", "-1", "1.123456", "", "1e3")) {
			Page refused = browser.submit("/app/settings/store/tax-rates/" + rate, Map.of("rate", bad));
			assertThat(refused.status()).as(bad).isEqualTo(400);
		}
		assertThat(browser.submit("/app/settings/store/tax-rates/" + rate, Map.of("rate", "abc")).body())
			.contains("Enter the rate as a percentage");
		assertThat(taxRates.find(rate).orElseThrow().ratePercent()).isEqualByComparingTo("7.5");
		assertThat(browser.submit("/app/settings/store/tax-rates/txr_nothing", Map.of("rate", "5")).status()).isEqualTo(404);

		assertThat(browser.get("/app/settings/store").body()).contains("disable-" + option);
		assertThat(browser.submit("/app/settings/store/shipping/" + option + "/enabled", Map.of("enabled", "false"))
			.status()).isEqualTo(302);
		assertThat(shippingOptions.find(option).orElseThrow().enabled()).isFalse();
		assertThat(audited("shipping_option.disabled", option)).isEqualTo(1);
		browser.submit("/app/settings/store/shipping/" + option + "/enabled", Map.of("enabled", "true"));
		assertThat(shippingOptions.find(option).orElseThrow().enabled()).isTrue();
		assertThat(audited("shipping_option.enabled", option)).isEqualTo(1);
		assertThat(browser.submit("/app/settings/store/shipping/" + option + "/enabled", Map.of("enabled", "maybe"))
			.status()).isEqualTo(400);
		assertThat(browser.submit("/app/settings/store/shipping/so_nothing/enabled", Map.of("enabled", "true")).status())
			.isEqualTo(404);
		assertThat(as(StaffRole.WAREHOUSE).get("/app/settings/store").status()).isEqualTo(403);
	}

	// ---------------------------------------------------------------- email templates

	@Test
	void everyEmailTemplateIsPreviewedInASandboxWithItsTextPart() {
		Page first = browser.get("/app/settings/emails");
		assertThat(first.status()).isEqualTo(302);
		assertThat(first.header("Location")).endsWith("/app/settings/emails/order-confirmation");
		for (String template : List.of("order-confirmation", "shipping-confirmation", "delivery-notification",
				"review-request", "digital-downloads", "password-reset", "email-verification", "staff-invite")) {
			Page preview = browser.get("/app/settings/emails/" + template);
			assertThat(preview.status()).as(template).isEqualTo(200);
			assertThat(preview.body()).as(template).contains("sandbox=\"\"").contains("srcdoc=\"&lt;")
				.contains("class=\"message-body\"");
		}
		assertThat(browser.get("/app/settings/emails/order-confirmation").body()).contains("Aviator frame")
			.contains("1042");
		assertThat(browser.get("/app/settings/emails/no-such-template").status()).isEqualTo(404);
		assertThat(browser.get("/app/settings/emails/%3Cscript%3E").status()).isEqualTo(404);
		assertThat(as(StaffRole.BUYER).get("/app/settings/emails/order-confirmation").status()).isEqualTo(403);
	}
}
