package dev.loupe.storeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.identity.Tokens;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The payment routes of the checkout over real HTTP, against the demo store's regions (whose provider is the manual
 * {@code pp_system_default}) and a lamp of the test's own at 19.99 USD.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StorePaymentApiTests {

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
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	String key;
	String otherKey;
	String us;
	String red;
	StoreCustomers store;

	@BeforeEach
	void setUp() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Payment channel " + run, null);
		String otherChannel = marketSetup.createSalesChannel("Payment other channel " + run, null);
		key = marketSetup.createPublishableKey("Payment key " + run, List.of(channel)).token();
		otherKey = marketSetup.createPublishableKey("Payment other key " + run, List.of(otherChannel)).token();
		ImportedProduct lamp = catalog.importProducts(List.of(new ProductDraft("pay-lamp-" + run, "Pay Lamp " + run,
				"A lamp", "Warm light.", ProductKind.STANDARD, true, null, List.of(), "Ceramic", "AU", BigDecimal.ONE,
				null, "Lamp", List.of("lamp"), null, List.of(), List.of(new ProductDraft.Option("Colour", List.of("Red"))),
				List.of(new ProductDraft.Variant("Red", "SKU-pay-" + run, null, Map.of("Colour", "Red"), false, false,
						null)),
				Map.of())), List.of(channel)).getFirst();
		red = lamp.variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(red, Money.of("19.99", "USD")), PriceDraft.of(red, Money.of("18", "EUR"))));
		us = markets.regions().stream().filter(r -> r.name().equals("United States")).map(Region::id).findFirst()
			.orElseThrow();
		store = new StoreCustomers(port, key, tokens, jdbc);
	}

	private Answer call(String method, String path, String token, String json) {
		return StoreApiTestSupport.send(port, method, path, key, token, json);
	}

	private static JsonNode ok(Answer answer, String field) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		return answer.body().path(field);
	}

	private static void refused(Answer answer, int status, String type, String... inMessage) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
		assertThat(answer.type()).as(answer.raw()).isEqualTo(type);
		if (inMessage.length > 0) {
			assertThat(answer.message()).contains(inMessage);
		}
	}

	/** A cart in the US with {@code quantity} lamps, of the logged-in customer when a token is given. */
	private String cart(String token, int quantity) {
		String id = ok(call("POST", "/store/carts", token, "{\"region_id\": \"" + us + "\"}"), "cart").path("id").asString();
		ok(call("POST", "/store/carts/" + id + "/line-items", token,
				"{\"variant_id\": \"" + red + "\", \"quantity\": " + quantity + "}"), "cart");
		return id;
	}

	private JsonNode collection(String cartId, String token) {
		return ok(call("POST", "/store/payment-collections", token, "{\"cart_id\": \"" + cartId + "\"}"),
				"payment_collection");
	}

	private Answer session(String collectionId, String token, String json) {
		return call("POST", "/store/payment-collections/" + collectionId + "/payment-sessions", token, json);
	}

	// ---------------------------------------------------------------- providers

	@Test
	void theProvidersOfARegionAreTheOnesThisStoreHas() {
		JsonNode body = ok(call("GET", "/store/payment-providers?region_id=" + us, null, null), "payment_providers");
		assertThat(body).singleElement().satisfies(p -> {
			assertThat(p.path("id").asString()).isEqualTo("pp_system_default");
			assertThat(p.path("is_enabled").asBoolean()).isTrue();
		});
		Answer answer = call("GET", "/store/payment-providers?region_id=" + us + "&limit=5", null, null);
		assertThat(answer.body().path("count").asInt()).isEqualTo(1);
		assertThat(answer.body().path("limit").asInt()).isEqualTo(5);
		assertThat(answer.body().path("offset").asInt()).isZero();

		String region = marketSetup.createRegion(new dev.loupe.market.RegionDraft("Payments " + Ids.next("t"), "usd",
				false, List.of(), List.of("pp_system_default", "pp_unconfigured")));
		assertThat(ok(call("GET", "/store/payment-providers?region_id=" + region, null, null), "payment_providers"))
			.as("a provider without a bean is not offered")
			.extracting(p -> p.path("id").asString())
			.containsExactly("pp_system_default");
		assertThat(ok(call("GET", "/store/payment-providers?region_id=reg_01JD00000000000000000000ZZ", null, null),
				"payment_providers")).isEmpty();
		refused(call("GET", "/store/payment-providers", null, null), 400, "invalid_data", "region_id");
	}

	// ---------------------------------------------------------------- collections

	@Test
	void aGuestGetsOneCollectionForItsCartWithTheCartsTotal() {
		String cart = cart(null, 2);
		JsonNode collection = collection(cart, null);
		String id = collection.path("id").asString();
		assertThat(Ids.hasPrefix(id, "pay_col")).isTrue();
		assertThat(collection.path("currency_code").asString()).isEqualTo("usd");
		assertThat(collection.path("amount").decimalValue()).isEqualByComparingTo("39.98");
		assertThat(collection.path("amount").isNumber()).isTrue();
		assertThat(collection.path("authorized_amount").decimalValue()).isEqualByComparingTo("0");
		assertThat(collection.path("status").asString()).isEqualTo("not_paid");
		assertThat(collection.path("payment_sessions")).isEmpty();
		assertThat(collection.path("payment_providers")).extracting(p -> p.path("id").asString())
			.containsExactly("pp_system_default");
		assertThat(collection(cart, null).path("id").asString()).as("Medusa answers the cart's collection").isEqualTo(id);
	}

	@Test
	void aSessionWithTheRegionsProviderReplacesTheOtherAndFollowsTheCartTotal() {
		String cart = cart(null, 1);
		String id = collection(cart, null).path("id").asString();
		JsonNode first = ok(session(id, null, "{\"provider_id\": \"pp_system_default\"}"), "payment_collection");
		assertThat(first.path("status").asString()).isEqualTo("awaiting");
		JsonNode firstSession = first.path("payment_sessions").get(0);
		assertThat(Ids.hasPrefix(firstSession.path("id").asString(), "payses")).isTrue();
		assertThat(firstSession.path("status").asString()).isEqualTo("pending");
		assertThat(firstSession.path("provider_id").asString()).isEqualTo("pp_system_default");
		assertThat(firstSession.path("amount").decimalValue()).isEqualByComparingTo("19.99");
		assertThat(firstSession.path("currency_code").asString()).isEqualTo("usd");

		ok(call("POST", "/store/carts/" + cart + "/line-items", null, "{\"variant_id\": \"" + red + "\", \"quantity\": 1}"),
				"cart");
		JsonNode second = ok(session(id, null, "{\"provider_id\": \"pp_system_default\", \"data\": {\"note\": \"x\"}}"),
				"payment_collection");
		assertThat(second.path("payment_sessions")).singleElement().satisfies(s -> {
			assertThat(s.path("id").asString()).isNotEqualTo(firstSession.path("id").asString());
			assertThat(s.path("amount").decimalValue()).isEqualByComparingTo("39.98");
			assertThat(s.path("data").path("note").asString()).isEqualTo("x");
		});
		assertThat(second.path("amount").decimalValue()).isEqualByComparingTo("39.98");
	}

	@Test
	void badBodiesAreRefusedNamingTheField() {
		refused(call("POST", "/store/payment-collections", null, "{}"), 400, "invalid_data", "cart_id");
		refused(call("POST", "/store/payment-collections", null, "{\"cart_id\": \"\"}"), 400, "invalid_data", "cart_id");
		refused(call("POST", "/store/payment-collections", null, "{\"cart_id\": 12}"), 400, "invalid_data", "cart_id");
		refused(call("POST", "/store/payment-collections", null, "{\"cart_id\": \"cart_\\u0000x\"}"), 400, "invalid_data",
				"cart_id", "NUL");
		refused(call("POST", "/store/payment-collections", null, "{\"cart_id\": \"x\", \"amount\": 1}"), 400,
				"invalid_data", "amount");
		String id = collection(cart(null, 1), null).path("id").asString();
		refused(session(id, null, "{}"), 400, "invalid_data", "provider_id");
		refused(session(id, null, "{\"provider_id\": \"pp_nope\"}"), 400, "invalid_data", "provider_id", "pp_nope");
		refused(session(id, null, "{\"provider_id\": \"pp_test_flaky\"}"), 400, "invalid_data", "provider_id",
				"not a payment provider of region");
		refused(session(id, null, "{\"provider_id\": \"pp_system_default\", \"data\": [1]}"), 400, "invalid_data", "data");
		refused(session(id, null, "{\"provider_id\": \"pp_system_default\", \"data\": {\"a\": \"\\u0000\"}}"), 400,
				"invalid_data", "data", "NUL");
		refused(session(id, null, "{\"provider_id\": \"pp_sys\\u0000\"}"), 400, "invalid_data", "provider_id");
	}

	@Test
	void cartsAndCollectionsTheCallerMayNotSeeAreNotFound() {
		StoreCustomers.Shopper ada = store.register("ada");
		StoreCustomers.Shopper bob = store.register("bob");
		String adasCart = cart(ada.token(), 1);
		String adasCollection = collection(adasCart, ada.token()).path("id").asString();

		refused(call("POST", "/store/payment-collections", bob.token(), "{\"cart_id\": \"" + adasCart + "\"}"), 404,
				"not_found");
		refused(call("POST", "/store/payment-collections", null, "{\"cart_id\": \"" + adasCart + "\"}"), 404, "not_found");
		refused(call("POST", "/store/payment-collections", null, "{\"cart_id\": \"" + Ids.next("cart") + "\"}"), 404,
				"not_found");
		refused(session(adasCollection, bob.token(), "{\"provider_id\": \"pp_system_default\"}"), 404, "not_found",
				adasCollection);
		Answer otherChannel = StoreApiTestSupport.send(port, "POST",
				"/store/payment-collections/" + adasCollection + "/payment-sessions", otherKey, ada.token(),
				"{\"provider_id\": \"pp_system_default\"}");
		refused(otherChannel, 404, "not_found");
		refused(session(Ids.next("pay_col"), null, "{\"provider_id\": \"pp_system_default\"}"), 404, "not_found");
		refused(session("nonsense", null, "{\"provider_id\": \"pp_system_default\"}"), 404, "not_found");
		assertThat(jdbc.sql("select count(*) from payment.payment_session where payment_collection_id = ?")
			.param(adasCollection).query(Integer.class).single()).as("no refused call left a session").isZero();

		ok(session(adasCollection, ada.token(), "{\"provider_id\": \"pp_system_default\"}"), "payment_collection");
	}

	@Test
	void aCompletedCartTakesNoPaymentCollectionNorSession() {
		String cart = cart(null, 1);
		String id = collection(cart, null).path("id").asString();
		jdbc.sql("update cart.cart set completed_at = now() where id = ?").param(cart).update();
		refused(call("POST", "/store/payment-collections", null, "{\"cart_id\": \"" + cart + "\"}"), 400, "not_allowed",
				"completed");
		refused(session(id, null, "{\"provider_id\": \"pp_system_default\"}"), 400, "not_allowed", "completed");
	}
}
