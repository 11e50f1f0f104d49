package dev.loupe.backoffice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loupe.browser.Browsers;
import dev.loupe.market.Markets;
import dev.loupe.platform.LoupeProperties;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The back office in Chromium at desktop width, as the demo admin: sign in, read the dashboard, find an order placed
 * through the Store API, capture it and refund part of it, cancel another, and read the audit log and outbox.
 * Each page is saved as a screenshot under target/screenshots (backoffice-*.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeBrowserTests {

	static Browsers browsers;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Markets markets;

	@Autowired
	LoupeProperties properties;

	@Autowired
	dev.loupe.notification.Notifications notifications;

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

	/** A full-page screenshot from the top, so that the sticky sidebar and header are where a visitor sees them. */
	private static void shot(Page page, String name) {
		page.evaluate("window.scrollTo(0, 0)");
		browsers.screenshot(page, name);
	}

	@Test
	void anAdminRefundsPartOfOneOrderAndCancelsAnother() {
		DemoPurchases store = new DemoPurchases(port, jdbc, markets.firstPublishableKeyToken().orElseThrow());
		DemoPurchases.Placed refunded = store.buy("ruth.refund@example.com", "Ruth", 2);
		DemoPurchases.Placed canceled = store.buy("carl.cancel@example.com", "Carl", 1);
		String base = "http://127.0.0.1:" + port;

		try (BrowserContext desktop = browsers.desktop()) {
			Page page = desktop.newPage();
			page.navigate(base + "/app/orders");
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/app/login\\?next=.*"));
			shot(page, "backoffice-login");
			page.getByLabel("Email").fill(properties.demo().adminEmail());
			page.getByLabel("Password").fill("not the password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Invalid email or password");
			page.getByLabel("Password").fill(properties.demo().adminPassword());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

			// Back to the page asked for; then the dashboard.
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Orders").setExact(true))).isVisible();
			page.navigate(base + "/app");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard").setExact(true))).isVisible();
			assertThat(page.locator(".figure").first()).containsText("Sales today");
			assertThat(page.locator(".chart svg rect.bar")).hasCount(30);
			assertThat(page.locator(".topbar")).containsText("Admin");
			shot(page, "backoffice-dashboard");

			// The order list, searched by email with htmx.
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Orders").setExact(true)).click();
			assertThat(page.locator("table.data")).containsText("#" + refunded.displayId());
			shot(page, "backoffice-orders");
			page.getByLabel("Search").fill("ruth.refund@");
			assertThat(page.locator("#orders-results tbody tr")).hasCount(1);
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=ruth.refund.*"));
			page.getByLabel("Search").fill("no-such-shopper-anywhere");
			assertThat(page.locator("#orders-results")).containsText("No orders match");
			shot(page, "backoffice-orders-empty");
			page.getByLabel("Search").fill("#" + refunded.displayId());
			page.locator("#orders-results").getByText("#" + refunded.displayId()).click();

			// Capture, then refund part of it.
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Order #" + refunded.displayId()).setExact(true)))
				.isVisible();
			assertThat(page.locator("body")).containsText("Ruth Shopper");
			shot(page, "backoffice-order");
			page.locator("button[data-dialog=capture-dialog]").click();
			Locator capture = page.locator("#capture-dialog");
			assertThat(capture).isVisible();
			shot(page, "backoffice-order-capture-dialog");
			capture.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Capture payment").setExact(true)).click();
			assertThat(page.locator(".flash.success")).containsText("Captured");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund").setExact(true)).click();
			Locator refund = page.locator("#refund-dialog");
			refund.getByLabel("Amount").fill("5.00");
			refund.getByLabel("Reason").selectOption("damaged");
			refund.getByLabel("Note (optional)").fill("Scratched lens, kept by the customer");
			shot(page, "backoffice-order-refund-dialog");
			refund.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refund").setExact(true)).click();
			assertThat(page.locator(".flash.success")).containsText("Refunded $5.00");
			assertThat(page.locator("#payment")).containsText("Damaged or faulty");
			assertThat(page.locator("#payment")).containsText("Scratched lens");
			assertThat(page.locator("#timeline")).containsText("Refunded $5.00");

			// Refunding more than is left is refused on the page, with the reason.
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund").setExact(true)).click();
			refund = page.locator("#refund-dialog");
			refund.getByLabel("Amount").fill("99999");
			refund.getByLabel("Reason").selectOption("other");
			refund.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refund").setExact(true)).click();
			assertThat(page.locator(".flash.error")).containsText("can be refunded");

			page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Customer called about the <b>lens</b>");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note").setExact(true)).click();
			assertThat(page.locator("#notes")).containsText("Customer called about the <b>lens</b>");
			// The order's payment status follows the refund through the outbox (asynchronously).
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc
				.sql("select payment_status from orders.sales_order where id = ?").param(refunded.id())
				.query(String.class).single().equals("partially_refunded"));
			page.reload();
			assertThat(page.locator(".badge").filter(new Locator.FilterOptions().setHasText("Partially refunded")).first())
				.isVisible();
			shot(page, "backoffice-order-refunded");

			BigDecimal refundedAmount = jdbc.sql("""
					select sum(r.amount) from payment.refund r join payment.payment p on p.id = r.payment_id
					join payment.payment_collection c on c.id = p.payment_collection_id where c.id = (select payment_collection_id from orders.sales_order where id = ?) and r.status = 'succeeded'""")
				.param(refunded.id()).query(BigDecimal.class).single();
			assertThat(refundedAmount).isEqualByComparingTo("5.00");

			// Cancel the other order.
			page.navigate(base + "/app/orders/" + canceled.id());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel order").setExact(true)).click();
			Locator cancel = page.locator("#cancel-dialog");
			cancel.getByLabel("Reason (optional)").fill("Customer changed their mind");
			shot(page, "backoffice-order-cancel-dialog");
			cancel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel order").setExact(true)).click();
			assertThat(page.locator(".flash.success")).containsText("is canceled");
			assertThat(page.locator(".page-head")).containsText("Canceled");
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel order").setExact(true))).hasCount(0);
			shot(page, "backoffice-order-canceled");
			assertThat(jdbc.sql("select status from orders.sales_order where id = ?").param(canceled.id())
				.query(String.class).single()).isEqualTo("canceled");

			// Settings: the audit log shows what happened, the outbox what was sent.
			page.navigate(base + "/app/settings/audit");
			assertThat(page.locator("table.data")).containsText("order.refunded");
			assertThat(page.locator("table.data")).containsText("order.canceled");
			shot(page, "backoffice-audit");
			notifications.email(refunded.email(), "order_refunded", "We refunded $5.00 of order #" + refunded.displayId(),
					"Hello Ruth,\n\nWe refunded $5.00 to your card for order #" + refunded.displayId()
							+ ".\nIt shows on your statement within a few days.\n\n<script>alert(1)</script>\nLoupe");
			page.navigate(base + "/app/settings/outbox");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Email outbox").setExact(true))).isVisible();
			shot(page, "backoffice-outbox");
			page.getByLabel("Recipient").fill("ruth.refund@");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter").setExact(true)).click();
			page.getByText("We refunded $5.00 of order #" + refunded.displayId()).click();
			assertThat(page.locator(".message-body")).containsText("<script>alert(1)</script>");
			shot(page, "backoffice-message");
			page.navigate(base + "/app/customers");
			shot(page, "backoffice-customers");
			page.navigate(base + "/app/products");
			assertThat(page.locator("table.data tbody tr").first()).isVisible();
			shot(page, "backoffice-products");
			page.navigate(base + "/app/no-such-page");
			assertThat(page.locator(".error-box")).containsText("404");
			shot(page, "backoffice-404");

			// A tablet in landscape: the same pages, tables scroll inside their panels.
			page.setViewportSize(1024, 768);
			page.navigate(base + "/app/orders");
			assertThat(page.locator("table.data")).isVisible();
			shot(page, "backoffice-orders-tablet");
			page.navigate(base + "/app/orders/" + refunded.id());
			shot(page, "backoffice-order-tablet");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();
			assertThat(page.locator("body")).containsText("You have signed out.");
		}
	}
}
