package dev.loupe.fulfillment;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.loupe.fulfillment.Shop.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.fulfillment.Shop.Answer;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.order.Orders;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.webhook.WebhookEnvelope;
import dev.loupe.webhook.WebhookRejected;
import dev.loupe.webhook.WebhookRequest;
import dev.loupe.webhook.WebhookSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * EasyPost through its official Java client against WireMock playing EasyPost's API: live rates at checkout for a
 * calculated option allowing USPS only (the cheapest allowed rate, USPS Priority 7.58, not UPS's cheaper 6.20),
 * cached; EasyPost failing or slow leaves the flat-rate option to check out with; a label bought for a fulfilment
 * stores its tracking; tracking webhooks, signed as EasyPost signs them, ship and deliver it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own configuration: closed after the class, so its scheduler does not run other contexts' tasks (one database).
@org.springframework.test.annotation.DirtiesContext
class EasyPostShippingTests {

	static final EasyPostStub EASYPOST = new EasyPostStub();
	static String optionId;

	@DynamicPropertySource
	static void easyPost(DynamicPropertyRegistry registry) {
		registry.add("loupe.easypost.api-key", () -> "EZTK_test_key");
		registry.add("loupe.easypost.api-base", EASYPOST::url);
		registry.add("loupe.easypost.timeout", () -> "5s"); // roomy: a loaded CI machine must not time out the healthy stub
		registry.add("loupe.easypost.webhook-secret", () -> EasyPostStub.WEBHOOK_SECRET);
		registry.add("loupe.warehouse.name", () -> "Loupe Warehouse");
		registry.add("loupe.warehouse.street1", () -> "417 Montgomery Street");
		registry.add("loupe.warehouse.city", () -> "San Francisco");
		registry.add("loupe.warehouse.state", () -> "CA");
		registry.add("loupe.warehouse.zip", () -> "94104");
	}

	@AfterAll
	static void stopEasyPost() {
		EASYPOST.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	Markets markets;

	@Autowired
	MarketSetup marketSetup;

	@Autowired
	CatalogImport catalog;

	@Autowired
	PriceSetup prices;

	@Autowired
	StockSetup stock;

	@Autowired
	SecretApiKeys keys;

	@Autowired
	ShippingSetup shippingSetup;

	@Autowired
	Orders orders;

	@Autowired
	Fulfillments fulfillments;

	@Autowired
	List<WebhookSource> webhookSources;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	ShippingOptions shippingOptions;

	@Autowired
	dev.loupe.cart.Carts carts;

	Shop shop;

	@BeforeEach
	void openShop() {
		shop = new Shop(port, markets, marketSetup, catalog, prices, stock, keys);
		if (optionId == null) {
			optionId = shippingSetup.createOption(new ShippingOptionDraft(shop.us, "Carrier", null, "easypost_easypost",
					"calculated", List.of(), List.of(), List.of(), "Carrier", "Live carrier rates", "carrier",
					Map.of("carriers", List.of("USPS"), "parcel", Map.of("length", 9, "width", 6, "height", 2)), true,
					null));
		}
	}

	@Test
	void checkoutShowsTheCheapestAllowedRateAndAsksEasyPostOnce() {
		String cart = shop.cart(Map.of(shop.lamp, 1), "60601");
		JsonNode carrier = option(shop.shippingOptions(cart), "Carrier");
		assertThat(carrier.path("price_type").asString()).isEqualTo("calculated");
		assertThat(carrier.path("amount").decimalValue()).isEqualByComparingTo("7.58");
		shop.shippingOptions(cart);
		shop.shippingOptions(cart);
		JsonNode order = shop.checkout(cart, "Carrier");
		assertThat(order.path("shipping_methods").get(0).path("amount").decimalValue()).isEqualByComparingTo("7.58");
		EASYPOST.server.verify(1, postRequestedFor(urlEqualTo("/v2/shipments")).withRequestBody(containing("60601")));
		// The parcel: 900 g is 31.8 oz, in the option's 9 × 6 × 2 in box, from the warehouse.
		EASYPOST.server.verify(postRequestedFor(urlEqualTo("/v2/shipments")).withRequestBody(containing("60601"))
			.withRequestBody(containing("31.8")).withRequestBody(containing("94104")));
	}

	@Test
	void whenEasyPostFailsTheCarrierOptionIsNotOfferedAndFlatRateStillChecksOut() {
		String cart = shop.cart(Map.of(shop.lamp, 1), EasyPostStub.FAILING_ZIP);
		JsonNode listed = shop.shippingOptions(cart);
		assertThat(names(listed)).contains("Standard").doesNotContain("Carrier");
		EASYPOST.server.verify(1, postRequestedFor(urlEqualTo("/v2/shipments"))
			.withRequestBody(containing(EasyPostStub.FAILING_ZIP)));
		Answer chosen = shop.store("POST", "/store/carts/" + cart + "/shipping-methods",
				"{\"option_id\": \"" + optionId + "\"}");
		assertThat(chosen.status()).as(chosen.raw()).isEqualTo(400);
		assertThat(chosen.body().path("message").asString()).contains("carrier rates are unavailable");
		// What the storefront's shipping step tells the shopper beside the options that remain.
		String channel = jdbc.sql("select sales_channel_id from cart.cart where id = ?").param(cart).query(String.class)
			.single();
		ShippingChoices choices = shippingOptions
			.choices(carts.shippingContext(new dev.loupe.cart.Shopper(List.of(channel), null, null), cart));
		assertThat(choices.offers()).extracting(ShippingOffer::name).contains("Standard").doesNotContain("Carrier");
		assertThat(choices.temporaryNotices()).singleElement()
			.asString()
			.startsWith("Carrier is not available right now: carrier rates are unavailable right now");
		JsonNode order = shop.checkout(cart, "Standard");
		assertThat(order.path("status").asString()).isEqualTo("pending");
	}

	@Test
	void whenEasyPostIsSlowTheListingDoesNotWaitForIt() {
		String cart = shop.cart(Map.of(shop.lamp, 1), EasyPostStub.SLOW_ZIP);
		long start = System.nanoTime();
		JsonNode listed = shop.shippingOptions(cart);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(names(listed)).contains("Standard").doesNotContain("Carrier");
		assertThat(millis).as("answered after the 5 s timeout, not EasyPost's 20 s").isLessThan(15_000);
		assertThat(shop.checkout(cart, "Standard").path("id").asString()).startsWith("order_");
	}

	@Test
	void aBoughtLabelPutsTheTrackingOnTheFulfilmentAndIsBoughtOnce() {
		JsonNode order = shop.checkout(shop.cart(Map.of(shop.lamp, 1), "60602"), "Carrier");
		String id = order.path("id").asString();
		String f = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", "{\"items\": [{\"id\": \""
				+ order.path("items").get(0).path("id").asString() + "\", \"quantity\": 1}]}"))
			.path("fulfillment").path("id").asString();
		int buysBefore = buys();
		JsonNode labelled = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f + "/labels", "{}"))
			.path("fulfillment");
		String shipment = fulfillments.find(f).orElseThrow().shipmentId();
		assertThat(shipment).startsWith("shp_");
		assertThat(labelled.path("tracking_number").asString()).isEqualTo(EasyPostStub.TRACKING + shipment);
		assertThat(labelled.path("carrier").asString()).isEqualTo("USPS");
		assertThat(labelled.path("service").asString()).isEqualTo("Priority");
		assertThat(labelled.path("label_url").asString()).endsWith("/label.png");
		assertThat(labelled.path("tracking_url").asString()).startsWith("https://track.easypost.com/");
		assertThat(labelled.path("status").asString()).isEqualTo("created");
		// The cheapest rate the option allows (USPS), not UPS's cheaper one.
		EASYPOST.server.verify(postRequestedFor(urlEqualTo("/v2/shipments/" + shipment + "/buy"))
			.withRequestBody(containing("rate_usps_priority")));
		ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f + "/labels", "{}"));
		assertThat(buys() - buysBefore).as("a second request buys nothing").isEqualTo(1);
		// A fulfilment with a label cannot be canceled without voiding it.
		Answer cancel = shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f + "/cancel", null);
		assertThat(cancel.status()).isEqualTo(400);
	}

	@Test
	void aFailedLabelPurchaseIsA502AndTheRetryReusesTheShipment() {
		JsonNode order = shop.checkout(shop.cart(Map.of(shop.shade, 1), "60605"), "Carrier");
		String id = order.path("id").asString();
		String f = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", "{\"items\": [{\"id\": \""
				+ order.path("items").get(0).path("id").asString() + "\", \"quantity\": 1}]}"))
			.path("fulfillment").path("id").asString();
		var down = EASYPOST.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.post(urlPathMatching("/v2/shipments/[^/]+/buy")).atPriority(1)
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": {\"code\": \"INTERNAL_SERVER_ERROR\", \"message\": \"Something went wrong.\", \"errors\": []}}")));
		Answer failed;
		try {
			failed = shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f + "/labels", "{}");
		}
		finally {
			EASYPOST.server.removeStub(down);
		}
		assertThat(failed.status()).as(failed.raw()).isEqualTo(502);
		assertThat(failed.body().path("message").asString()).contains("EasyPost could not buy");
		Fulfillment half = fulfillments.find(f).orElseThrow();
		assertThat(half.hasLabel()).isFalse();
		assertThat(half.shipmentId()).as("the shipment was kept for the retry").startsWith("shp_");

		JsonNode labelled = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f + "/labels", "{}"))
			.path("fulfillment");
		assertThat(labelled.path("tracking_number").asString()).isEqualTo(EasyPostStub.TRACKING + half.shipmentId());
		EASYPOST.server.verify(1, com.github.tomakehurst.wiremock.client.WireMock
			.getRequestedFor(urlEqualTo("/v2/shipments/" + half.shipmentId())));
		// A label on a shipped fulfilment is refused.
		ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f + "/shipments", "{}"));
		String other = shop.checkout(shop.cart(Map.of(shop.shade, 1), "60606"), "Carrier").path("id").asString();
		JsonNode otherOrder = ok(shop.store("GET", "/store/orders/" + other, null)).path("order");
		String g = ok(shop.admin("POST", "/admin/orders/" + other + "/fulfillments", "{\"items\": [{\"id\": \""
				+ otherOrder.path("items").get(0).path("id").asString() + "\", \"quantity\": 1}]}"))
			.path("fulfillment").path("id").asString();
		ok(shop.admin("POST", "/admin/orders/" + other + "/fulfillments/" + g + "/shipments", "{}"));
		Answer late = shop.admin("POST", "/admin/orders/" + other + "/fulfillments/" + g + "/labels", "{}");
		assertThat(late.status()).as(late.raw()).isEqualTo(400);
		assertThat(late.body().path("type").asString()).isEqualTo("not_allowed");
	}

	@Test
	void trackingWebhooksShipAndDeliverTheFulfilmentOnce() {
		JsonNode order = shop.checkout(shop.cart(Map.of(shop.lamp, 1), "60603"), "Carrier");
		String id = order.path("id").asString();
		String f = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", "{\"items\": [{\"id\": \""
				+ order.path("items").get(0).path("id").asString() + "\", \"quantity\": 1}]}"))
			.path("fulfillment").path("id").asString();
		ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f + "/labels", "{}"));
		WebhookSource source = easyPostSource();
		Fulfillment labelled = fulfillments.find(f).orElseThrow();
		String shipment = labelled.shipmentId();
		String code = labelled.tracking().number();

		WebhookEnvelope moving = source.verify(signed(EasyPostStub.trackerEvent("evt_transit_" + f, "in_transit",
				shipment, code)));
		assertThat(moving.type()).isEqualTo("tracker.updated");
		assertThat(moving.objectId()).isEqualTo("trk_1");
		source.process(moving);
		assertThat(fulfillments.find(f).orElseThrow().state()).isEqualTo(FulfillmentState.SHIPPED);
		assertThat(orders.find(id).orElseThrow().fulfillmentStatus()).isEqualTo("shipped");

		WebhookEnvelope arrived = source.verify(signed(EasyPostStub.trackerEvent("evt_delivered_" + f, "delivered",
				shipment, code)));
		source.process(arrived);
		source.process(arrived);
		source.process(moving); // late and out of order: goods only move forward
		Fulfillment delivered = fulfillments.find(f).orElseThrow();
		assertThat(delivered.state()).isEqualTo(FulfillmentState.DELIVERED);
		assertThat(delivered.tracking().number()).isEqualTo(code);
		assertThat(orders.find(id).orElseThrow().fulfillmentStatus()).isEqualTo("delivered");
		assertThat(orders.history(id).stream().filter(c -> c.to().equals("delivered")).count()).isEqualTo(1);
		// The shopper is told once of each: shipped with the tracking link, then delivered.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> emails(f) == 2);
		assertThat(jdbc.sql("select body_text from notification.message where dedup_key = ?")
			.param("shipping-confirmation:" + f).query(String.class).single())
			.contains(code).contains("https://track.easypost.com/");
		assertThat(jdbc.sql("select recipient from notification.message where dedup_key = ?")
			.param("delivery-notification:" + f).query(String.class).single()).isEqualTo("shopper@example.com");
	}

	private int emails(String fulfillmentId) {
		return jdbc.sql("select count(*) from notification.message where dedup_key in (?, ?)")
			.params("shipping-confirmation:" + fulfillmentId, "delivery-notification:" + fulfillmentId)
			.query(Integer.class).single();
	}

	@Test
	void theWebhookInboxTakesEasyPostsDeliveriesOverHttp() {
		JsonNode order = shop.checkout(shop.cart(Map.of(shop.lamp, 1), "60607"), "Carrier");
		String id = order.path("id").asString();
		String f = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", "{\"items\": [{\"id\": \""
				+ order.path("items").get(0).path("id").asString() + "\", \"quantity\": 1}]}"))
			.path("fulfillment").path("id").asString();
		ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f + "/labels", "{}"));
		Fulfillment labelled = fulfillments.find(f).orElseThrow();
		String body = EasyPostStub.trackerEvent("evt_http_" + f, "delivered", labelled.shipmentId(),
				labelled.tracking().number());
		Answer bad = shop.send("POST", "/webhooks/easypost", body, Map.of("X-Hmac-Signature",
				EasyPostStub.sign(body, "not the secret")));
		assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
		for (int i = 0; i < 3; i++) {
			Answer accepted = shop.send("POST", "/webhooks/easypost", body, Map.of("X-Hmac-Signature",
					EasyPostStub.sign(body, EasyPostStub.WEBHOOK_SECRET)));
			assertThat(accepted.status()).as(accepted.raw()).isBetween(200, 299);
		}
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
			.until(() -> fulfillments.find(f).orElseThrow().state() == FulfillmentState.DELIVERED);
		assertThat(orders.find(id).orElseThrow().fulfillmentStatus()).isEqualTo("delivered");
	}

	@Test
	void aWebhookDeliveredBeforeAnyShippingStillEndsDelivered() {
		JsonNode order = shop.checkout(shop.cart(Map.of(shop.shade, 2), "60604"), "Carrier");
		String id = order.path("id").asString();
		String f = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", "{\"items\": [{\"id\": \""
				+ order.path("items").get(0).path("id").asString() + "\", \"quantity\": 2}]}"))
			.path("fulfillment").path("id").asString();
		ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f + "/shipments",
				"{\"tracking_number\": \"TRK-" + f + "\", \"carrier\": \"USPS\"}"));
		String event = EasyPostStub.trackerEvent("evt_manual_" + f, "delivered", "shp_not_ours", "TRK-" + f);
		easyPostSource().process(easyPostSource().verify(signed(event)));
		assertThat(fulfillments.find(f).orElseThrow().state()).as("found by its tracking number")
			.isEqualTo(FulfillmentState.DELIVERED);
	}

	@Test
	void signaturesAreChecked() {
		WebhookSource source = easyPostSource();
		assertThat(source.enabled()).isTrue();
		String body = EasyPostStub.trackerEvent("evt_sig", "in_transit", "shp_sig", "TRK-SIG");
		assertThat(source.verify(signed(body)).eventId()).isEqualTo("evt_sig");
		assertThatThrownBy(() -> source.verify(request(body, EasyPostStub.sign(body, "another secret"))))
			.isInstanceOf(WebhookRejected.class);
		assertThatThrownBy(() -> source.verify(request(body.replace("in_transit", "delivered"),
				EasyPostStub.sign(body, EasyPostStub.WEBHOOK_SECRET))))
			.as("a body changed after signing").isInstanceOf(WebhookRejected.class);
		assertThatThrownBy(() -> source.verify(request(body, null))).isInstanceOf(WebhookRejected.class)
			.hasMessageContaining("X-Hmac-Signature");
		assertThatThrownBy(() -> source.verify(request(body, "sha256=abc"))).isInstanceOf(WebhookRejected.class);
		String notJson = "{not json";
		assertThatThrownBy(() -> source.verify(signed(notJson))).isInstanceOf(WebhookRejected.class);
		String noId = "{\"description\": \"tracker.updated\"}";
		assertThatThrownBy(() -> source.verify(signed(noId))).isInstanceOf(WebhookRejected.class);
		// An event Loupe does not handle is accepted and ignored; one for a parcel of another store changes nothing.
		String other = "{\"id\": \"evt_batch\", \"object\": \"Event\", \"description\": \"batch.updated\", \"result\": {\"id\": \"batch_1\"}}";
		source.process(source.verify(signed(other)));
		String stranger = EasyPostStub.trackerEvent("evt_stranger", "delivered", "shp_stranger", "ZZ0");
		source.process(source.verify(signed(stranger)));
	}

	// ---------------------------------------------------------------- helpers

	private WebhookSource easyPostSource() {
		return webhookSources.stream().filter(s -> s.name().equals("easypost")).findFirst().orElseThrow();
	}

	private static WebhookRequest signed(String body) {
		return request(body, EasyPostStub.sign(body, EasyPostStub.WEBHOOK_SECRET));
	}

	private static WebhookRequest request(String body, String signature) {
		Map<String, String> headers = signature == null ? Map.of("content-type", "application/json")
				: Map.of("content-type", "application/json", "x-hmac-signature", signature);
		return new WebhookRequest(headers, body.getBytes(StandardCharsets.UTF_8), Instant.now());
	}

	private static int buys() {
		return EASYPOST.server.findAll(postRequestedFor(urlPathMatching("/v2/shipments/[^/]+/buy"))).size();
	}

	private static JsonNode option(JsonNode options, String name) {
		for (JsonNode o : options) {
			if (o.path("name").asString().equals(name)) {
				return o;
			}
		}
		throw new AssertionError("No option " + name + " in " + options);
	}

	private static List<String> names(JsonNode options) {
		List<String> names = new java.util.ArrayList<>();
		options.forEach(o -> names.add(o.path("name").asString()));
		return names;
	}
}
