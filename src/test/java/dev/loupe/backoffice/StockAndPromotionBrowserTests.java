package dev.loupe.backoffice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loupe.browser.Browsers;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.platform.LoupeProperties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The back office's inventory and promotions pages in Chromium as the demo admin: a variant's stock is refused below
 * zero, then set to zero and its storefront page says "Out of stock"; a promotion code is refused when mistyped,
 * created, used at the storefront checkout (the list then shows it used once), and deactivated after a confirmation.
 * Screenshots under target/screenshots (backoffice-inventory*.png, backoffice-promotion*.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StockAndPromotionBrowserTests {

	static Browsers browsers;

	@LocalServerPort
	int port;

	@Autowired
	LoupeProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Orders orders;

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

	private void signIn(Page page) {
		page.navigate(url("/app/login"));
		page.getByLabel("Email").fill(properties.demo().adminEmail());
		page.getByLabel("Password").fill(properties.demo().adminPassword());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		page.waitForURL(Pattern.compile(".*/app(/.*)?$"));
	}

	@Test
	void anAdminSetsAVariantOutOfStockAndTheStorefrontSaysSo() {
		try (BrowserContext desktop = browsers.desktop()) {
			Page page = desktop.newPage();
			signIn(page);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inventory").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inventory").setExact(true))).isVisible();
			shot(page, "backoffice-inventory");
			page.getByLabel("Search").fill("Presence Outdoor");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
			assertThat(page.locator("table.data tbody tr")).hasCount(4);
			assertThat(page.locator("table.data")).not().containsText("Presence One");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sage / Single").setExact(true)).click();
			assertThat(page.locator("h1")).containsText("Sage / Single");
			String variantId = page.url().replaceAll(".*/app/inventory/", "");
			assertThat(variantId).startsWith("variant_");
			int stocked = Integer.parseInt(page.locator("table.data").first().locator("tbody tr td").nth(1).innerText().strip());
			assertThat(stocked).isPositive();

			// Removing more than is there is refused, and the refusal is shown.
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Adjust stock")).click();
			page.locator("select[name=mode]").selectOption("add");
			page.getByLabel("Quantity", new Page.GetByLabelOptions().setExact(true)).fill("-" + (stocked + 1));
			page.getByLabel("Reason").fill("Stock count");
			shot(page, "backoffice-inventory-adjust");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save stock")).click();
			assertThat(page.locator(".flash, [role=alert]").first()).containsText("cannot go to -1");
			shot(page, "backoffice-inventory-refused");

			// Set to zero: the ledger shows the adjustment with its reason and who made it.
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Adjust stock")).click();
			page.locator("select[name=mode]").selectOption("set");
			page.getByLabel("Quantity", new Page.GetByLabelOptions().setExact(true)).fill("0");
			page.getByLabel("Reason").fill("Water damage in aisle 4");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save stock")).click();
			assertThat(page.locator(".flash, [role=status], [role=alert]").first()).containsText("Stock is now 0");
			assertThat(page.locator("table.data").first()).containsText("Out of stock");
			assertThat(page.locator("table.data").nth(1)).containsText("Water damage in aisle 4");
			assertThat(page.locator("table.data").nth(1)).containsText("-" + stocked);
			shot(page, "backoffice-inventory-variant");
			assertThat(jdbc.sql("select count(*) from audit.entry where action = 'inventory.adjusted' and resource_id = ?")
				.param(variantId).query(Long.class).single()).isEqualTo(1);

			Page shop = desktop.newPage();
			shop.navigate(url("/products/loupe-presence-outdoor?variant=" + variantId));
			assertThat(shop.locator("#add-to-cart")).hasText("Out of stock");
			assertThat(shop.locator("#add-to-cart")).isDisabled();
			shot(shop, "backoffice-inventory-storefront");
		}
	}

	@Test
	void anAdminCreatesAPromotionCodeThatAShopperUsesAtCheckout() {
		try (BrowserContext desktop = browsers.desktop()) {
			Page page = desktop.newPage();
			signIn(page);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Promotions").setExact(true)).click();
			assertThat(page.locator("table.data")).containsText("WELCOME10");
			shot(page, "backoffice-promotions");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New promotion")).click();
			page.getByLabel("Code").fill("AUTUMN15");
			page.locator("select[name=type]").selectOption("percentage");
			page.locator("select[name=target]").selectOption("order");
			page.getByLabel("Value (percent, or amount in the currency)").fill("15%");
			page.getByLabel("Minimum item subtotal (optional)").fill("20");
			page.getByLabel("Usage limit (optional)").fill("5");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create promotion")).click();
			assertThat(page.locator("[role=alert]").first()).containsText("Enter the value as a number");
			assertThat(page.getByLabel("Code")).hasValue("AUTUMN15");
			shot(page, "backoffice-promotion-refused");
			page.getByLabel("Value (percent, or amount in the currency)").fill("15");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create promotion")).click();
			assertThat(page.locator("h1")).hasText("Promotion AUTUMN15");
			assertThat(page.locator(".flash, [role=status]").first()).containsText("created");
			shot(page, "backoffice-promotion");

			// A shopper uses it: Presence Outdoor Black / Single at $98.99, 15 % off.
			Page shop = desktop.newPage();
			shop.navigate(url("/products/loupe-presence-outdoor"));
			shop.locator(".swatch", new Page.LocatorOptions().setHasText("Black")).click();
			shop.locator(".swatch", new Page.LocatorOptions().setHasText("Single")).click();
			assertThat(shop.locator("[data-price]")).hasText("$98.99");
			shop.locator("#add-to-cart").click();
			assertThat(shop.locator("#cart-count")).hasText("1");
			shop.navigate(url("/cart"));
			shop.locator("#code").fill("autumn15");
			shop.locator("button", new Page.LocatorOptions().setHasText("Apply")).click();
			assertThat(shop.locator("#discount-total")).hasText("−$14.85");
			shot(shop, "backoffice-promotion-cart");
			shop.locator("a.button", new Page.LocatorOptions().setHasText("Check out")).click();
			shop.waitForURL(url("/checkout"));
			shop.locator("#f-email").fill("autumn.shopper@example.com");
			shop.locator("#f-first_name").fill("Autumn");
			shop.locator("#f-last_name").fill("Shopper");
			shop.locator("#f-address_1").fill("1 Main Street");
			shop.locator("#f-city").fill("Springfield");
			shop.locator("#f-province").fill("IL");
			shop.locator("#f-postal_code").fill("62701");
			shop.locator("button", new Page.LocatorOptions().setHasText("Continue to shipping")).click();
			shop.locator("button", new Page.LocatorOptions().setHasText("Continue to payment")).click();
			shop.locator("button", new Page.LocatorOptions().setHasText("Continue to review")).click();
			String cartId = shop.locator("input[name=cart_id]").inputValue();
			shop.locator("#place-order").click();
			shop.waitForURL(Pattern.compile(".*/order/confirmed/order_.*"));
			Order order = orders.findByCart(cartId).orElseThrow();
			assertThat(order.promotionCodes()).contains("AUTUMN15");

			// The list shows it used once of five; deactivating asks first.
			page.navigate(url("/app/promotions?q=AUTUMN"));
			assertThat(page.locator("table.data tbody tr")).hasCount(1);
			assertThat(page.locator("table.data tbody tr td.num")).hasText("1 / 5");
			shot(page, "backoffice-promotions-used");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("AUTUMN15")).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate")).click();
			assertThat(page.locator("#deactivate-dialog")).isVisible();
			shot(page, "backoffice-promotion-deactivate");
			page.locator("#deactivate-dialog").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
				.setName("Deactivate")).click();
			assertThat(page.locator("table.data")).containsText("Inactive");
			assertThat(jdbc.sql("select count(*) from audit.entry where action like 'promotion.%' and details->>'code' = 'AUTUMN15'")
				.query(Long.class).single()).isGreaterThanOrEqualTo(1);
		}
	}
}
