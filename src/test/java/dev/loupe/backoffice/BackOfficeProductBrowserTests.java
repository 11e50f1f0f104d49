package dev.loupe.backoffice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.loupe.browser.Browsers;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeProperties;
import java.util.Locale;
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
 * Product editing in the back office, in Chromium at desktop width as the demo admin: a refused form, a product with
 * a Colour option (Red, Blue) and prices in three currencies, a price changed for one variant, publishing, and the
 * storefront showing both variants' prices. Screenshots: target/screenshots/backoffice-product-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeProductBrowserTests {

	static Browsers browsers;

	@LocalServerPort
	int port;

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

	private static void shot(Page page, String name) {
		page.evaluate("window.scrollTo(0, 0)");
		browsers.screenshot(page, name);
	}

	private static Page.GetByLabelOptions exact() {
		return new Page.GetByLabelOptions().setExact(true);
	}

	@Test
	void anAdminCreatesAProductWithTwoColoursPricesItAndPublishesIt() {
		String run = Ids.next("t").substring(2, 10).toLowerCase(Locale.ROOT);
		String handle = "bo-tee-" + run;
		String base = "http://127.0.0.1:" + port;

		try (BrowserContext desktop = browsers.desktop()) {
			Page page = desktop.newPage();
			page.navigate(base + "/app/products/new");
			page.getByLabel("Email").fill(properties.demo().adminEmail());
			page.getByLabel("Password").fill(properties.demo().adminPassword());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New product").setExact(true))).isVisible();

			// Refused: values without an option name, then a price that is not a number. Nothing is created.
			page.getByLabel("Title", exact()).fill("Backoffice Tee " + run);
			page.getByLabel("Handle (optional)").fill(handle);
			page.getByLabel("Option 1 values, separated by commas").fill("Red, Blue");
			Response refused = page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Create product")).click());
			assertThat(refused.status()).isEqualTo(400);
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Name the option");
			assertThat(page.getByLabel("Handle (optional)")).hasValue(handle);
			page.getByLabel("Option 1 name").fill("Colour");
			page.getByLabel("Price (USD)").fill("twenty");
			refused = page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Create product")).click());
			assertThat(refused.status()).isEqualTo(400);
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Enter the amount as a number");
			assertThat(jdbc.sql("select count(*) from catalog.product where handle = ?").param(handle).query(Long.class)
				.single()).isZero();

			page.getByLabel("Price (USD)").fill("20.00");
			page.getByLabel("Price (EUR)").fill("19.00");
			page.getByLabel("Price (GBP)").fill("17.00");
			page.getByLabel("SKU prefix (optional)").fill("BOT-" + run.toUpperCase(Locale.ROOT));
			page.getByLabel("Initial stock per variant").fill("5");
			page.getByLabel("Description").fill("A tee made in the back office.");
			shot(page, "backoffice-product-new");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create product")).click();

			assertThat(page).hasURL(Pattern.compile(".*/app/products/prod_[A-Za-z0-9_]+"));
			assertThat(page.locator(".flash")).containsText("Created Backoffice Tee " + run);
			assertThat(page.locator("table.data tbody tr")).hasCount(2);
			assertThat(page.getByLabel("USD price of Colour: Red")).hasValue("20.00");
			assertThat(page.getByLabel("GBP price of Colour: Blue")).hasValue("17.00");
			assertThat(page.getByLabel("SKU of Colour: Blue")).hasValue("BOT-" + run.toUpperCase(Locale.ROOT) + "-BLUE");

			// A draft is not in the storefront.
			Page shop = desktop.newPage();
			assertThat(shop.navigate(base + "/products/" + handle).status()).isEqualTo(404);

			// Blue costs more; a bad price for it is refused and changes nothing.
			page.getByLabel("USD price of Colour: Blue").fill("-3");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Colour: Blue")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Blue:");
			page.getByLabel("USD price of Colour: Blue").fill("25.00");
			page.getByLabel("Stock of Colour: Blue").fill("3");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Colour: Blue")).click();
			assertThat(page.locator(".flash")).containsText("Saved Blue");
			assertThat(page.getByLabel("USD price of Colour: Blue")).hasValue("25.00");
			assertThat(page.getByLabel("USD price of Colour: Red")).hasValue("20.00");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
			assertThat(page.locator(".flash")).containsText("Published");
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unpublish"))).isVisible();
			shot(page, "backoffice-product-edit");

			String productId = page.url().replaceAll(".*/app/products/", "");
			assertThat(jdbc.sql("select action from audit.entry where resource_id = ? or resource_id in "
					+ "(select id from catalog.product_variant where product_id = ?) order by occurred_at")
				.param(productId).param(productId).query(String.class).list())
				.containsExactly("product.created", "product_variant.updated", "product.updated");

			shop.navigate(base + "/products/" + handle);
			assertThat(shop.locator("h1")).hasText("Backoffice Tee " + run);
			assertThat(shop.locator("[data-price]")).hasText("$20.00");
			assertThat(shop.locator("#stock")).containsText("Only 5 left");
			shop.locator(".swatch", new Page.LocatorOptions().setHasText("Blue")).click();
			assertThat(shop.locator("[data-price]")).hasText("$25.00");
			assertThat(shop.locator("#stock")).containsText("Only 3 left");
			shop.locator(".swatch", new Page.LocatorOptions().setHasText("Red")).click();
			assertThat(shop.locator("[data-price]")).hasText("$20.00");
			shot(shop, "backoffice-product-storefront");
		}
	}
}
