package dev.loupe.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.market.Markets;
import dev.loupe.market.RegionDraft;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The storefront's review step with Stripe: the Payment Element is mounted with the publishable key and the
 * PaymentIntent's client secret (card details go from the browser to Stripe only), and the page Stripe returns to
 * after a redirect (3-D Secure) completes the cart once, reading the intent at Stripe itself.
 */
class StripeStorefrontTests extends StripeTestSupport {

	private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	Markets markets;

	@Test
	void theReviewStepMountsThePaymentElementAndStripesReturnPlacesTheOrderOnce() throws Exception {
		// A region of its own with a country, so the cart can have the address the storefront's checkout asks for.
		String region = marketSetup.createRegion(new RegionDraft("Stripe storefront " + run, "usd", false,
				List.of("mt"), List.of(StripePaymentProvider.ID)));
		String cart = cart(region, 1);
		Answer addressed = store("POST", "/store/carts/" + cart, """
				{"shipping_address": {"first_name": "Maria", "last_name": "Borg", "address_1": "1 Republic Street",
				 "city": "Valletta", "postal_code": "VLT 1117", "country_code": "mt"}}""");
		assertThat(addressed.status()).as(addressed.raw()).isEqualTo(200);
		stubCreate(1999, "usd");
		stripeSession(cart);
		// The storefront sells through the store's first sales channel: the cart and the guide move there.
		String storefront = markets.firstSalesChannelId().orElseThrow();
		jdbc.sql("update cart.cart set sales_channel_id = ? where id = ?").params(storefront, cart).update();
		jdbc.sql("""
				insert into catalog.product_sales_channel (product_id, sales_channel_id)
				select product_id, ? from catalog.product_variant where id = ? on conflict do nothing""")
			.params(storefront, guide)
			.update();

		HttpResponse<String> review = browse("/checkout", cart);
		assertThat(review.statusCode()).isEqualTo(200);
		assertThat(review.body()).contains("id=\"payment-element\"", "data-key=\"pk_test_loupe\"",
				"data-secret=\"" + intent + "_secret_abc123\"", "data-return=\"/checkout/stripe-return?cart_id=" + cart + "\"",
				"https://js.stripe.com/v3/", "/assets/stripe-checkout", "data-stripe-form");
		assertThat(review.body()).doesNotContain("sk_test_loupe");

		// Stripe.js confirmed the intent (after a 3-D Secure redirect) and sends the shopper back.
		stubRetrieve("requires_capture", 1999, null);
		HttpResponse<String> back = browse("/checkout/stripe-return?cart_id=" + cart, cart);
		assertThat(back.statusCode()).as(shown(back.body())).isBetween(302, 303);
		String confirmed = back.headers().firstValue("Location").orElseThrow();
		assertThat(confirmed).contains("/order/confirmed/order_");
		HttpResponse<String> again = browse("/checkout/stripe-return?cart_id=" + cart, cart);
		assertThat(again.headers().firstValue("Location").orElseThrow()).isEqualTo(confirmed);
		String orderId = confirmed.substring(confirmed.lastIndexOf('/') + 1);
		assertThat(orders.find(orderId).orElseThrow().paymentStatus()).isEqualTo("authorized");
		assertThat(jdbc.sql("select count(*) from orders.sales_order where cart_id = ?").param(cart).query(Integer.class)
			.single()).isEqualTo(1);
	}

	/** The page's alert, for failure messages. */
	private static String shown(String html) {
		int at = html.indexOf("alert-error");
		return at < 0 ? html.substring(0, Math.min(html.length(), 300)) : html.substring(at, Math.min(html.length(), at + 300));
	}

	private HttpResponse<String> browse(String path, String cart) throws Exception {
		return BROWSER.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "loupe_cart=" + cart)
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
