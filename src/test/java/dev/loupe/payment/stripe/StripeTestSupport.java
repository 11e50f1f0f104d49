package dev.loupe.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.RegionDraft;
import dev.loupe.order.Orders;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Stripe and webhook tests share (one application context): WireMock playing Stripe's API (stripe-java is
 * pointed at it with {@code loupe.stripe.api-base}), a region offering {@code pp_stripe_stripe} only, a digital
 * product (19.99 USD, 1500 JPY) that needs no shipping, fast retries of the webhook inbox, and Stripe's signature.
 * Response bodies follow Stripe's API reference (PaymentIntent, Refund, error objects).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class StripeTestSupport {

	static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());
	static final String SECRET = "whsec_test_loupe_signing_secret";
	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	static {
		STRIPE.start();
	}

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		registry.add("loupe.stripe.api-key", () -> "sk_test_loupe");
		registry.add("loupe.stripe.webhook-secret", () -> SECRET);
		registry.add("loupe.stripe.publishable-key", () -> "pk_test_loupe");
		registry.add("loupe.stripe.api-base", STRIPE::baseUrl);
		registry.add("loupe.stripe.read-timeout", () -> "1s");
		registry.add("loupe.stripe.connect-timeout", () -> "1s");
		registry.add("loupe.payment.authorization-timeout", () -> "10s");
		registry.add("loupe.payment.authorizing-lease", () -> "30s");
		registry.add("loupe.payment.provider-timeout", () -> "10s");
		registry.add("loupe.webhook.retry-base", () -> "400ms");
		registry.add("loupe.webhook.retry-max", () -> "5s");
		registry.add("loupe.webhook.max-attempts", () -> "3");
		registry.add("loupe.webhook.sweep-interval", () -> "200ms");
		registry.add("db-scheduler.polling-interval", () -> "200ms");
	}

	protected record Answer(int status, JsonNode body, String raw) {
	}

	@LocalServerPort
	protected int port;

	@Autowired MarketSetup marketSetup;
	@Autowired CatalogImport catalog;
	@Autowired PriceSetup prices;
	@Autowired protected JdbcClient jdbc;
	@Autowired PaymentCollections payments;
	@Autowired Orders orders;

	String run;
	String key;
	String usd;
	String jpy;
	String guide;
	String intent;

	@BeforeEach
	void setUpStore() {
		STRIPE.resetAll();
		run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Stripe channel " + run, null);
		key = marketSetup.createPublishableKey("Stripe key " + run, List.of(channel)).token();
		usd = marketSetup.createRegion(new RegionDraft("Stripe USD " + run, "usd", false, List.of(),
				List.of(StripePaymentProvider.ID)));
		jpy = marketSetup.createRegion(new RegionDraft("Stripe JPY " + run, "jpy", false, List.of(),
				List.of(StripePaymentProvider.ID)));
		List<ImportedProduct> imported = catalog.importProducts(List.of(new ProductDraft("stripe-guide-" + run,
				"Guide " + run, "A guide", "A guide to buy.", ProductKind.DIGITAL, true, null, List.of(), null, null,
				BigDecimal.ONE, null, "Guide", List.of("stripe"), null, List.of(),
				List.of(new ProductDraft.Option("Format", List.of("PDF"))),
				List.of(new ProductDraft.Variant("PDF", "SKU-stripe-" + run, null, Map.of("Format", "PDF"), false, false,
						null)),
				Map.of())), List.of(channel));
		guide = imported.getFirst().variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(guide, Money.of("19.99", "USD")), PriceDraft.of(guide,
				Money.of("1500", "JPY"))));
		jdbc.sql("update catalog.product_variant set manage_inventory = false where id = ?").param(guide).update();
		intent = "pi_" + run;
	}

	// ---------------------------------------------------------------- the Store API

	/** A cart in the region with the guide and an email; answers its id. */
	String cart(String region, int quantity) {
		Answer created = store("POST", "/store/carts", "{\"region_id\": \"" + region + "\", \"email\": "
				+ "\"payer@example.com\", \"items\": [{\"variant_id\": \"" + guide + "\", \"quantity\": " + quantity + "}]}");
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		return created.body().path("cart").path("id").asString();
	}

	/** Starts a Stripe session for the cart; answers the payment collection. */
	JsonNode stripeSession(String cart) {
		Answer collection = store("POST", "/store/payment-collections", "{\"cart_id\": \"" + cart + "\"}");
		assertThat(collection.status()).as(collection.raw()).isEqualTo(200);
		String id = collection.body().path("payment_collection").path("id").asString();
		Answer session = store("POST", "/store/payment-collections/" + id + "/payment-sessions",
				"{\"provider_id\": \"pp_stripe_stripe\"}");
		assertThat(session.status()).as(session.raw()).isEqualTo(200);
		return session.body().path("payment_collection");
	}

	Answer complete(String cart) {
		return store("POST", "/store/carts/" + cart + "/complete", null);
	}

	Answer store(String method, String path, String json) {
		return send(method, path, json, Map.of("x-publishable-api-key", key));
	}

	protected Answer send(String method, String path, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = null;
			try {
				json = JSON.readTree(response.body());
			}
			catch (RuntimeException notJson) {
				// left null
			}
			return new Answer(response.statusCode(), json, response.body());
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	// ---------------------------------------------------------------- Stripe's API (WireMock)

	/** A PaymentIntent as Stripe's API reference shows it, with extra fields (JSON members, comma-led) appended. */
	static String intentJson(String id, long amount, String currency, String status, String extra) {
		return """
				{"id": "%s", "object": "payment_intent", "amount": %d, "amount_capturable": %d, "amount_received": %d,
				 "automatic_payment_methods": {"enabled": true}, "capture_method": "manual",
				 "client_secret": "%s_secret_abc123", "confirmation_method": "automatic", "created": 1763900000,
				 "currency": "%s", "livemode": false, "metadata": {}, "next_action": null, "last_payment_error": null,
				 "payment_method": null, "payment_method_types": ["card"], "status": "%s"%s}"""
			.formatted(id, amount, status.equals("requires_capture") ? amount : 0,
					status.equals("succeeded") ? amount : 0, id, currency, status, extra == null ? "" : extra);
	}

	static String error(String type, String code, String message, String declineCode) {
		return """
				{"error": {"type": "%s", "code": "%s", "message": "%s"%s}}"""
			.formatted(type, code, message, declineCode == null ? "" : ", \"decline_code\": \"" + declineCode + "\"");
	}

	void stubCreate(long amount, String currency) {
		STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents"))
			.willReturn(json(200, intentJson(intent, amount, currency, "requires_payment_method", null))));
	}

	void stubRetrieve(String status, long amount, String extra) {
		STRIPE.stubFor(get(urlEqualTo("/v1/payment_intents/" + intent))
			.willReturn(json(200, intentJson(intent, amount, "usd", status, extra))));
	}

	void stub(MappingBuilder mapping) {
		STRIPE.stubFor(mapping);
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
			.withHeader("Request-Id", "req_test").withBody(body);
	}

	// ---------------------------------------------------------------- Stripe's webhooks

	/** An event as Stripe sends it, around {@code object}. */
	static String event(String eventId, String type, String object) {
		return """
				{"id": "%s", "object": "event", "api_version": "2025-09-30.clover", "created": 1763900000,
				 "livemode": false, "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null},
				 "type": "%s", "data": {"object": %s}}""".formatted(eventId, type, object);
	}

	/** POSTs an event signed as Stripe signs it, at {@code timestamp} (seconds). */
	Answer deliver(String payload, long timestamp) {
		return send("POST", "/webhooks/stripe", payload, Map.of("Stripe-Signature", signature(payload, timestamp, SECRET)));
	}

	Answer deliver(String payload) {
		return deliver(payload, System.currentTimeMillis() / 1000);
	}

	static String signature(String payload, long timestamp, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String signed = HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
			return "t=" + timestamp + ",v1=" + signed;
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	/** The inbox's status of the delivery with this event id, or null. */
	String deliveryStatus(String eventId) {
		return jdbc.sql("select status from webhook.delivery where source = 'stripe' and event_id = ?")
			.param(eventId)
			.query(String.class)
			.optional()
			.orElse(null);
	}
}
