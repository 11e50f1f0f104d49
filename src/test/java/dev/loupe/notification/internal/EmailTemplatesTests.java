package dev.loupe.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.notification.DownloadLink;
import dev.loupe.platform.Money;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every email template renders with the precompiled jte classes the application uses: HTML and plain text from the
 * same data, money and dates in the store's locale, and whatever a customer typed escaped. The rendered HTML is
 * written to {@code target/email-snapshots/} for a look in a browser.
 */
class EmailTemplatesTests {

	static final TemplateEngine ENGINE = precompiled();
	static final Branding US = new Branding("Quokka & Co", "#2f5d50", Locale.US, ZoneId.of("America/Chicago"),
			"https://shop.example");
	static final Instant PLACED = Instant.parse("2026-11-23T15:04:05Z");

	static TemplateEngine precompiled() {
		TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
		engine.setBinaryStaticContent(true);
		return engine;
	}

	@Test
	void theOrderConfirmationShowsEveryLineAndTotalInDollars() throws IOException {
		RenderedEmail email = EmailRenderer.render(ENGINE, US, new OrderConfirmation(order("USD", "Sam Shopper")));
		assertThat(email.template()).isEqualTo("order-confirmation");
		assertThat(email.subject()).isEqualTo("Your Quokka & Co order #1042");
		assertThat(email.html()).contains("$19.99", "$39.98", "$5.00", "$2.97", "-$4.00", "$43.95", "Order #1042",
				"November 23, 2026", "Hello Sam Shopper,", "https://shop.example/account/orders/order_01",
				"https://shop.example/products/quokka-lamp", "background-color:#2f5d50", "Quokka &amp; Co",
				"Springfield");
		assertThat(email.text()).contains("2 × Quokka Lamp (Red)  $39.98", "Subtotal: $39.98",
				"Shipping (Standard): $5.00", "Discount: -$4.00", "Tax: $2.97", "Total: $43.95",
				"View your order: https://shop.example/account/orders/order_01", "— Quokka & Co");
		assertThat(email.text()).doesNotContain("<", "&amp;");
		snapshot("order-confirmation", email);
	}

	@Test
	void euroAmountsFollowTheStoreLocale() {
		RenderedEmail english = EmailRenderer.render(ENGINE, US, new OrderConfirmation(order("EUR", "Sam")));
		assertThat(english.html()).contains("€43.95", "€19.99");
		Branding german = new Branding("Quokka", "#2f5d50", Locale.GERMANY, ZoneId.of("Europe/Berlin"),
				"https://shop.example");
		RenderedEmail deutsch = EmailRenderer.render(ENGINE, german, new OrderConfirmation(order("EUR", "Sam")));
		assertThat(deutsch.html()).contains("43,95\u00a0€", "19,99\u00a0€", "23. November 2026");
		assertThat(deutsch.text()).contains("Total: 43,95\u00a0€");
	}

	@Test
	void yenHaveNoDecimals() {
		OrderView yen = new OrderView("order_02", 7, PLACED, "Aiko", "aiko@example.com",
				List.of(new OrderView.Line("Tea bowl", null, 3, Money.of("1500", "JPY"), Money.of("4500", "JPY"), null)),
				Money.of("4500", "JPY"), Money.of("800", "JPY"), Money.zero("JPY"), Money.of("530", "JPY"),
				Money.of("5830", "JPY"), List.of(), "Yamato", "https://shop.example/account/orders/order_02");
		RenderedEmail email = EmailRenderer.render(ENGINE, US, new OrderConfirmation(yen));
		assertThat(email.html()).contains("¥1,500", "¥4,500", "¥5,830").doesNotContain("¥1,500.00", "Discount");
		assertThat(email.text()).contains("Total: ¥5,830");
	}

	@Test
	void whatACustomerTypedIsEscapedInTheHtml() {
		String hostile = "<script>alert('x')</script> \"Bob\" & <b>Co</b>";
		RenderedEmail email = EmailRenderer.render(ENGINE, US, new OrderConfirmation(order("USD", hostile)));
		assertThat(email.html()).doesNotContain("<script>", "<b>Co</b>")
			.contains("Hello &lt;script&gt;alert('x')&lt;/script&gt; \"Bob\" &amp; &lt;b&gt;Co&lt;/b&gt;,");
		// The text part is not HTML: it carries the name as typed.
		assertThat(email.text()).contains("Hello " + hostile + ",");
	}

	@Test
	void shippingConfirmationLinksToTheTracking() throws IOException {
		RenderedEmail email = EmailRenderer.render(ENGINE, US, new ShippingConfirmation(order("USD", "Sam"), "USPS",
				"9400 1000 0000 0000 0000 00", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400&x=1"));
		assertThat(email.subject()).contains("#1042", "on its way");
		assertThat(email.html()).contains("with USPS", "9400 1000 0000 0000 0000 00",
				"href=\"https://tools.usps.com/go/TrackConfirmAction?tLabels=9400&amp;x=1\"");
		assertThat(email.text()).contains("Track it: https://tools.usps.com/go/TrackConfirmAction?tLabels=9400&x=1");
		assertThat(email.html()).doesNotContain("In this shipment");
		snapshot("shipping-confirmation", email);
	}

	@Test
	void aShipmentOfPartOfTheOrderListsWhatTheParcelHolds() {
		OrderView.Line one = new OrderView.Line("Quokka Lamp", "Red", 1, Money.of("19.99", "USD"),
				Money.of("19.99", "USD"), "https://shop.example/products/quokka-lamp");
		RenderedEmail email = EmailRenderer.render(ENGINE, US, new ShippingConfirmation(order("USD", "Sam"), "USPS",
				"9400", null, List.of(one)));
		// The parcel's line above the whole order's summary (2 of the lamp at $19.99).
		assertThat(email.html()).contains("In this shipment", "1 × Quokka Lamp", "follows separately", "2 × $19.99");
		assertThat(email.text()).contains("In this shipment:\n1 × Quokka Lamp (Red)\n",
				"The rest of your order follows separately.");
	}

	@Test
	void deliveryReviewAndDownloadEmailsRender() throws IOException {
		RenderedEmail delivered = EmailRenderer.render(ENGINE, US,
				new DeliveryNotification(order("USD", "Sam"), Instant.parse("2026-11-27T18:00:00Z")));
		assertThat(delivered.html()).contains("delivered on November 27, 2026");
		assertThat(delivered.text()).contains("delivered on November 27, 2026");
		RenderedEmail review = EmailRenderer.render(ENGINE, US, new ReviewRequest(order("USD", "Sam")));
		assertThat(review.html()).contains("https://shop.example/products/quokka-lamp#reviews", "Write a review");
		assertThat(review.text()).contains("Quokka Lamp: https://shop.example/products/quokka-lamp#reviews");
		RenderedEmail downloads = EmailRenderer.render(ENGINE, US, new DigitalDownloads(order("USD", "Sam"),
				List.of(new DownloadLink("Guide.pdf", "https://files.example/dl/abc?sig=1&exp=2",
						Instant.parse("2026-12-01T00:00:00Z")))));
		assertThat(downloads.html()).contains("Guide.pdf", "href=\"https://files.example/dl/abc?sig=1&amp;exp=2\"",
				"November 30, 2026");
		assertThat(downloads.text()).contains("Guide.pdf: https://files.example/dl/abc?sig=1&exp=2");
		snapshot("delivery-notification", delivered);
		snapshot("review-request", review);
		snapshot("digital-downloads", downloads);
	}

	@Test
	void accountEmailsCarryTheirLinkAndHowLongItWorks() throws IOException {
		String link = "https://shop.example/account/reset-password?token=" + "ab".repeat(32) + "&email=a%40b.c";
		RenderedEmail reset = EmailRenderer.render(ENGINE, US, new PasswordReset(link, Duration.ofMinutes(15)));
		assertThat(reset.text()).contains(link, "within 15 minutes");
		assertThat(reset.html()).contains(link.replace("&", "&amp;"), "within 15 minutes");
		RenderedEmail verify = EmailRenderer.render(ENGINE, US,
				new EmailVerification("https://shop.example/account/verify-email?token=1", Duration.ofHours(24)));
		assertThat(verify.text()).contains("within 24 hours", "verify-email?token=1");
		RenderedEmail invite = EmailRenderer.render(ENGINE, US,
				new StaffInvitation("buyer", "https://shop.example/app/invite?token=2", Duration.ofDays(7)));
		assertThat(invite.subject()).isEqualTo("You are invited to the Quokka & Co back office");
		assertThat(invite.html()).contains("<strong>buyer</strong>", "7 days", "app/invite?token=2");
		snapshot("password-reset", reset);
		snapshot("email-verification", verify);
		snapshot("staff-invite", invite);
	}

	static OrderView order(String currency, String name) {
		return new OrderView("order_01", 1042, PLACED, name, "sam@example.com",
				List.of(new OrderView.Line("Quokka Lamp", "Red", 2, Money.of("19.99", currency),
						Money.of("39.98", currency), "https://shop.example/products/quokka-lamp")),
				Money.of("39.98", currency), Money.of("5", currency), Money.of("4", currency), Money.of("2.97", currency),
				Money.of("43.95", currency), List.of(name, "1 Main St", "62701 Springfield", "US"), "Standard",
				"https://shop.example/account/orders/order_01");
	}

	static void snapshot(String name, RenderedEmail email) throws IOException {
		Path dir = Path.of("target/email-snapshots");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve(name + ".html"), email.html());
		Files.writeString(dir.resolve(name + ".txt"), email.subject() + "\n\n" + email.text());
	}
}
