package dev.loupe.adminapi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.loupe.browser.Browsers;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /admin/docs} in Chromium: Swagger UI renders the document from this server alone (no request leaves it),
 * and an operation opens on its body schema, parameters and errors. Screenshots: target/screenshots-openapi/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminDocsBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots-openapi");

	static Browsers browsers;

	@LocalServerPort
	int port;

	@BeforeAll
	static void start() {
		browsers = Browsers.start();
	}

	@AfterAll
	static void stop() {
		browsers.close();
	}

	@Test
	void theDocsPageShowsABodySchemaWithoutTheNetwork() {
		try (BrowserContext desktop = browsers.desktop()) {
			Page page = desktop.newPage();
			page.setViewportSize(1280, 900);
			List<String> requested = new CopyOnWriteArrayList<>();
			page.onRequest(request -> requested.add(request.url()));
			page.navigate("http://localhost:" + port + "/admin/docs");
			// The first request generates the document, which takes a few seconds on a busy machine.
			assertThat(page.locator(".info .title")).containsText("Loupe Admin API",
					new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));

			Locator create = page.locator("#operations-Products-createProduct");
			create.locator(".opblock-summary").first().click();
			Locator body = create.locator(".opblock-section-request-body");
			assertThat(body).containsText("Aurora sensor");
			body.getByText("Schema", new Locator.GetByTextOptions().setExact(true)).click();
			assertThat(body).containsText("ProductCreate");
			assertThat(body).containsText("variants");
			assertThat(create.locator(".responses-wrapper")).containsText("422");
			page.setViewportSize(1280, 1600);
			create.locator(".opblock-summary").first().evaluate("e => e.scrollIntoView({block: 'start'})");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-docs-create-product.png")));

			Locator list = page.locator("#operations-Products-listProducts");
			list.locator(".opblock-summary").first().click();
			assertThat(list.locator(".parameters")).containsText("limit");
			assertThat(list.locator(".parameters")).containsText("offset");
			list.locator(".opblock-summary").first().evaluate("e => e.scrollIntoView({block: 'start'})");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-docs-list-products.png")));

			assertThat(requested).isNotEmpty()
				.allMatch(url -> URI.create(url).getHost().equals("localhost"), "served by this server");
		}
	}
}
