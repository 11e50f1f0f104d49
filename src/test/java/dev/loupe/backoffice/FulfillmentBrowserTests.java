package dev.loupe.backoffice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loupe.browser.Browsers;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeProperties;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 8's acceptance path in Chromium at desktop width: a guest buys through the storefront's pages, then the demo
 * admin finds the order from the dashboard's "Awaiting fulfilment" figure, fulfils part of it in the order page's
 * panel (a refused over-fulfilment first), marks it shipped with a carrier and tracking number typed in, and reads
 * the shipping email with that number in the back office's email outbox. Screenshots: target/screenshots/
 * backoffice-fulfilment-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FulfillmentBrowserTests {

	private static final String TRACKING = "9400111899560012345678";

	static Browsers browsers;

	@LocalServerPort
	int port;

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoupeProperties properties;

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

	@Test
	void anOrderPlacedInTheStorefrontIsFulfilledShippedAndItsShippingEmailIsInTheOutbox() {
		String base = "http://127.0.0.1:" + port;
		String email = "fay.fulfil-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT) + "@example.com";
		Order order;

		// A guest buys two of one product through the storefront's pages.
		try (BrowserContext shopper = browsers.desktop()) {
			Page page = shopper.newPage();
			page.navigate(base + "/products/loupe-presence-one");
			page.locator("#add-to-cart").click();
			assertThat(page.locator("#cart-count")).hasText("1");
			page.locator("#add-to-cart").click();
			assertThat(page.locator("#cart-count")).hasText("2");
			page.navigate(base + "/checkout");
			page.locator("#f-email").fill(email);
			page.locator("#f-first_name").fill("Fay");
			page.locator("#f-last_name").fill("Fulfil");
			page.locator("#f-address_1").fill("1 Main Street");
			page.locator("#f-city").fill("Springfield");
			page.locator("#f-province").fill("IL");
			page.locator("#f-postal_code").fill("62701");
			page.locator("button", new Page.LocatorOptions().setHasText("Continue to shipping")).click();
			page.locator("button", new Page.LocatorOptions().setHasText("Continue to payment")).click();
			page.locator("button", new Page.LocatorOptions().setHasText("Continue to review")).click();
			String cartId = page.locator("input[name=cart_id]").inputValue();
			page.locator("#place-order").click();
			page.waitForURL(Pattern.compile(".*/order/confirmed/order_.*"));
			order = orders.findByCart(cartId).orElseThrow();
			assertThat(order.items()).hasSize(1);
			assertThat(order.items().getFirst().quantity()).isEqualTo(2);
		}

		try (BrowserContext desktop = browsers.desktop()) {
			Page page = desktop.newPage();
			page.navigate(base + "/app/login");
			page.getByLabel("Email").fill(properties.demo().adminEmail());
			page.getByLabel("Password").fill(properties.demo().adminPassword());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard").setExact(true)))
				.isVisible();

			// The dashboard's figure leads to the orders it counts.
			page.locator("a.figure", new Page.LocatorOptions().setHasText("Awaiting fulfilment")).click();
			assertThat(page).hasURL(Pattern.compile(".*/app/orders\\?status=pending&fulfillment=awaiting"));
			assertThat(page.locator("select[name=fulfillment]")).hasValue("awaiting");
			assertThat(page.locator("#orders-results")).containsText("#" + order.displayId());
			page.locator("#orders-results").getByText("#" + order.displayId()).click();
			assertThat(page.getByRole(AriaRole.HEADING,
					new Page.GetByRoleOptions().setName("Order #" + order.displayId()).setExact(true))).isVisible();
			Locator panel = page.locator("#fulfilment");
			assertThat(panel).containsText("Nothing fulfilled yet");
			shot(page, "backoffice-fulfilment-empty");

			// More than is left is refused with a message; then one of the two.
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create fulfilment").setExact(true)).click();
			Locator dialog = page.locator("#fulfil-dialog");
			assertThat(dialog).isVisible();
			Locator quantity = dialog.locator("input.qty");
			assertThat(quantity).hasValue("2");
			shot(page, "backoffice-fulfilment-create-dialog");
			quantity.evaluate("input => { input.removeAttribute('max'); input.value = '3'; }");
			dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create fulfilment").setExact(true))
				.click();
			assertThat(page.locator(".flash.error")).containsText("Cannot fulfil 3");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create fulfilment").setExact(true)).click();
			dialog.locator("input.qty").fill("1");
			assertThat(dialog.locator("select[name=location_id] option")).not().hasCount(0);
			dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create fulfilment").setExact(true))
				.click();
			assertThat(page.locator(".flash.success")).containsText("Fulfilment created for 1 item.");
			assertThat(panel).containsText("Fulfilment 1");
			assertThat(panel.locator(".fulfilment .badge")).hasText("Created");
			assertThat(panel).containsText("Labels need EasyPost");
			assertThat(page.locator(".page-head")).containsText("Partially fulfilled");

			// Shipped with a carrier and tracking number typed in.
			panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark shipped").setExact(true)).click();
			Locator ship = page.locator("dialog[id^=ship-]");
			assertThat(ship).isVisible();
			ship.getByLabel("Carrier").fill("USPS");
			ship.getByLabel("Tracking number").fill(TRACKING);
			shot(page, "backoffice-fulfilment-ship-dialog");
			ship.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark shipped").setExact(true)).click();
			assertThat(page.locator(".flash.success")).containsText("with tracking number " + TRACKING);
			assertThat(panel.locator(".fulfilment .badge")).hasText("Shipped");
			assertThat(panel.locator("a.tracking")).hasText(TRACKING);
			assertThat(panel.locator("a.tracking")).hasAttribute("href",
					"https://tools.usps.com/go/TrackConfirmAction?tLabels=" + TRACKING);
			assertThat(page.locator(".page-head")).containsText("Partially shipped");
			assertThat(panel.locator(".to-fulfil")).containsText("1");
			assertThat(page.locator("#timeline")).containsText("Fulfilment 1 shipped");
			assertThat(page.locator("#timeline")).containsText("USPS · " + TRACKING);
			shot(page, "backoffice-fulfilment-shipped");

			// The second item: fulfilled and canceled again through the confirmation dialog.
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create fulfilment").setExact(true)).click();
			page.locator("#fulfil-dialog").getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Create fulfilment").setExact(true)).click();
			assertThat(panel).containsText("Fulfilment 2");
			panel.locator(".fulfilment").nth(1).getByRole(AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Cancel").setExact(true)).click();
			Locator cancel = page.locator("dialog[id^=cancel-ful]");
			assertThat(cancel).isVisible();
			assertThat(cancel).containsText("Cancel fulfilment 2?");
			shot(page, "backoffice-fulfilment-cancel-dialog");
			cancel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel fulfilment").setExact(true))
				.click();
			assertThat(page.locator(".flash.success")).containsText("Fulfilment canceled");
			assertThat(panel.locator(".fulfilment").nth(1).locator(".badge")).hasText("Canceled");
			shot(page, "backoffice-fulfilment-panel");

			// The shipping email, with the tracking number, in the outbox.
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
					select count(*) from notification.message where recipient = ? and template = 'shipping-confirmation'""")
				.param(email).query(Long.class).single() == 1);
			page.navigate(base + "/app/settings/outbox");
			page.getByLabel("Recipient").fill(email);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter").setExact(true)).click();
			shot(page, "backoffice-fulfilment-outbox");
			page.getByText("order #" + order.displayId() + " is on its way").click();
			assertThat(page.locator(".message-body")).containsText("Tracking number: " + TRACKING);
			assertThat(page.locator(".message-body")).containsText("USPS");
			shot(page, "backoffice-fulfilment-email");
		}
		assertThat(jdbc.sql("select count(*) from audit.entry where resource_id = ? and action like 'fulfillment.%'")
			.param(order.id()).query(Long.class).single()).isEqualTo(4);
	}

	private static void shot(Page page, String name) {
		page.evaluate("window.scrollTo(0, 0)");
		browsers.screenshot(page, name);
	}
}
