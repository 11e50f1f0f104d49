package dev.loupe.backoffice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loupe.browser.Browsers;
import dev.loupe.fulfillment.Fulfillment;
import dev.loupe.fulfillment.Fulfillments;
import dev.loupe.fulfillment.Tracking;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.Markets;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.payment.Payment;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeProperties;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A return in Chromium at desktop width: an order bought through the Store API, captured and shipped; the demo admin
 * creates a return of one unit with a restock location and a refund in the order page's dialog, marks it received
 * through its confirmation dialog (stock back at the location, the refund on the payment), closes it, and resends the
 * order confirmation. Screenshots: target/screenshots/backoffice-return-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReturnBrowserTests {

	static Browsers browsers;

	@LocalServerPort
	int port;

	@Autowired
	Orders orders;

	@Autowired
	Markets markets;

	@Autowired
	Fulfillments fulfillments;

	@Autowired
	PaymentCollections payments;

	@Autowired
	StockSetup stock;

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
	void aShippedItemIsReturnedRestockedAndRefunded() {
		String base = "http://127.0.0.1:" + port;
		DemoPurchases store = new DemoPurchases(port, jdbc, markets.firstPublishableKeyToken().orElseThrow());
		DemoPurchases.Placed placed = store.buy("rhea.return-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT)
				+ "@example.com", "Rhea", 2);
		Order order = orders.find(placed.id()).orElseThrow();
		String line = order.items().getFirst().id();
		String variant = order.items().getFirst().variantId();
		Payment payment = payments.find(order.paymentCollectionId()).flatMap(PaymentCollection::livePayment).orElseThrow();
		payments.capture(payment.id(), payment.amount(), "t-capture-" + order.id());
		Fulfillment f = fulfillments.create(order.id(), List.of(new Fulfillments.Request(line, 2)), null, null, "test");
		fulfillments.ship(f.id(), new Tracking("1Z999AA10123456784", "UPS", null), "test");
		String location = stock.createLocation("Returns desk " + Ids.next("t").substring(2, 8), null);
		String locationName = stock.locations().stream().filter(l -> l.id().equals(location)).findFirst().orElseThrow()
			.name();

		try (BrowserContext desktop = browsers.desktop()) {
			Page page = desktop.newPage();
			page.navigate(base + "/app/login");
			page.getByLabel("Email").fill(properties.demo().adminEmail());
			page.getByLabel("Password").fill(properties.demo().adminPassword());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard").setExact(true)))
				.isVisible();
			page.navigate(base + "/app/orders/" + order.id());
			Locator panel = page.locator("#returns");
			assertThat(panel).containsText("No returns");

			// One of the two shipped units comes back: restocked at the returns desk, its value refunded.
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create return").setExact(true)).click();
			Locator dialog = page.locator("#return-dialog");
			assertThat(dialog).isVisible();
			dialog.locator("input[name=return_" + line + "]").fill("1");
			dialog.getByLabel("Reason").selectOption("damaged");
			dialog.getByLabel("Restock to").selectOption(location);
			dialog.locator("input[name=refund]").check();
			dialog.getByLabel("Note (optional)").fill("Scratched lens");
			shot(page, "backoffice-return-create-dialog");
			dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create return").setExact(true)).click();
			assertThat(page.locator(".flash.success")).containsText("Return requested");
			assertThat(panel).containsText("Return 1");
			assertThat(panel.locator(".fulfilment-head .badge")).hasText("Requested");
			assertThat(panel).containsText(locationName);
			assertThat(panel).containsText("Scratched lens");

			panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark received").setExact(true)).click();
			Locator receive = page.locator("dialog[id^=receive-]");
			assertThat(receive).isVisible();
			assertThat(receive).containsText(locationName);
			shot(page, "backoffice-return-receive-dialog");
			receive.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark received").setExact(true)).click();
			assertThat(page.locator(".flash.success")).containsText("Return received, restocked and");
			assertThat(panel.locator(".fulfilment-head .badge")).hasText("Received");
			assertThat(page.locator("#timeline")).containsText("Return 1 received");
			assertThat(page.locator("#timeline")).containsText("Refunded");
			assertThat(page.locator(".page-head")).containsText("Partially refunded");
			shot(page, "backoffice-return-received");

			panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close return").setExact(true)).click();
			assertThat(page.locator(".flash.success")).containsText("Return closed.");
			assertThat(panel.locator(".fulfilment-head .badge")).hasText("Closed");

			// Resend the confirmation email through its dialog.
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resend confirmation").setExact(true)).click();
			Locator resend = page.locator("#resend-dialog");
			assertThat(resend).isVisible();
			resend.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resend").setExact(true)).click();
			assertThat(page.locator(".flash.success")).containsText("The order confirmation is on its way");
			page.locator("#returns").scrollIntoViewIfNeeded();
			browsers.screenshot(page, "backoffice-return-panel");
		}
		assertThat(jdbc.sql("select stocked_quantity from inventory.inventory_level where variant_id = ? and location_id = ?")
			.params(variant, location).query(Integer.class).single()).isEqualTo(1);
		Payment after = payments.find(order.paymentCollectionId()).flatMap(PaymentCollection::livePayment).orElseThrow();
		assertThat(after.refunds()).hasSize(1);
		assertThat(after.refundedAmount().isPositive()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit.entry where resource_id = ? and action like 'order.return_%'")
			.param(order.id()).query(Long.class).single()).isEqualTo(3);
	}

	private static void shot(Page page, String name) {
		browsers.screenshot(page, name);
	}
}
