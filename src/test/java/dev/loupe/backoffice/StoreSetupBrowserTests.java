package dev.loupe.backoffice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loupe.browser.Browsers;
import dev.loupe.market.MarketSetup;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeProperties;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Setting up where and how the store sells, in Chromium at desktop width as the demo admin: the store page with its
 * regions and shipping options, a new region, a shipping option repriced, a sales channel created and its disable
 * dialog, and a publishable key revoked through its confirmation dialog. Screenshots under target/screenshots
 * (backoffice-store-setup-*.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreSetupBrowserTests {

	static Browsers browsers;

	@LocalServerPort
	int port;

	@Autowired
	LoupeProperties properties;

	@Autowired
	MarketSetup marketSetup;

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

	private static Locator.GetByRoleOptions button(String name) {
		return new Locator.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void anAdminSetsUpRegionsShippingChannelsAndKeys() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Kiosk " + run, "Tablets in the shop");
		marketSetup.createPublishableKey("Kiosk tablets " + run, List.of(channel));
		try (BrowserContext desktop = browsers.desktop()) {
			Page page = desktop.newPage();
			page.navigate(url("/app/login"));
			page.getByLabel("Email").fill(properties.demo().adminEmail());
			page.getByLabel("Password").fill(properties.demo().adminPassword());
			page.getByRole(AriaRole.BUTTON, named("Sign in")).click();
			page.waitForURL(Pattern.compile(".*/app(/.*)?$"));

			page.getByRole(AriaRole.LINK, named("Store")).click();
			page.getByRole(AriaRole.LINK, named("New region")).click();
			assertThat(page.locator("h1")).hasText("New region");
			page.locator("input[name=name]").fill("Oceania " + run);
			page.locator("input[name=currency_code]").fill("AUD");
			page.locator("input[name=tax_rate]").fill("10");
			page.locator("input[name=tax_name]").fill("GST");
			page.locator("input[name=country][value=us]").isDisabled();
			shot(page, "backoffice-store-setup-region-new");
			page.getByRole(AriaRole.BUTTON, named("Create region")).click();
			assertThat(page.locator(".flash.success")).containsText("Region Oceania " + run + " created");
			assertThat(page.locator("table.data").first()).containsText("Oceania " + run);
			shot(page, "backoffice-store-setup-store");

			page.locator("a[href^='/app/settings/store/regions/reg_']").first().click();
			assertThat(page.locator("h1")).containsText("Region ");
			shot(page, "backoffice-store-setup-region-edit");
			page.getByRole(AriaRole.LINK, named("Store")).click();

			page.locator("a[href^='/app/settings/store/shipping/so_']").first().click();
			assertThat(page.locator("h1")).containsText("Shipping option");
			page.locator("input[name=amount]").fill("5.499");
			page.getByRole(AriaRole.BUTTON, named("Save option")).click();
			assertThat(page.locator(".flash.error")).containsText("at most 2 decimals");
			shot(page, "backoffice-store-setup-shipping-error");
			page.locator("input[name=amount]").fill("5.50");
			page.getByRole(AriaRole.BUTTON, named("Save option")).click();
			assertThat(page.locator(".flash.success")).containsText("carts see the change at once");

			page.getByRole(AriaRole.LINK, named("New shipping option")).click();
			page.locator("input[name=name]").fill("Freight " + run);
			page.locator("select[name=kind]").selectOption("table");
			page.locator("textarea[name=brackets]").fill("1000 8.00\n5000 14.00");
			shot(page, "backoffice-store-setup-shipping-new");

			page.getByRole(AriaRole.LINK, named("Sales channels")).click();
			assertThat(page.locator("h1")).hasText("Sales channels");
			page.locator("form[action='/app/settings/sales-channels'] input[name=name]").fill("Pop-up " + run);
			page.locator("form[action='/app/settings/sales-channels'] input[name=description]").fill("Summer market stall");
			page.getByRole(AriaRole.BUTTON, named("Create channel")).click();
			assertThat(page.locator(".flash.success")).containsText("Sales channel Pop-up " + run + " created");
			shot(page, "backoffice-store-setup-channels");
			page.locator("tr", new Page.LocatorOptions().setHasText("Kiosk " + run))
				.getByRole(AriaRole.BUTTON, button("Disable")).click();
			assertThat(page.locator("dialog[open]")).containsText("Disable Kiosk " + run + "?");
			shot(page, "backoffice-store-setup-channel-disable");
			page.locator("dialog[open]").getByRole(AriaRole.BUTTON, button("Keep it enabled")).click();

			page.getByRole(AriaRole.LINK, named("API keys")).click();
			page.locator("#publishable tr", new Page.LocatorOptions().setHasText("Kiosk tablets " + run))
				.getByRole(AriaRole.BUTTON, button("Revoke")).click();
			assertThat(page.locator("dialog[open]")).containsText("Revoke Kiosk tablets " + run + "?");
			shot(page, "backoffice-store-setup-key-revoke");
			page.locator("dialog[open]").getByRole(AriaRole.BUTTON, button("Revoke key")).click();
			assertThat(page.locator(".flash.success")).containsText("Store API refuses it");
			assertThat(page.locator("#publishable tr", new Page.LocatorOptions().setHasText("Kiosk tablets " + run)))
				.containsText("Revoked");
			shot(page, "backoffice-store-setup-keys");
		}
	}
}
