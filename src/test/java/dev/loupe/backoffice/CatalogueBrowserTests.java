package dev.loupe.backoffice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.loupe.browser.Browsers;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The catalogue pages in Chromium at desktop width as the demo admin: a category and a subcategory created, a
 * product put in the subcategory (the tree then counts it), a CSV with a bad row refused with its line, and a good
 * one imported while the progress bar, polled by htmx, reaches 100%. Screenshots: target/screenshots/catalogue-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CatalogueBrowserTests {

	static Browsers browsers;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LoupeProperties properties;

	@Autowired
	dev.loupe.catalog.CatalogAdmin catalog;

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

	@Test
	void anAdminBuildsCategoriesAssignsAProductAndImportsACsv() {
		String run = Ids.next("t").substring(2, 10).toLowerCase(Locale.ROOT);
		String base = "http://127.0.0.1:" + port;
		String productId = catalog.createProduct(dev.loupe.platform.Input.of(java.util.Map.of("title", "Aviator " + run,
				"variants", List.of(java.util.Map.of("title", "One")))), List.of()).productId();
		try (BrowserContext desktop = browsers.desktop()) {
			Page page = desktop.newPage();
			page.navigate(base + "/app/categories");
			page.getByLabel("Email").fill(properties.demo().adminEmail());
			page.getByLabel("Password").fill(properties.demo().adminPassword());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Categories").setExact(true)))
				.isVisible();

			page.getByLabel("Name").fill("Eyewear " + run);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create category")).click();
			assertThat(page.locator(".flash")).containsText("Created the category Eyewear " + run);
			page.getByLabel("Name").fill("Sunglasses " + run);
			page.getByLabel("Parent").selectOption(new com.microsoft.playwright.options.SelectOption()
				.setLabel("Eyewear " + run));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create category")).click();
			assertThat(page.locator(".flash")).containsText("Created the category Sunglasses " + run);

			// The product page: put the product in the subcategory.
			page.navigate(base + "/app/products/" + productId);
			page.getByLabel("Sunglasses " + run).check();
			page.getByLabel("Tags, separated by commas").fill("summer-" + run);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save organisation")).click();
			assertThat(page.locator(".flash")).containsText("Saved categories, collection, tags and sales channels");
			assertThat(page.getByLabel("Sunglasses " + run)).isChecked();
			shot(page, "catalogue-product-organisation");

			page.navigate(base + "/app/categories");
			var row = page.locator("tr", new Page.LocatorOptions().setHasText("Sunglasses " + run));
			assertThat(row.locator("td.num").first()).hasText("1");
			shot(page, "catalogue-categories");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Eyewear " + run)).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete category")).click();
			assertThat(page.locator("dialog[open]")).containsText("move or delete them first");
			shot(page, "catalogue-category-delete-dialog");
			page.locator("dialog[open] [data-close]").click();

			// A CSV with a bad price: refused with its line, nothing imported.
			page.navigate(base + "/app/products");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import CSV")).click();
			String header = BackOfficeProductCsvTests.HEADER;
			String bad = header + "shades-" + run + ",Shades,published,Colour,Black,SH-" + run + "-BK,,twelve,,,3\n";
			page.getByLabel("CSV file (UTF-8, at most 10 MB)").setInputFiles(new FilePayload("bad.csv", "text/csv",
					bad.getBytes(StandardCharsets.UTF_8)));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and import")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Nothing was imported");
			assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Problems"))).containsText("price_usd");
			shot(page, "catalogue-import-refused");

			// A good one with 120 rows: the progress bar reaches 100% without reloading the page.
			StringBuilder good = new StringBuilder(header);
			List<String> colours = List.of("Black", "Tortoise", "Clear");
			for (int i = 0; i < 40; i++) {
				for (String c : colours) {
					good.append("shades-").append(run).append('-').append(i).append(",Shades ").append(i)
						.append(",published,Colour,").append(c).append(",SH-").append(run).append('-').append(i).append('-')
						.append(c.toUpperCase(Locale.ROOT)).append(",,").append(80 + i).append(".00,75.00,70.00,4\n");
				}
			}
			page.getByLabel("CSV file (UTF-8, at most 10 MB)").setInputFiles(new FilePayload("shades.csv", "text/csv",
					good.toString().getBytes(StandardCharsets.UTF_8)));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and import")).click();
			assertThat(page).hasURL(Pattern.compile(".*/app/products/import/pimp_[A-Za-z0-9_]+"));
			String url = page.url();
			assertThat(page.getByTestId("progress-figure")).containsText("120 of 120 rows · 100%",
					new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
			assertThat(page.locator("[role=progressbar]")).hasAttribute("aria-valuenow", "100");
			assertThat(page.locator(".kv")).containsText("Products created");
			assertThat(page.locator(".kv dd").nth(3)).hasText("0");
			assertThat(page.url()).isEqualTo(url);
			shot(page, "catalogue-import-done");
			assertThat(jdbc.sql("select count(*) from catalog.product where handle like ?").param("shades-" + run + "-%")
				.query(Long.class).single()).isEqualTo(40);

			page.navigate(base + "/app/products/import");
			shot(page, "catalogue-import-page");
			page.navigate(base + "/app/products?q=shades-" + run);
			page.getByLabel("Tick all").check();
			assertThat(page.getByLabel("Tick Shades 39", new Page.GetByLabelOptions().setExact(true))).isChecked();
			shot(page, "catalogue-products-bulk");
		}
	}
}
