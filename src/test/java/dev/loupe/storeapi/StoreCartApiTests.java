package dev.loupe.storeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.identity.Tokens;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import dev.loupe.storeapi.StoreCustomers.Shopper;
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
 * Carts over real HTTP against the demo store's regions and tax rates (US 7.25 % on top of prices, Europe with
 * VAT-inclusive prices, 19 % in Germany), with a catalogue of the test's own: a lamp in Red (19.99 USD, 11.90 EUR,
 * 50 in stock) and Blue (5.00 USD, 9.99 EUR, 3 in stock), a draft product and a product of another sales channel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreCartApiTests {

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
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	String key;
	String otherKey;
	String us;
	String eu;
	String red;
	String blue;
	String draftVariant;
	String otherChannelVariant;
	StoreCustomers store;

	@BeforeEach
	void setUp() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Cart channel " + run, null);
		String otherChannel = marketSetup.createSalesChannel("Cart other channel " + run, null);
		key = marketSetup.createPublishableKey("Cart key " + run, List.of(channel)).token();
		otherKey = marketSetup.createPublishableKey("Cart other key " + run, List.of(otherChannel)).token();
		ImportedProduct lamp = catalog.importProducts(List.of(product("cart-lamp-" + run, true)), List.of(channel)).getFirst();
		ImportedProduct draft = catalog.importProducts(List.of(product("cart-draft-" + run, false)), List.of(channel)).getFirst();
		ImportedProduct other = catalog.importProducts(List.of(product("cart-other-" + run, true)), List.of(otherChannel))
			.getFirst();
		red = lamp.variantIds().get(0);
		blue = lamp.variantIds().get(1);
		draftVariant = draft.variantIds().getFirst();
		otherChannelVariant = other.variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(red, Money.of("19.99", "USD")), PriceDraft.of(red, Money.of("11.90", "EUR")),
				PriceDraft.of(blue, Money.of("5.00", "USD")), PriceDraft.of(blue, Money.of("9.99", "EUR")),
				PriceDraft.of(draftVariant, Money.of("1", "USD")), PriceDraft.of(otherChannelVariant, Money.of("1", "USD"))));
		String location = stock.createLocation("Cart warehouse " + run, null);
		stock.setStock(List.of(new StockSetup.Stock(red, location, 50), new StockSetup.Stock(blue, location, 3),
				new StockSetup.Stock(otherChannelVariant, location, 50), new StockSetup.Stock(draftVariant, location, 50)));
		us = region("United States");
		eu = region("Europe");
		store = new StoreCustomers(port, key, tokens, jdbc);
	}

	private String region(String name) {
		return markets.regions().stream().filter(r -> r.name().equals(name)).map(Region::id).findFirst().orElseThrow();
	}

	private static ProductDraft product(String handle, boolean published) {
		return new ProductDraft(handle, "Cart Lamp " + handle, "A lamp", "Warm light.", ProductKind.STANDARD, published,
				null, List.of(), "Ceramic", "AU", BigDecimal.ONE, null, "Lamp", List.of("lamp"), null, List.of(),
				List.of(new ProductDraft.Option("Colour", List.of("Red", "Blue"))),
				List.of(new ProductDraft.Variant("Red", "SKU-" + handle + "-R", null, Map.of("Colour", "Red"), true, false, null),
						new ProductDraft.Variant("Blue", "SKU-" + handle + "-B", null, Map.of("Colour", "Blue"), true, false, null)),
				Map.of());
	}

	private Answer call(String method, String path, String token, String json) {
		return StoreApiTestSupport.send(port, method, path, key, token, json);
	}

	private JsonNode ok(Answer answer) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		return answer.body().path("cart");
	}

	private String newCart(String regionId, String token) {
		return ok(call("POST", "/store/carts", token, "{\"region_id\": \"" + regionId + "\"}")).path("id").asString();
	}

	private static BigDecimal money(JsonNode node, String field) {
		assertThat(node.path(field).isNumber()).as(field + " is a number in " + node).isTrue();
		return node.path(field).decimalValue();
	}

	private static void assertAmount(JsonNode node, String field, String expected) {
		assertThat(money(node, field)).as(field).isEqualByComparingTo(expected);
	}

	private static JsonNode line(JsonNode cart, String variantId) {
		for (JsonNode item : cart.path("items")) {
			if (item.path("variant_id").asString().equals(variantId)) {
				return item;
			}
		}
		throw new AssertionError("no line for " + variantId + " in " + cart);
	}

	// ---------------------------------------------------------------- happy paths

	@Test
	void aGuestFillsAUsCartAndPaysUsSalesTaxOnTopOnceTheAddressIsKnown() {
		Answer created = call("POST", "/store/carts", null, "{\"region_id\": \"" + us + "\", \"email\": \"Guest@Example.com\"}");
		JsonNode cart = ok(created);
		assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		String id = cart.path("id").asString();
		assertThat(Ids.hasPrefix(id, "cart")).isTrue();
		assertThat(cart.path("currency_code").asString()).isEqualTo("usd");
		assertThat(cart.path("region_id").asString()).isEqualTo(us);
		assertThat(cart.path("region").path("id").asString()).isEqualTo(us);
		assertThat(cart.path("email").asString()).isEqualTo("guest@example.com");
		assertThat(cart.path("customer_id").isNull()).isTrue();
		assertThat(cart.path("items")).isEmpty();
		assertThat(cart.path("shipping_methods")).isEmpty();
		assertThat(cart.path("promotions")).isEmpty();
		assertAmount(cart, "total", "0");

		ok(call("POST", "/store/carts/" + id + "/line-items", null, "{\"variant_id\": \"" + red + "\", \"quantity\": 1}"));
		ok(call("POST", "/store/carts/" + id + "/line-items", null, "{\"variant_id\": \"" + blue + "\", \"quantity\": 1}"));
		cart = ok(call("POST", "/store/carts/" + id + "/line-items", null, "{\"variant_id\": \"" + red + "\", \"quantity\": 1}"));
		assertThat(cart.path("items")).as("the same variant merges into one line").hasSize(2);
		JsonNode redLine = line(cart, red);
		assertThat(Ids.hasPrefix(redLine.path("id").asString(), "cali")).isTrue();
		assertThat(redLine.path("quantity").asInt()).isEqualTo(2);
		assertAmount(redLine, "unit_price", "19.99");
		assertThat(redLine.path("variant_title").asString()).isEqualTo("Red");
		assertThat(redLine.path("product_title").asString()).startsWith("Cart Lamp");
		assertThat(redLine.path("requires_shipping").asBoolean()).isTrue();
		assertThat(redLine.path("is_tax_inclusive").asBoolean()).isFalse();
		// No address yet: no tax (as Medusa computes none until it knows where the goods go).
		assertThat(redLine.path("tax_lines")).isEmpty();
		assertAmount(cart, "item_subtotal", "44.98");
		assertAmount(cart, "tax_total", "0");
		assertAmount(cart, "total", "44.98");

		cart = ok(call("POST", "/store/carts/" + id, null, """
				{"shipping_address": {"first_name": "Grace", "last_name": "Hopper", "address_1": "1 Navy Way",
				  "city": "Arlington", "country_code": "US", "province": "va", "postal_code": "22202"},
				 "billing_address": {"first_name": "Grace", "country_code": "us", "city": "Arlington"}}"""));
		assertThat(cart.path("shipping_address").path("city").asString()).isEqualTo("Arlington");
		assertThat(cart.path("shipping_address").path("country_code").asString()).isEqualTo("us");
		assertThat(cart.path("billing_address").path("first_name").asString()).isEqualTo("Grace");
		redLine = line(cart, red);
		// 2 × 19.99 = 39.98, 7.25 % = 2.89855 → 2.90; 5.00 × 7.25 % = 0.3625 → 0.36.
		assertThat(redLine.path("tax_lines")).singleElement().satisfies(t -> {
			assertAmount(t, "rate", "7.25");
			assertThat(t.path("code").asString()).isEqualTo("US-SALES");
			assertAmount(t, "total", "2.90");
		});
		assertAmount(redLine, "subtotal", "39.98");
		assertAmount(redLine, "tax_total", "2.90");
		assertAmount(redLine, "total", "42.88");
		assertAmount(redLine, "original_total", "42.88");
		assertAmount(redLine, "discount_total", "0");
		assertAmount(line(cart, blue), "tax_total", "0.36");
		assertAmount(cart, "item_subtotal", "44.98");
		assertAmount(cart, "item_tax_total", "3.26");
		assertAmount(cart, "item_total", "48.24");
		assertAmount(cart, "subtotal", "44.98");
		assertAmount(cart, "tax_total", "3.26");
		assertAmount(cart, "total", "48.24");
		assertAmount(cart, "original_total", "48.24");
		assertAmount(cart, "shipping_total", "0");
		assertAmount(cart, "discount_total", "0");

		String blueLine = line(cart, blue).path("id").asString();
		cart = ok(call("POST", "/store/carts/" + id + "/line-items/" + blueLine, null, "{\"quantity\": 3}"));
		assertThat(line(cart, blue).path("quantity").asInt()).isEqualTo(3);
		assertAmount(cart, "item_subtotal", "54.98");

		Answer deleted = call("DELETE", "/store/carts/" + id + "/line-items/" + blueLine, null, null);
		assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
		assertThat(deleted.body().path("id").asString()).isEqualTo(blueLine);
		assertThat(deleted.body().path("object").asString()).isEqualTo("line-item");
		assertThat(deleted.body().path("deleted").asBoolean()).isTrue();
		assertThat(deleted.body().path("parent").path("items")).hasSize(1);
		assertAmount(deleted.body().path("parent"), "total", "42.88");

		cart = ok(call("POST", "/store/carts/" + id + "/line-items/" + redLine.path("id").asString(), null, "{\"quantity\": 0}"));
		assertThat(cart.path("items")).as("quantity 0 removes the line").isEmpty();

		JsonNode read = ok(call("GET", "/store/carts/" + id, null, null));
		assertThat(read.path("shipping_address").path("postal_code").asString()).isEqualTo("22202");
		String sealed = jdbc.sql("select shipping_address from cart.cart where id = ?").param(id).query(String.class).single();
		assertThat(sealed).startsWith("v1:").doesNotContain("Arlington").doesNotContain("Hopper");
	}

	@Test
	void aEuropeanCartHoldsGermanVatInItsPricesAndChangingRegionRepricesIt() {
		JsonNode cart = ok(call("POST", "/store/carts", null, """
				{"region_id": "%s", "shipping_address": {"first_name": "Ada", "city": "Berlin", "country_code": "de"},
				 "items": [{"variant_id": "%s", "quantity": 2}, {"variant_id": "%s", "quantity": 1}]}"""
			.formatted(eu, red, blue)));
		String id = cart.path("id").asString();
		assertThat(cart.path("currency_code").asString()).isEqualTo("eur");
		JsonNode redLine = line(cart, red);
		assertThat(redLine.path("is_tax_inclusive").asBoolean()).isTrue();
		assertAmount(redLine, "unit_price", "11.90");
		// 23.80 including 19 % holds 3.80 of VAT; 9.99 holds 1.595… → 1.60.
		assertAmount(redLine, "tax_total", "3.80");
		assertAmount(redLine, "subtotal", "20.00");
		assertAmount(redLine, "total", "23.80");
		assertThat(redLine.path("tax_lines")).singleElement().satisfies(t -> {
			assertAmount(t, "rate", "19");
			assertThat(t.path("code").asString()).isEqualTo("VAT-DE");
		});
		assertAmount(line(cart, blue), "tax_total", "1.60");
		assertAmount(line(cart, blue), "subtotal", "8.39");
		assertAmount(cart, "item_subtotal", "28.39");
		assertAmount(cart, "tax_total", "5.40");
		assertAmount(cart, "total", "33.79");

		cart = ok(call("POST", "/store/carts/" + id, null, "{\"region_id\": \"" + us + "\"}"));
		assertThat(cart.path("currency_code").asString()).isEqualTo("usd");
		assertAmount(line(cart, red), "unit_price", "19.99");
		assertThat(line(cart, red).path("is_tax_inclusive").asBoolean()).isFalse();
		assertThat(cart.path("shipping_address").isNull()).as("a German address is not in the US region").isTrue();
		assertAmount(cart, "total", "44.98");
	}

	// ---------------------------------------------------------------- refusals

	@Test
	void badInputIsRefusedNamingTheProblem() {
		assertRefused(call("POST", "/store/carts", null, "{}"), 400, "invalid_data", "region_id");
		assertRefused(call("POST", "/store/carts", null, "{\"region_id\": \"reg_nope\"}"), 400, "invalid_data", "region_id");
		assertRefused(call("POST", "/store/carts", null, "{\"region_id\": \"" + us + "\", \"currency\": \"usd\"}"), 400,
				"invalid_data", "currency");
		assertRefused(call("POST", "/store/carts", null, "{\"region_id\": \"" + us + "\", \"email\": \"not-an-email\"}"), 400,
				"invalid_data", "email");
		String id = newCart(us, null);
		String lines = "/store/carts/" + id + "/line-items";
		for (String quantity : List.of("0", "-1", "1.5", "\"2\"", "10001", "null")) {
			assertRefused(call("POST", lines, null, "{\"variant_id\": \"" + red + "\", \"quantity\": " + quantity + "}"), 400,
					"invalid_data", "quantity");
		}
		assertRefused(call("POST", lines, null, "{\"variant_id\": \"variant_nope\", \"quantity\": 1}"), 400, "invalid_data",
				"variant_nope");
		assertRefused(call("POST", lines, null, "{\"variant_id\": \"" + draftVariant + "\", \"quantity\": 1}"), 400,
				"invalid_data", draftVariant);
		assertRefused(call("POST", lines, null, "{\"variant_id\": \"" + otherChannelVariant + "\", \"quantity\": 1}"), 400,
				"invalid_data", otherChannelVariant);
		assertRefused(call("POST", lines, null, "{\"quantity\": 1}"), 400, "invalid_data", "variant_id");
		assertRefused(call("POST", "/store/carts/" + id, null, "{\"shipping_address\": {\"country_code\": \"fr\"}}"), 400,
				"invalid_data", "shipping_address.country_code");
		assertRefused(call("POST", "/store/carts/" + id, null, "{\"billing_address\": {\"country_code\": \"de\"}}"), 400,
				"invalid_data", "billing_address.country_code");
		assertRefused(call("POST", "/store/carts/" + id, null, "{\"shipping_address\": {\"street\": \"x\"}}"), 400,
				"invalid_data", "shipping_address.street");
		assertRefused(call("POST", lines + "/cali_nope", null, "{\"quantity\": 1}"), 404, "not_found", "cali_nope");
		assertRefused(call("DELETE", lines + "/cali_nope", null, null), 404, "not_found", "cali_nope");
		assertRefused(call("GET", "/store/carts/cart_nope", null, null), 404, "not_found", "cart_nope");

		ok(call("POST", lines, null, "{\"variant_id\": \"" + red + "\", \"quantity\": 40}"));
		jdbc.sql("update cart.cart set completed_at = now() where id = ?").param(id).update();
		assertRefused(call("POST", lines, null, "{\"variant_id\": \"" + red + "\", \"quantity\": 1}"), 400, "not_allowed",
				"completed");
		assertRefused(call("POST", "/store/carts/" + id, null, "{\"email\": \"a@example.com\"}"), 400, "not_allowed",
				"completed");
		assertThat(call("GET", "/store/carts/" + id, null, null).status()).as("a completed cart is still readable")
			.isEqualTo(200);
	}

	@Test
	void aQuantityBeyondTheStockIsNotAllowedNamingTheVariant() {
		String id = newCart(us, null);
		String lines = "/store/carts/" + id + "/line-items";
		JsonNode cart = ok(call("POST", lines, null, "{\"variant_id\": \"" + blue + "\", \"quantity\": 2}"));
		String blueLine = line(cart, blue).path("id").asString();
		assertRefused(call("POST", lines, null, "{\"variant_id\": \"" + blue + "\", \"quantity\": 2}"), 400, "not_allowed",
				"Variant " + blue + " does not have the required inventory");
		assertRefused(call("POST", lines + "/" + blueLine, null, "{\"quantity\": 4}"), 400, "not_allowed", blue);
		cart = ok(call("POST", lines, null, "{\"variant_id\": \"" + blue + "\", \"quantity\": 1}"));
		assertThat(line(cart, blue).path("quantity").asInt()).as("all 3 in stock").isEqualTo(3);
	}

	// ---------------------------------------------------------------- ownership

	@Test
	void aCustomersCartIsTheirsAloneAndOthersAreToldItDoesNotExist() {
		Shopper ada = store.register("Ada");
		Shopper bob = store.register("Bob");
		JsonNode cart = ok(call("POST", "/store/carts", ada.token(), "{\"region_id\": \"" + us + "\"}"));
		String id = cart.path("id").asString();
		assertThat(cart.path("customer_id").asString()).isEqualTo(ada.id());
		assertThat(cart.path("email").asString()).isEqualTo(ada.email().toLowerCase(Locale.ROOT));

		for (String token : java.util.Arrays.asList(null, bob.token())) {
			assertRefused(call("GET", "/store/carts/" + id, token, null), 404, "not_found", id);
			assertRefused(call("POST", "/store/carts/" + id, token, "{\"email\": \"x@example.com\"}"), 404, "not_found", id);
			assertRefused(call("POST", "/store/carts/" + id + "/line-items", token,
					"{\"variant_id\": \"" + red + "\", \"quantity\": 1}"), 404, "not_found", id);
		}
		assertRefused(call("POST", "/store/carts/" + id + "/customer", bob.token(), null), 404, "not_found", id);
		ok(call("POST", "/store/carts/" + id + "/line-items", ada.token(), "{\"variant_id\": \"" + red + "\", \"quantity\": 1}"));
		assertThat(ok(call("GET", "/store/carts/" + id, ada.token(), null)).path("items")).hasSize(1);

		String guestCart = newCart(us, null);
		Answer otherChannel = StoreApiTestSupport.send(port, "GET", "/store/carts/" + guestCart, otherKey, null, null);
		assertRefused(otherChannel, 404, "not_found", guestCart);
	}

	@Test
	void aLoggedInCustomerTakesOverAGuestCart() {
		Shopper ada = store.register("Ada");
		Shopper bob = store.register("Bob");
		String id = newCart(us, null);
		ok(call("POST", "/store/carts/" + id + "/line-items", null, "{\"variant_id\": \"" + red + "\", \"quantity\": 1}"));
		assertRefused(call("POST", "/store/carts/" + id + "/customer", null, null), 401, "unauthorized", "Unauthorized");

		JsonNode cart = ok(call("POST", "/store/carts/" + id + "/customer", ada.token(), null));
		assertThat(cart.path("customer_id").asString()).isEqualTo(ada.id());
		assertThat(cart.path("email").asString()).isEqualTo(ada.email().toLowerCase(Locale.ROOT));
		assertThat(cart.path("items")).hasSize(1);
		ok(call("POST", "/store/carts/" + id + "/customer", ada.token(), null));

		assertRefused(call("GET", "/store/carts/" + id, null, null), 404, "not_found", id);
		assertRefused(call("POST", "/store/carts/" + id + "/customer", bob.token(), null), 404, "not_found", id);
	}

	private static void assertRefused(Answer answer, int status, String type, String mentioned) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
		assertThat(answer.type()).as(answer.raw()).isEqualTo(type);
		assertThat(answer.message()).as(answer.raw()).contains(mentioned);
	}
}
