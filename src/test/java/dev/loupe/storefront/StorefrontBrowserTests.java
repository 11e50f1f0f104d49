package dev.loupe.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.loupe.browser.Browsers;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.platform.Ids;
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
 * The shopper's journey in Debian's Chromium against the demo store: buying as a guest (with a variant change, a
 * discount code, a refused address and a double-clicked "Place order") and as a registered customer, an
 * out-of-stock variant, and the guest order lookup. Screenshots of every page at phone and desktop widths go to
 * {@code target/screenshots/storefront-*}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StorefrontBrowserTests {

	static Browsers browsers;

	@LocalServerPort
	int port;

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

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

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void aGuestBuysWithAVariantChangeADiscountCodeAndACorrectedAddressOnDesktopAndPhone() {
		for (String device : List.of("desktop", "phone")) {
			try (BrowserContext context = device.equals("desktop") ? browsers.desktop() : browsers.phone()) {
				Page page = context.newPage();
				page.navigate(url("/"));
				assertThat(page.locator("h1")).containsText("See who's home");
				shot(page, "home", device);

				page.navigate(url("/categories/sensors"));
				assertThat(page.locator("h1")).hasText("Presence sensors");
				shot(page, "category", device);

				page.locator("#site-search").fill("presence");
				page.locator("#site-search").press("Enter");
				page.waitForURL(Pattern.compile(".*/search\\?q=presence"));
				assertThat(page.locator(".grid .card").first()).isVisible();
				shot(page, "search", device);

				page.navigate(url("/products/loupe-presence-one"));
				assertThat(page.locator("[data-price]")).hasText("$48.99");
				shot(page, "product", device);
				// Change the variant: htmx swaps price, stock and images in place and updates the address bar.
				page.locator(".swatch", new Page.LocatorOptions().setHasText("3-pack")).click();
				assertThat(page.locator("[data-price]")).hasText("$128.99");
				page.waitForURL(Pattern.compile(".*variant=variant_.*"));
				page.locator(".swatch", new Page.LocatorOptions().setHasText("Single")).click();
				assertThat(page.locator("[data-price]")).hasText("$48.99");

				page.locator("#add-to-cart").click();
				assertThat(page.locator("#cart-status")).containsText("Added to your cart");
				assertThat(page.locator("#cart-count")).hasText("1");
				assertThat(page.locator("#cart-status")).containsText("Cart: 1 item · $48.99");
				shot(page, "mini-cart", device);

				page.navigate(url("/cart"));
				assertThat(page.locator("#cart-total")).hasText("$48.99");
				page.locator("#code").fill("NOPE-123");
				page.locator("#code").press("Enter");
				assertThat(page.locator("#code-error")).containsText("cannot be used");
				page.locator("#code").fill("welcome10");
				page.locator("button", new Page.LocatorOptions().setHasText("Apply")).click();
				assertThat(page.locator("#discount-total")).hasText("−$4.90");
				assertThat(page.locator("#cart-total")).hasText("$44.09");
				shot(page, "cart", device);

				page.locator("a.button", new Page.LocatorOptions().setHasText("Check out")).click();
				page.waitForURL(url("/checkout"));
				String email = "guest-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT) + "@example.com";
				page.locator("#f-email").fill(email);
				page.locator("#f-first_name").fill("Grace");
				page.locator("#f-last_name").fill("Hopper");
				page.locator("#f-address_1").fill("1 Main Street");
				page.locator("#f-city").fill("Springfield");
				page.locator("#f-province").fill("IL");
				page.locator("#f-postal_code").fill("ABC");
				shot(page, "checkout-address", device);
				page.locator("button", new Page.LocatorOptions().setHasText("Continue to shipping")).click();
				assertThat(page.locator("#e-postal_code")).containsText("valid ZIP code");
				assertThat(page.locator("#f-first_name")).hasValue("Grace");
				shot(page, "checkout-invalid-address", device);
				page.locator("#f-postal_code").fill("62701");
				page.locator("button", new Page.LocatorOptions().setHasText("Continue to shipping")).click();

				Locator options = page.locator("input[name=option_id]");
				assertThat(options.first()).isVisible();
				assertThat(page.locator(".choice-price").first()).containsText("$");
				shot(page, "checkout-shipping", device);
				page.locator("button", new Page.LocatorOptions().setHasText("Continue to payment")).click();
				assertThat(page.locator("input[name=provider_id]").first()).isChecked();
				shot(page, "checkout-payment", device);
				page.locator("button", new Page.LocatorOptions().setHasText("Continue to review")).click();
				assertThat(page.locator("#place-order")).isVisible();
				shot(page, "checkout-review", device);
				String cartId = page.locator("input[name=cart_id]").inputValue();
				page.locator("#place-order").dblclick();
				page.waitForURL(Pattern.compile(".*/order/confirmed/order_.*"));
				assertThat(page.locator("h1")).hasText("Thank you for your order!");
				assertThat(page.locator("#cart-count")).hasText("0");
				shot(page, "confirmation", device);

				Order order = orders.findByCart(cartId).orElseThrow();
				assertThat(page.locator("#order-number")).hasText("#" + order.displayId());
				assertThat(order.email()).isEqualTo(email);
				assertThat(order.promotionCodes()).contains("WELCOME10");
				assertThat(jdbc.sql("select count(*) from orders.sales_order where cart_id = ?").param(cartId)
					.query(Long.class).single()).as("one order for the double-clicked cart").isEqualTo(1);

				// Someone else's browser cannot see the confirmation.
				try (BrowserContext stranger = browsers.desktop()) {
					Page other = stranger.newPage();
					assertThat(other.navigate(url("/order/confirmed/" + order.id())).status()).isEqualTo(404);
				}

				// The guest looks the order up by number and email.
				page.navigate(url("/order/lookup"));
				page.locator("#i-number").fill(Long.toString(order.displayId()));
				page.locator("#i-email").fill("nobody@example.com");
				page.locator("button", new Page.LocatorOptions().setHasText("Find order")).click();
				assertThat(page.locator("#lookup-error")).containsText("could not find");
				shot(page, "lookup-not-found", device);
				page.locator("#i-email").fill(email);
				page.locator("button", new Page.LocatorOptions().setHasText("Find order")).click();
				assertThat(page.locator("#order-number")).hasText("#" + order.displayId());
				assertThat(page.locator("#order-total")).hasText(page.locator("#order-total").textContent());
				shot(page, "order-lookup", device);
			}
		}
	}

	@Test
	void aRegisteredCustomerBuysAndSeesTheOrderInTheirAccount() {
		for (String device : List.of("desktop", "phone")) {
			try (BrowserContext context = device.equals("desktop") ? browsers.desktop() : browsers.phone()) {
				Page page = context.newPage();
				String email = "ada-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT) + "@example.com";
				page.navigate(url("/account/register"));
				page.locator("#i-first_name").fill("Ada");
				page.locator("#i-last_name").fill("Lovelace");
				page.locator("#i-email").fill(email);
				page.locator("#i-password").fill("short");
				page.locator("button", new Page.LocatorOptions().setHasText("Create account")).click();
				assertThat(page.locator("#ie-password")).containsText("at least 8");
				shot(page, "register-invalid", device);
				page.locator("#i-password").fill("correct horse battery");
				page.locator("button", new Page.LocatorOptions().setHasText("Create account")).click();
				page.waitForURL(url("/account"));
				assertThat(page.locator("h1")).containsText("Hello, Ada");

				page.navigate(url("/products/aster-round"));
				page.locator("#add-to-cart").click();
				assertThat(page.locator("#cart-count")).hasText("1");
				page.navigate(url("/checkout"));
				assertThat(page.locator("#f-email")).hasValue(email);
				page.locator("#f-first_name").fill("Ada");
				page.locator("#f-last_name").fill("Lovelace");
				page.locator("#f-address_1").fill("12 St James's Square");
				page.locator("#f-city").fill("London");
				page.locator("#f-province").fill("NY");
				page.locator("#f-postal_code").fill("10001");
				page.locator("button", new Page.LocatorOptions().setHasText("Continue to shipping")).click();
				page.locator("button", new Page.LocatorOptions().setHasText("Continue to payment")).click();
				page.locator("button", new Page.LocatorOptions().setHasText("Continue to review")).click();
				page.locator("#place-order").click();
				page.waitForURL(Pattern.compile(".*/order/confirmed/order_.*"));
				String number = page.locator("#order-number").textContent();

				page.navigate(url("/account"));
				assertThat(page.locator("#orders")).containsText(number);
				shot(page, "account", device);
				// The address book: a refused postcode, then a saved address.
				page.locator("summary", new Page.LocatorOptions().setHasText("Add an address")).click();
				page.locator("#f-first_name").fill("Ada");
				page.locator("#f-last_name").fill("Lovelace");
				page.locator("#f-address_1").fill("12 St James's Square");
				page.locator("#f-city").fill("London");
				page.locator("#f-country_code").selectOption("gb");
				page.locator("#f-postal_code").fill("12345");
				page.locator("button", new Page.LocatorOptions().setHasText("Save address")).click();
				assertThat(page.locator("#e-postal_code")).containsText("valid postcode");
				page.locator("#f-postal_code").fill("SW1Y 4LE");
				page.locator("button", new Page.LocatorOptions().setHasText("Save address")).click();
				assertThat(page.locator(".addresses")).containsText("SW1Y 4LE London");
				shot(page, "account-addresses", device);
				page.locator("#orders a").first().click();
				assertThat(page.locator("#order-number")).hasText(number);
				shot(page, "account-order", device);

				page.navigate(url("/account"));
				page.locator("button", new Page.LocatorOptions().setHasText("Sign out")).click();
				page.waitForURL(url("/"));
				page.navigate(url("/account/login"));
				page.locator("#i-email").fill(email);
				page.locator("#i-password").fill("wrong password");
				page.locator("button", new Page.LocatorOptions().setHasText("Sign in")).click();
				assertThat(page.locator("#login-error")).containsText("not correct");
				shot(page, "login-failed", device);
				page.locator("#i-email").fill(email);
				page.locator("#i-password").fill("correct horse battery");
				page.locator("button", new Page.LocatorOptions().setHasText("Sign in")).click();
				page.waitForURL(url("/account"));
				assertThat(page.locator("#orders")).containsText(number);
			}
		}
	}

	@Test
	void anOutOfStockVariantCannotBeAddedAndUnknownPagesShowA404Page() {
		for (String device : List.of("desktop", "phone")) {
			try (BrowserContext context = device.equals("desktop") ? browsers.desktop() : browsers.phone()) {
				Page page = context.newPage();
				page.navigate(url("/products/loupe-presence-ceiling"));
				page.locator(".swatch", new Page.LocatorOptions().setHasText("Black")).click();
				assertThat(page.locator(".swatch.selected", new Page.LocatorOptions().setHasText("Black"))).isVisible();
				assertThat(page.locator("[data-price]")).hasText("$88.99");
				page.locator(".swatch", new Page.LocatorOptions().setHasText("3-pack")).click();
				assertThat(page.locator("#stock")).hasText("Out of stock");
				assertThat(page.locator("#add-to-cart")).isDisabled();
				shot(page, "out-of-stock", device);

				page.navigate(url("/cart"));
				assertThat(page.locator(".empty h2")).hasText("Your cart is empty");
				shot(page, "cart-empty", device);

				assertThat(page.navigate(url("/products/does-not-exist")).status()).isEqualTo(404);
				assertThat(page.locator("h1")).hasText("Page not found");
				shot(page, "not-found", device);
			}
		}
	}

	@Test
	void aShopperNarrowsACategoryByColourAndPriceAndSortsByPrice() {
		for (String device : List.of("desktop", "phone")) {
			try (BrowserContext context = device.equals("desktop") ? browsers.desktop() : browsers.phone()) {
				Page page = context.newPage();
				page.navigate(url("/categories/sensors"));
				Locator titles = page.locator(".grid .card-title");
				assertThat(titles.filter(new Locator.FilterOptions().setHasText("Loupe Presence Ceiling"))).hasCount(1);
				int before = titles.count();
				if (device.equals("phone")) {
					// On a phone the filters start folded under their summary.
					assertThat(page.locator(".filter-panel ul[data-option=Colour]")).not().isVisible();
					page.locator(".filter-summary").click();
				}
				page.locator("ul[data-option=Colour] a", new Page.LocatorOptions().setHasText("Sage")).click();
				page.waitForURL(Pattern.compile(".*option=Colour%3ASage.*"));
				assertThat(page.locator(".chips")).containsText("Colour: Sage");
				assertThat(titles.filter(new Locator.FilterOptions().setHasText("Loupe Presence Ceiling"))).hasCount(0);
				assertThat(titles.filter(new Locator.FilterOptions().setHasText("Loupe Presence Mini"))).hasCount(1);
				assertThat(titles).not().hasCount(before);

				page.locator("input[name=max_price]").fill("60");
				page.locator(".price-range button").click();
				page.waitForURL(Pattern.compile(".*max_price=60.*"));
				assertThat(page.locator(".chips")).containsText("Up to $60.00");
				assertThat(page.locator(".chips")).containsText("Colour: Sage");
				assertThat(titles.filter(new Locator.FilterOptions().setHasText("Loupe Presence Outdoor"))).hasCount(0);
				assertThat(titles.filter(new Locator.FilterOptions().setHasText("Loupe Presence One"))).hasCount(1);
				assertThat(titles.filter(new Locator.FilterOptions().setHasText("Loupe Presence Mini"))).hasCount(1);

				page.locator(".sorts a", new Page.LocatorOptions().setHasText("Price: low to high")).click();
				page.waitForURL(Pattern.compile(".*sort=price.*"));
				assertThat(titles.first()).hasText("Loupe Presence Mini");
				assertThat(page.locator(".chips")).containsText("Up to $60.00");
				shot(page, "listing-filtered", device);

				page.locator(".chips a", new Page.LocatorOptions().setHasText("Colour: Sage")).click();
				assertThat(page.locator(".chips")).not().containsText("Colour: Sage");
				assertThat(page.locator(".chips")).containsText("Up to $60.00");
				assertThat(page).hasURL(Pattern.compile(".*max_price=60&sort=price$"));
			}
		}
	}

	private void shot(Page page, String name, String device) {
		// The header is sticky: a full-page screenshot taken while scrolled would draw it mid-page.
		page.evaluate("window.scrollTo(0, 0)");
		browsers.screenshot(page, "storefront-" + name + "-" + device);
	}
}
