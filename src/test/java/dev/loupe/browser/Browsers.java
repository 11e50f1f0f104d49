package dev.loupe.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared set-up for browser end-to-end tests (storefront and back office): Playwright for Java driving Debian's
 * Chromium ({@code /usr/bin/chromium}, or {@code LOUPE_CHROMIUM}); Playwright's own browsers are never downloaded.
 *
 * <p>Without a Chromium the tests are skipped with a message, so {@code ./mvnw verify} still works on a machine
 * with only a JDK; {@code .ci/run} installs Chromium and sets {@code LOUPE_REQUIRE_BROWSER=1}, which turns a missing
 * browser into a failure. Screenshots go to {@code target/screenshots/}.
 *
 * <pre>
 * static Browsers browsers;
 * &#64;BeforeAll static void start() { browsers = Browsers.start(); }
 * &#64;AfterAll static void stop() { browsers.close(); }
 * try (BrowserContext phone = browsers.phone()) { Page page = phone.newPage(); ... browsers.screenshot(page, "cart-phone"); }
 * </pre>
 */
public final class Browsers implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Playwright playwright;
	private final Browser browser;

	private Browsers(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	/** Starts headless Chromium, or skips the calling test class when none is installed (fails under CI). */
	public static Browsers start() {
		Path chromium = chromium();
		if (!Files.isExecutable(chromium)) {
			String message = "no Chromium at " + chromium + " (install Debian's chromium package or set LOUPE_CHROMIUM)";
			if ("1".equals(System.getenv("LOUPE_REQUIRE_BROWSER"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort("browser tests skipped: " + message);
		}
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		try {
			Browser browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
							"--disable-background-networking", "--disable-component-update", "--disable-sync",
							"--disable-dev-shm-usage")));
			return new Browsers(playwright, browser);
		}
		catch (RuntimeException e) {
			playwright.close();
			throw e;
		}
	}

	static Path chromium() {
		String configured = System.getenv("LOUPE_CHROMIUM");
		return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
	}

	/** A fresh context (own cookies) at desktop width, 1366 × 900. */
	public BrowserContext desktop() {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale("en-US"));
	}

	/** A fresh context (own cookies) at phone width, 390 × 844, touch, as an iPhone 13-class device. */
	public BrowserContext phone() {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setDeviceScaleFactor(2)
			.setIsMobile(true)
			.setHasTouch(true)
			.setLocale("en-US"));
	}

	/** Saves a full-page screenshot as {@code target/screenshots/<name>.png} and returns its path. */
	public Path screenshot(Page page, String name) {
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	@Override
	public void close() {
		try {
			browser.close();
		}
		finally {
			playwright.close();
		}
	}
}
