package dev.loupe.backoffice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loupe.browser.Browsers;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeProperties;
import dev.loupe.webhook.WebhookInbox;
import dev.loupe.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every settings page in Chromium at desktop width as the demo admin, reached through the sidebar: store, staff (an
 * invitation sent), API keys (a key created and shown once, the revoke dialog), email templates (the sandboxed
 * preview), email outbox, webhook inbox (a delivery and its payload, the replay dialog), scheduled jobs and the audit
 * log. Screenshots under target/screenshots (backoffice-settings-*.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SettingsBrowserTests {

	static Browsers browsers;

	@LocalServerPort
	int port;

	@Autowired
	LoupeProperties properties;

	@Autowired
	WebhookInbox inbox;

	@BeforeAll
	static void start() {
		browsers = Browsers.start();
	}

	@AfterAll
	static void stop() {
		if (browsers != null) {
			browsers.close();
		}
	}

	private static void shot(Page page, String name) {
		page.evaluate("window.scrollTo(0, 0)");
		browsers.screenshot(page, name);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void anAdminVisitsEverySettingsPage() {
		String run = Ids.next("t").substring(2).toLowerCase(java.util.Locale.ROOT);
		String payload = "{\"id\":\"evt_browser_" + run + "\",\"type\":\"charge.refunded\",\"object\":\"ch_" + run
				+ "\",\"amount\":1250,\"billing\":{\"email\":\"<b>sam@example.com</b>\"}}";
		String delivery = inbox.receive("test-flaky", new WebhookRequest(Map.of("x-test-signature", "ok"),
				payload.getBytes(StandardCharsets.UTF_8), Instant.now())).deliveryId();
		try (BrowserContext desktop = browsers.desktop()) {
			Page page = desktop.newPage();
			page.navigate(url("/app/login"));
			page.getByLabel("Email").fill(properties.demo().adminEmail());
			page.getByLabel("Password").fill(properties.demo().adminPassword());
			page.getByRole(AriaRole.BUTTON, named("Sign in")).click();
			page.waitForURL(Pattern.compile(".*/app(/.*)?$"));

			page.getByRole(AriaRole.LINK, named("Store")).click();
			assertThat(page.locator("h1")).hasText("Store");
			assertThat(page.locator(".status-card")).hasCount(4);
			shot(page, "backoffice-settings-store");

			page.getByRole(AriaRole.LINK, named("Staff")).click();
			assertThat(page.locator("h1")).hasText("Staff");
			page.locator("form[action='/app/settings/staff/invite'] input[name=email]").fill("new-" + run + "@loupe.test");
			page.locator("form[action='/app/settings/staff/invite'] select[name=role]").selectOption("buyer");
			page.getByRole(AriaRole.BUTTON, named("Send invitation")).click();
			assertThat(page.locator(".flash.success")).containsText("Invitation sent to new-" + run + "@loupe.test");
			shot(page, "backoffice-settings-staff");

			page.getByRole(AriaRole.LINK, named("API keys")).click();
			page.locator("form[action='/app/settings/keys'] input[name=title]").fill("Browser ERP " + run);
			page.locator("input[name=scope][value='orders:read']").check();
			page.locator("input[name=scope][value='catalog:read']").check();
			page.getByRole(AriaRole.BUTTON, named("Create key")).click();
			assertThat(page.locator("#new-token")).containsText(Pattern.compile("sk_[0-9a-f]{64}"));
			shot(page, "backoffice-settings-keys-created");
			page.getByRole(AriaRole.LINK, named("API keys")).click();
			assertThat(page.locator("#new-token")).hasCount(0);
			page.locator("tr", new Page.LocatorOptions().setHasText("Browser ERP " + run))
				.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Revoke")).click();
			assertThat(page.locator("dialog[open]")).containsText("Revoke Browser ERP " + run);
			shot(page, "backoffice-settings-keys-revoke");
			page.locator("dialog[open]").getByRole(AriaRole.BUTTON,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Revoke key")).click();
			assertThat(page.locator(".flash.success")).containsText("is revoked");
			shot(page, "backoffice-settings-keys");

			page.getByRole(AriaRole.LINK, named("Email templates")).click();
			assertThat(page.locator("h1")).hasText("Email templates");
			FrameLocator html = page.frameLocator("iframe.preview-frame");
			assertThat(html.locator("body")).containsText("Aviator frame");
			shot(page, "backoffice-settings-emails");
			page.getByRole(AriaRole.LINK, named("Staff invitation")).click();
			assertThat(page.locator(".panel-head h2")).hasText("Staff invitation");
			assertThat(page.frameLocator("iframe.preview-frame").locator("body")).containsText("You are invited");
			shot(page, "backoffice-settings-emails-staff-invite");

			page.getByRole(AriaRole.LINK, named("Email outbox")).click();
			assertThat(page.locator("h1")).hasText("Email outbox");
			shot(page, "backoffice-settings-outbox");

			page.getByRole(AriaRole.LINK, named("Webhook inbox")).click();
			assertThat(page.locator("h1")).hasText("Webhook inbox");
			shot(page, "backoffice-settings-webhooks");
			page.navigate(url("/app/settings/webhooks/" + delivery));
			assertThat(page.locator("[data-testid=payload]")).containsText("\"email\" : \"<b>sam@example.com</b>\"");
			page.getByRole(AriaRole.BUTTON, named("Replay")).click();
			assertThat(page.locator("dialog[open]")).containsText("Replay this delivery?");
			shot(page, "backoffice-settings-webhook-replay");
			page.locator("dialog[open]").getByRole(AriaRole.BUTTON,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Replay")).click();
			assertThat(page.locator(".flash.success")).containsText("queued again");
			shot(page, "backoffice-settings-webhook");

			page.getByRole(AriaRole.LINK, named("Scheduled jobs")).click();
			assertThat(page.locator("h1")).hasText("Scheduled jobs");
			shot(page, "backoffice-settings-jobs");

			page.getByRole(AriaRole.LINK, named("Audit log")).click();
			assertThat(page.locator("table.data")).containsText("webhook.replayed");
			shot(page, "backoffice-settings-audit");

			Page invite = desktop.newPage();
			invite.navigate(url("/app/invite?token=" + "0".repeat(64)));
			assertThat(invite.getByRole(AriaRole.HEADING, named("Invitation not valid"))).isVisible();
			shot(invite, "backoffice-settings-invite-invalid");
		}
	}
}
