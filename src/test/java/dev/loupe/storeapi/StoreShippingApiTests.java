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
import dev.loupe.storeapi.StoreCustomers.Shopper;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * Shipping options over real HTTP for carts in the demo store's regions, with the demo's options: United States
 * "Standard" 5.00 (free from 75.00), "Express" 15.00 and "Freight by weight" (6.00 to 500 g, 9.50 to 2 kg, 19.00 to
 * 10 kg); Europe "Standard" 4.90 (free from 60.00, VAT included) and "Express" 12.90. The test's own catalogue: a lamp
 * of 400 g at 19.99 USD / 11.90 EUR, and a download.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreShippingApiTests {

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
	String eu;
	String lamp;
	String download;
	StoreCustomers store;

	@BeforeEach
	void setUp() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Shipping channel " + run, null);
		String otherChannel = marketSetup.createSalesChannel("Shipping other channel " + run, null);
		key = marketSetup.createPublishableKey("Shipping key " + run, List.of(channel)).token();
		otherKey = marketSetup.createPublishableKey("Shipping other key " + run, List.of(otherChannel)).token();
		List<ImportedProduct> imported = catalog.importProducts(List.of(
				product("ship-lamp-" + run, ProductKind.STANDARD, new BigDecimal("400")),
				product("ship-download-" + run, ProductKind.DIGITAL, null)), List.of(channel));
		lamp = imported.get(0).variantIds().getFirst();
		download = imported.get(1).variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(lamp, Money.of("19.99", "USD")), PriceDraft.of(lamp, Money.of("11.90", "EUR")),
				PriceDraft.of(download, Money.of("9", "USD")), PriceDraft.of(download, Money.of("9", "EUR"))));
		us = region("United States");
		eu = region("Europe");
		store = new StoreCustomers(port, key, tokens, jdbc);
	}

	private String region(String name) {
		return markets.regions().stream().filter(r -> r.name().equals(name)).map(Region::id).findFirst().orElseThrow();
	}

	private static ProductDraft product(String handle, ProductKind kind, BigDecimal weight) {
		return new ProductDraft(handle, "Shipping " + handle, null, "For shipping tests.", kind, true, null, List.of(),
				null, null, weight, null, null, List.of(), null, List.of(), List.of(new ProductDraft.Option("Size", List.of("One"))),
				List.of(new ProductDraft.Variant("One", "SKU-" + handle, null, Map.of("Size", "One"), false, false, null)),
				Map.of());
	}

	private Answer call(String method, String path, String token, String json) {
		return StoreApiTestSupport.send(port, method, path, key, token, json);
	}

	private String cart(String regionId, String token, String variantId, int quantity) {
		Answer created = call("POST", "/store/carts", token, "{\"region_id\": \"" + regionId + "\", \"items\": [{\"variant_id\": \""
				+ variantId + "\", \"quantity\": " + quantity + "}]}");
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		return created.body().path("cart").path("id").asString();
	}

	private void setQuantity(String cartId, int quantity) {
		String lineId = call("GET", "/store/carts/" + cartId, null, null).body().path("cart").path("items").get(0)
			.path("id").asString();
		Answer answer = call("POST", "/store/carts/" + cartId + "/line-items/" + lineId, null,
				"{\"quantity\": " + quantity + "}");
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
	}

	private JsonNode options(String cartId, String token) {
		Answer answer = call("GET", "/store/shipping-options?cart_id=" + cartId, token, null);
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		assertThat(answer.headers().firstValue("cache-control").orElse("")).contains("no-store");
		return answer.body().path("shipping_options");
	}

	private static List<String> names(JsonNode options) {
		List<String> names = new ArrayList<>();
		options.forEach(o -> names.add(o.path("name").asString()));
		return names;
	}

	private static JsonNode named(JsonNode options, String name) {
		for (JsonNode o : options) {
			if (o.path("name").asString().equals(name)) {
				return o;
			}
		}
		throw new AssertionError("No option " + name + " in " + options);
	}

	private static void assertAmount(JsonNode node, String field, String expected) {
		assertThat(node.path(field).isNumber()).as(field + " is a number in " + node).isTrue();
		assertThat(node.path(field).decimalValue()).as(field).isEqualByComparingTo(expected);
	}

	private static void assertRefused(Answer answer, int status, String type, String mentioned) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
		assertThat(answer.contentType()).as(answer.raw()).startsWith("application/json");
		assertThat(answer.type()).as(answer.raw()).isEqualTo(type);
		assertThat(answer.message()).as(answer.raw()).contains(mentioned);
	}

	@Test
	void aCartWithoutAddressIsOfferedItsRegionsOptionsInMedusasShape() {
		String cartId = cart(us, null, lamp, 1);
		JsonNode options = options(cartId, null);
		assertThat(names(options)).containsExactly("Standard", "Express", "Freight by weight");

		JsonNode standard = named(options, "Standard");
		assertThat(standard.path("id").asString()).startsWith("so_");
		assertThat(standard.path("price_type").asString()).isEqualTo("flat");
		assertThat(standard.path("service_zone_id").asString()).isEqualTo(us);
		assertThat(standard.path("shipping_profile_id").asString()).startsWith("sp_");
		assertThat(standard.path("provider_id").asString()).isEqualTo("manual_manual");
		assertThat(standard.path("provider").path("id").asString()).isEqualTo("manual_manual");
		assertThat(standard.path("provider").path("is_enabled").asBoolean()).isTrue();
		assertThat(standard.path("type").path("code").asString()).isEqualTo("standard");
		assertThat(standard.path("type").path("label").asString()).isEqualTo("Standard");
		assertThat(standard.path("type").path("id").asString()).startsWith("sotype_");
		assertAmount(standard, "amount", "5.00");
		assertThat(standard.path("is_tax_inclusive").asBoolean()).isFalse();
		JsonNode calculated = standard.path("calculated_price");
		assertAmount(calculated, "calculated_amount", "5.00");
		assertAmount(calculated, "original_amount", "5.00");
		assertThat(calculated.path("currency_code").asString()).isEqualTo("usd");
		assertThat(calculated.path("is_calculated_price_tax_inclusive").asBoolean()).isFalse();
		assertThat(standard.path("prices")).singleElement().satisfies(p -> {
			assertAmount(p, "amount", "5.00");
			assertThat(p.path("currency_code").asString()).isEqualTo("usd");
		});
		assertThat(standard.path("insufficient_inventory").asBoolean()).isFalse();
		assertThat(standard.has("data")).isTrue();

		assertAmount(named(options, "Express"), "amount", "15.00");
		JsonNode freight = named(options, "Freight by weight");
		assertThat(freight.path("price_type").asString()).isEqualTo("calculated");
		assertThat(freight.path("provider_id").asString()).isEqualTo("table-rate_table-rate");
		assertAmount(freight, "amount", "6.00");
		assertThat(freight.path("prices")).isEmpty();
	}

	@Test
	void freeShippingAndWeightRatesFollowTheCart() {
		String cartId = cart(us, null, lamp, 3);
		JsonNode options = options(cartId, null);
		// 3 × 19.99 = 59.97 is under 75; 1,200 g is in the 2 kg bracket.
		assertAmount(named(options, "Standard"), "amount", "5.00");
		assertAmount(named(options, "Freight by weight"), "amount", "9.50");

		setQuantity(cartId, 4);
		options = options(cartId, null);
		// 4 × 19.99 = 79.96 reaches 75: Standard is free, Express is not.
		assertAmount(named(options, "Standard"), "amount", "0");
		assertAmount(named(options, "Standard").path("calculated_price"), "calculated_amount", "0");
		assertAmount(named(options, "Express"), "amount", "15.00");

		Answer withAddress = call("POST", "/store/carts/" + cartId, null,
				"{\"shipping_address\": {\"country_code\": \"us\", \"province\": \"ca\", \"postal_code\": \"94103\"}}");
		assertThat(withAddress.status()).as(withAddress.raw()).isEqualTo(200);
		// The address adds sales tax to the cart, not to the threshold's subtotal: still free.
		assertAmount(named(options(cartId, null), "Standard"), "amount", "0");

		setQuantity(cartId, 26);
		// 26 × 400 g = 10.4 kg is over the freight table's 10 kg.
		assertThat(names(options(cartId, null))).containsExactly("Standard", "Express");
	}

	@Test
	void aEuropeanCartIsOfferedVatInclusivePricesInEuros() {
		String cartId = cart(eu, null, lamp, 1);
		Answer withAddress = call("POST", "/store/carts/" + cartId, null, "{\"shipping_address\": {\"country_code\": \"de\"}}");
		assertThat(withAddress.status()).as(withAddress.raw()).isEqualTo(200);
		JsonNode options = options(cartId, null);
		assertThat(names(options)).containsExactly("Standard", "Express");
		JsonNode standard = named(options, "Standard");
		assertAmount(standard, "amount", "4.90");
		assertThat(standard.path("is_tax_inclusive").asBoolean()).isTrue();
		assertThat(standard.path("calculated_price").path("currency_code").asString()).isEqualTo("eur");
		assertThat(standard.path("calculated_price").path("is_calculated_price_tax_inclusive").asBoolean()).isTrue();
		assertThat(standard.path("service_zone_id").asString()).isEqualTo(eu);
	}

	@Test
	void aCartOfDownloadsOnlyHasNoShippingOptions() {
		String cartId = cart(us, null, download, 2);
		assertThat(options(cartId, null)).isEmpty();
		Answer added = call("POST", "/store/carts/" + cartId + "/line-items", null,
				"{\"variant_id\": \"" + lamp + "\", \"quantity\": 1}");
		assertThat(added.status()).as(added.raw()).isEqualTo(200);
		assertThat(names(options(cartId, null))).contains("Standard");
	}

	@Test
	void listingNeedsACartTheShopperMaySee() {
		assertRefused(call("GET", "/store/shipping-options", null, null), 400, "invalid_data", "cart_id");
		assertRefused(call("GET", "/store/shipping-options?cart_id=", null, null), 400, "invalid_data", "cart_id");
		String unknown = Ids.next("cart");
		assertRefused(call("GET", "/store/shipping-options?cart_id=" + unknown, null, null), 404, "not_found", unknown);
		assertRefused(call("GET", "/store/shipping-options?cart_id=prod_nope", null, null), 404, "not_found", "prod_nope");
		assertRefused(call("GET", "/store/shipping-options?cart_id=cart_%00x", null, null), 400, "invalid_data", "cart_id");
		Answer huge = call("GET", "/store/shipping-options?cart_id=" + "a".repeat(10_240), null, null);
		assertThat(huge.status()).as(huge.raw()).isBetween(400, 499);
		assertThat(huge.contentType()).as(huge.raw()).startsWith("application/json");

		Shopper ada = store.register("Ada");
		Shopper bob = store.register("Bob");
		String adas = cart(us, ada.token(), lamp, 1);
		assertThat(names(options(adas, ada.token()))).contains("Standard");
		assertRefused(call("GET", "/store/shipping-options?cart_id=" + adas, bob.token(), null), 404, "not_found", adas);
		assertRefused(call("GET", "/store/shipping-options?cart_id=" + adas, null, null), 404, "not_found", adas);
		String guests = cart(us, null, lamp, 1);
		Answer otherChannel = StoreApiTestSupport.send(port, "GET", "/store/shipping-options?cart_id=" + guests, otherKey,
				null, null);
		assertRefused(otherChannel, 404, "not_found", guests);
	}

	@Test
	void calculatingPricesOneOptionForTheCart() {
		String cartId = cart(us, null, lamp, 2);
		JsonNode listed = options(cartId, null);
		String standard = named(listed, "Standard").path("id").asString();
		String freight = named(listed, "Freight by weight").path("id").asString();
		String path = "/store/shipping-options/" + standard + "/calculate";

		Answer answer = call("POST", path, null, "{\"cart_id\": \"" + cartId + "\", \"data\": {\"note\": \"leave at door\"}}");
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		JsonNode option = answer.body().path("shipping_option");
		assertThat(option.path("id").asString()).isEqualTo(standard);
		assertAmount(option, "amount", "5.00");
		assertAmount(option.path("calculated_price"), "calculated_amount", "5.00");

		answer = call("POST", "/store/shipping-options/" + freight + "/calculate", null, "{\"cart_id\": \"" + cartId + "\"}");
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		assertAmount(answer.body().path("shipping_option"), "amount", "9.50");

		setQuantity(cartId, 30);
		assertRefused(call("POST", "/store/shipping-options/" + freight + "/calculate", null,
				"{\"cart_id\": \"" + cartId + "\"}"), 400, "invalid_data", "limit of 10000 g");

		String euCart = cart(eu, null, lamp, 1);
		String euStandard = named(options(euCart, null), "Standard").path("id").asString();
		assertRefused(call("POST", "/store/shipping-options/" + euStandard + "/calculate", null,
				"{\"cart_id\": \"" + cartId + "\"}"), 400, "invalid_data", "region");
	}

	@Test
	void calculatingRefusesBadBodiesUnknownOptionsAndOthersCarts() {
		String cartId = cart(us, null, lamp, 1);
		String standard = named(options(cartId, null), "Standard").path("id").asString();
		String path = "/store/shipping-options/" + standard + "/calculate";
		assertRefused(call("POST", path, null, "{}"), 400, "invalid_data", "cart_id is required");
		assertRefused(call("POST", path, null, "{\"cart_id\": 7}"), 400, "invalid_data", "cart_id");
		assertRefused(call("POST", path, null, "{\"cart_id\": \"" + cartId + "\", \"extra\": 1}"), 400, "invalid_data",
				"extra");
		assertRefused(call("POST", path, null, "{\"cart_id\": \"" + cartId + "\", \"data\": \"x\"}"), 400, "invalid_data",
				"data");
		assertRefused(call("POST", path, null, "{\"cart_id\": \"cart_\\u0000\"}"), 400, "invalid_data", "cart_id");
		assertRefused(call("POST", path, null, "{\"cart_id\": \"" + "c".repeat(10_240) + "\"}"), 400, "invalid_data",
				"cart_id");
		assertRefused(call("POST", path, null, "not json"), 400, "invalid_data", "JSON");
		String unknownCart = Ids.next("cart");
		assertRefused(call("POST", path, null, "{\"cart_id\": \"" + unknownCart + "\"}"), 404, "not_found", unknownCart);

		String unknownOption = Ids.next("so");
		assertRefused(call("POST", "/store/shipping-options/" + unknownOption + "/calculate", null,
				"{\"cart_id\": \"" + cartId + "\"}"), 404, "not_found", unknownOption);
		assertRefused(call("POST", "/store/shipping-options/%3Cscript%3E/calculate", null,
				"{\"cart_id\": \"" + cartId + "\"}"), 404, "not_found", "Shipping option");

		Shopper ada = store.register("Ada");
		Shopper bob = store.register("Bob");
		String adas = cart(us, ada.token(), lamp, 1);
		assertRefused(call("POST", path, bob.token(), "{\"cart_id\": \"" + adas + "\"}"), 404, "not_found", adas);
		assertThat(call("POST", path, ada.token(), "{\"cart_id\": \"" + adas + "\"}").status()).isEqualTo(200);

		String downloads = cart(us, null, download, 1);
		assertRefused(call("POST", path, null, "{\"cart_id\": \"" + downloads + "\"}"), 400, "invalid_data",
				"requires shipping");
	}
}
