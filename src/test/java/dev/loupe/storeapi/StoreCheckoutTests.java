package dev.loupe.storeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.identity.Tokens;
import dev.loupe.inventory.StockLevels;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The reference storefront's checkout over real HTTP against PostgreSQL, with the demo store's regions, tax rates,
 * shipping options (US Standard 5.00, free over 75) and the manual payment provider, and a catalogue of the test's
 * own: a lamp (19.99 USD, 50 in stock), a lamp with 5 left, a digital guide (9.00 USD, stock not managed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreCheckoutTests {

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
	StockLevels levels;

	@Autowired
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.loupe.promotion.PromotionSetup promotionSetup;

	String key;
	String us;
	String eu;
	String lamp;
	String scarce;
	String guide;

	@BeforeEach
	void setUp() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Checkout channel " + run, null);
		key = marketSetup.createPublishableKey("Checkout key " + run, List.of(channel)).token();
		List<ImportedProduct> imported = catalog.importProducts(List.of(product("co-lamp-" + run, ProductKind.STANDARD),
				product("co-scarce-" + run, ProductKind.STANDARD), product("co-guide-" + run, ProductKind.DIGITAL)),
				List.of(channel));
		lamp = imported.get(0).variantIds().getFirst();
		scarce = imported.get(1).variantIds().getFirst();
		guide = imported.get(2).variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(lamp, Money.of("19.99", "USD")), PriceDraft.of(lamp, Money.of("11.90", "EUR")),
				PriceDraft.of(scarce, Money.of("7.50", "USD")), PriceDraft.of(guide, Money.of("9.00", "USD"))));
		String location = stock.createLocation("Checkout warehouse " + run, null);
		stock.setStock(List.of(new StockSetup.Stock(lamp, location, 50), new StockSetup.Stock(scarce, location, 5)));
		jdbc.sql("update catalog.product_variant set manage_inventory = false where id = ?").param(guide).update();
		us = region("United States");
		eu = region("Europe");
	}

	// ---------------------------------------------------------------- the purchase

	@Test
	void aGuestBuysALampAndTheOrderKeepsEveryTotalToTheCent() {
		String cart = cartWith(us, lamp, 1);
		address(cart, "us");
		JsonNode options = call("GET", "/store/shipping-options?cart_id=" + cart, null, null).body().path("shipping_options");
		assertThat(options.size()).isGreaterThan(0);
		String standard = option(options, "Standard");
		JsonNode withShipping = ok(call("POST", "/store/carts/" + cart + "/shipping-methods", null,
				"{\"option_id\": \"" + standard + "\"}"));
		assertAmount(withShipping, "shipping_subtotal", "5");
		assertAmount(withShipping, "item_tax_total", "1.45"); // 7.25 % of 19.99
		assertAmount(withShipping, "shipping_tax_total", "0.36"); // 7.25 % of 5.00
		assertAmount(withShipping, "total", "26.8");
		pay(cart);

		Answer completed = call("POST", "/store/carts/" + cart + "/complete", null, null);
		assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
		assertThat(completed.body().path("type").asString()).isEqualTo("order");
		JsonNode order = completed.body().path("order");
		assertThat(order.path("id").asString()).startsWith("order_");
		assertThat(order.path("display_id").asLong()).isPositive();
		assertThat(order.path("status").asString()).isEqualTo("pending");
		assertThat(order.path("payment_status").asString()).isEqualTo("authorized");
		assertThat(order.path("fulfillment_status").asString()).isEqualTo("not_fulfilled");
		assertAmount(order, "total", "26.8");
		assertAmount(order, "tax_total", "1.81");
		assertAmount(order, "shipping_total", "5.36");
		assertAmount(order, "item_total", "21.44");
		assertThat(order.path("items").size()).isEqualTo(1);
		assertThat(order.path("items").get(0).path("tax_lines").size()).isEqualTo(1);
		assertThat(order.path("shipping_methods").size()).isEqualTo(1);
		assertThat(order.path("shipping_address").path("city").asString()).isEqualTo("Springfield");
		assertThat(order.path("email").asString()).isEqualTo("shopper@example.com");

		// The order is the confirmation page's: readable by its id, and the same on a second completion.
		Answer read = call("GET", "/store/orders/" + order.path("id").asString(), null, null);
		assertThat(read.status()).as(read.raw()).isEqualTo(200);
		assertAmount(read.body().path("order"), "total", "26.8");
		Answer again = call("POST", "/store/carts/" + cart + "/complete", null, null);
		assertThat(again.body().path("order").path("id").asString()).isEqualTo(order.path("id").asString());
		// The stock is reserved for it, and the completed cart no longer changes.
		assertThat(levels.available(List.of(lamp)).get(lamp)).isEqualTo(49);
		Answer change = call("POST", "/store/carts/" + cart + "/line-items", null,
				"{\"variant_id\": \"" + lamp + "\", \"quantity\": 1}");
		assertThat(change.status()).isEqualTo(400);
		assertThat(change.body().path("type").asString()).isEqualTo("not_allowed");
	}

	@Test
	void aDigitalOnlyCartNeedsNeitherAddressNorShipping() {
		String cart = cartWith(us, guide, 2);
		ok(call("POST", "/store/carts/" + cart, null, "{\"email\": \"reader@example.com\"}"));
		assertThat(call("GET", "/store/shipping-options?cart_id=" + cart, null, null).body().path("shipping_options")
			.size()).isZero();
		pay(cart);
		Answer completed = call("POST", "/store/carts/" + cart + "/complete", null, null);
		assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
		assertAmount(completed.body().path("order"), "total", "18");
		assertThat(completed.body().path("order").path("shipping_methods").size()).isZero();
	}

	@Test
	void aPromotionCodeDiscountsTheOrder() {
		String cart = cartWith(us, lamp, 2);
		address(cart, "us");
		ok(call("POST", "/store/carts/" + cart + "/shipping-methods", null,
				"{\"option_id\": \"" + option(call("GET", "/store/shipping-options?cart_id=" + cart, null, null).body()
					.path("shipping_options"), "Standard") + "\"}"));
		JsonNode discounted = ok(call("POST", "/store/carts/" + cart + "/promotions", null,
				"{\"promo_codes\": [\"welcome10\"]}"));
		assertThat(discounted.path("promotions").get(0).path("code").asString()).isEqualToIgnoringCase("WELCOME10");
		// 10 % of 39.98 = 4.00 off the items; tax on 35.98 = 2.61; shipping 5.00 + 0.36.
		assertAmount(discounted, "discount_subtotal", "4");
		assertAmount(discounted, "item_tax_total", "2.61");
		assertAmount(discounted, "total", "43.95");
		JsonNode line = discounted.path("items").get(0);
		assertThat(line.path("adjustments").size()).isEqualTo(1);
		assertAmount(line.path("adjustments").get(0), "amount", "4");
		pay(cart);
		JsonNode order = call("POST", "/store/carts/" + cart + "/complete", null, null).body().path("order");
		assertAmount(order, "total", "43.95");
		assertAmount(order, "discount_subtotal", "4");
		assertThat(order.path("items").get(0).path("adjustments").size()).isEqualTo(1);
	}

	// ---------------------------------------------------------------- concurrency

	@Test
	void tenConcurrentCompletionsOfOneCartPlaceOneOrder() throws Exception {
		String cart = readyCart(lamp, 1);
		List<Answer> answers = concurrently(10, i -> call("POST", "/store/carts/" + cart + "/complete", null, null));
		Set<String> orders = new HashSet<>();
		for (Answer a : answers) {
			assertThat(a.status()).as(a.raw()).isEqualTo(200);
			orders.add(a.body().path("order").path("id").asString());
		}
		assertThat(orders).hasSize(1);
		assertThat(jdbc.sql("select count(*) from orders.sales_order where cart_id = ?").param(cart).query(Long.class)
			.single()).isEqualTo(1L);
		assertThat(levels.available(List.of(lamp)).get(lamp)).isEqualTo(49);
	}

	@Test
	void fiftyCartsCompetingForTheLastFiveUnitsPlaceExactlyFiveOrders() throws Exception {
		List<String> carts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			carts.add(readyCart(scarce, 1));
		}
		List<Answer> answers = concurrently(50, i -> call("POST", "/store/carts/" + carts.get(i) + "/complete", null, null));
		int placed = 0;
		int refused = 0;
		for (Answer a : answers) {
			if (a.status() == 200 && "order".equals(a.body().path("type").asString())) {
				placed++;
			}
			else {
				assertThat(a.status()).as(a.raw()).isEqualTo(400);
				assertThat(a.body().path("type").asString()).isEqualTo("not_allowed");
				assertThat(a.body().path("message").asString()).contains(scarce).contains("inventory");
				refused++;
			}
		}
		assertThat(placed).isEqualTo(5);
		assertThat(refused).isEqualTo(45);
		assertThat(levels.available(List.of(scarce)).getOrDefault(scarce, 0)).isZero();
		assertThat(jdbc.sql("select stocked_quantity, reserved_quantity from inventory.inventory_level where variant_id = ?")
			.param(scarce).query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }).single()).containsExactly(5, 5);
		// A refused cart is left as it was: open, and completable once stock returns.
		assertThat(jdbc.sql("select count(*) from cart.cart where id = any(?) and completed_at is null and completing_until is null")
			.param(carts.toArray(String[]::new)).query(Long.class).single()).isEqualTo(45L);
	}

	// ---------------------------------------------------------------- bad input

	@Test
	void completingAnIncompleteCartNamesWhatIsMissing() {
		String cart = cartWith(us, lamp, 1);
		assertRefused(call("POST", "/store/carts/" + cart + "/complete", null, null), 400, "email");
		ok(call("POST", "/store/carts/" + cart, null, "{\"email\": \"shopper@example.com\"}"));
		assertRefused(call("POST", "/store/carts/" + cart + "/complete", null, null), 400, "shipping address");
		address(cart, "us");
		assertRefused(call("POST", "/store/carts/" + cart + "/complete", null, null), 400, "shipping method");
		String standard = option(call("GET", "/store/shipping-options?cart_id=" + cart, null, null).body()
			.path("shipping_options"), "Standard");
		ok(call("POST", "/store/carts/" + cart + "/shipping-methods", null, "{\"option_id\": \"" + standard + "\"}"));
		assertRefused(call("POST", "/store/carts/" + cart + "/complete", null, null), 400, "payment");
		String empty = ok(call("POST", "/store/carts", null, "{\"region_id\": \"" + us + "\"}")).path("id").asString();
		assertRefused(call("POST", "/store/carts/" + empty + "/complete", null, null), 400, "no items");
		assertRefused(call("POST", "/store/carts/cart_01NOPE/complete", null, null), 404, "cart_01NOPE");
	}

	@Test
	void aShippingOptionOfAnotherRegionOrAnUnknownOneIsRefused() {
		String euCart = cartWith(eu, lamp, 1);
		ok(call("POST", "/store/carts/" + euCart, null, "{\"shipping_address\": {\"country_code\": \"de\", \"city\": \"Berlin\"}}"));
		String usCart = cartWith(us, lamp, 1);
		address(usCart, "us");
		String usStandard = option(call("GET", "/store/shipping-options?cart_id=" + usCart, null, null).body()
			.path("shipping_options"), "Standard");
		assertRefused(call("POST", "/store/carts/" + euCart + "/shipping-methods", null,
				"{\"option_id\": \"" + usStandard + "\"}"), 400, usStandard);
		assertRefused(call("POST", "/store/carts/" + usCart + "/shipping-methods", null, "{\"option_id\": \"so_01NOPE\"}"),
				400, "so_01NOPE");
		assertRefused(call("POST", "/store/carts/" + usCart + "/shipping-methods", null, "{}"), 400, "option_id");
		assertRefused(call("POST", "/store/carts/" + usCart + "/shipping-methods", null,
				"{\"option_id\": \"so_\\u0000x\"}"), 400, "option_id");
	}

	@Test
	void unknownOrMalformedPromotionCodesAreRefusedNamingThem() {
		String cart = cartWith(us, lamp, 1);
		assertRefused(call("POST", "/store/carts/" + cart + "/promotions", null, "{\"promo_codes\": [\"NOSUCHCODE\"]}"),
				400, "NOSUCHCODE");
		assertRefused(call("POST", "/store/carts/" + cart + "/promotions", null, "{\"promo_codes\": []}"), 400, "promo_codes");
		assertRefused(call("POST", "/store/carts/" + cart + "/promotions", null, "{\"promo_codes\": [\"<b>x</b>\"]}"), 400,
				"promo_codes");
		assertRefused(call("POST", "/store/carts/" + cart + "/promotions", null, "{\"promo_codes\": \"WELCOME10\"}"), 400,
				"promo_codes");
		JsonNode unchanged = ok(call("GET", "/store/carts/" + cart, null, null));
		assertThat(unchanged.path("promotions").size()).isZero();
	}

	@Test
	void aCodeUsedUpOrExpiredBeforeCompletionIsRefusedNamingIt() {
		String run = Ids.next("t").substring(20).toUpperCase(Locale.ROOT);
		String once = "LAST" + run;
		String ending = "ENDS" + run;
		promotionSetup.create(dev.loupe.platform.Input.of(Map.of("code", once, "status", "active", "limit", 1,
				"application_method", Map.of("type", "percentage", "target_type", "order", "value", 10))));
		String promotion = promotionSetup.create(dev.loupe.platform.Input.of(Map.of("code", ending, "status", "active",
				"application_method", Map.of("type", "fixed", "target_type", "items", "allocation", "across", "value", 1,
						"currency_code", "usd"))));
		String first = readyCart(lamp, 1);
		String second = readyCart(lamp, 1);
		for (String cart : List.of(first, second)) {
			ok(call("POST", "/store/carts/" + cart + "/promotions", null, "{\"promo_codes\": [\"" + once + "\", \"" + ending + "\"]}"));
		}
		assertThat(call("POST", "/store/carts/" + first + "/complete", null, null).body().path("type").asString())
			.isEqualTo("order");
		assertRefused(call("POST", "/store/carts/" + second + "/complete", null, null), 400, once);
		assertRefused(call("POST", "/store/carts/" + readyCart(lamp, 1) + "/promotions", null,
				"{\"promo_codes\": [\"" + once + "\"]}"), 400, once);
		// The other code ends: the cart still holds it, and completion says so instead of charging more silently.
		ok(call("DELETE", "/store/carts/" + second + "/promotions", null, "{\"promo_codes\": [\"" + once + "\"]}"));
		jdbc.sql("update promotion.promotion set ends_at = now() - interval '1 minute' where id = ?").param(promotion).update();
		assertRefused(call("POST", "/store/carts/" + second + "/complete", null, null), 400, ending);
		assertThat(levels.available(List.of(lamp)).get(lamp)).as("only the first order holds stock").isEqualTo(49);
	}

	@Test
	void guestOrdersBecomeTheCustomersOnlyOnceTheyVerifyTheirEmail() {
		StoreCustomers customers = new StoreCustomers(port, key, tokens, jdbc);
		String email = StoreCustomers.uniqueEmail("guest");
		String cart = cartWith(us, lamp, 1);
		ok(call("POST", "/store/carts/" + cart, null, """
				{"email": "%s", "shipping_address": {"first_name": "G", "address_1": "1 Main St", "city": "Austin",
				 "country_code": "us", "postal_code": "73301"}}""".formatted(email.toUpperCase(Locale.ROOT))));
		ok(call("POST", "/store/carts/" + cart + "/shipping-methods", null, "{\"option_id\": \"" + option(
				call("GET", "/store/shipping-options?cart_id=" + cart, null, null).body().path("shipping_options"),
				"Standard") + "\"}"));
		pay(cart);
		String order = call("POST", "/store/carts/" + cart + "/complete", null, null).body().path("order").path("id")
			.asString();

		// Registering with the address proves nothing yet: the guest order stays the guest's.
		StoreCustomers.Shopper shopper = customers.register("other");
		String authIdentity = Ids.next("authid");
		String registration = customers.registrationToken(authIdentity, email);
		Answer created = call("POST", "/store/customers", registration, "{\"email\": \"" + email + "\"}");
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		String customerId = created.body().path("customer").path("id").asString();
		String login = customers.loginToken(customerId, authIdentity, email);
		assertThat(call("GET", "/store/orders", login, null).body().path("count").asInt()).isZero();

		// The link of the verification email sent at registration.
		String body = jdbc.sql("""
				select body_text from notification.message where recipient = ? and template = 'email-verification'
				order by created_at desc limit 1""").param(email).query(String.class).single();
		String token = body.replaceAll("(?s).*verify-email\\?token=([0-9a-f]{64}).*", "$1");
		assertRefused(call("POST", "/auth/customer/emailpass/verify-email", null, "{\"token\": \"" + "0".repeat(64) + "\"}"),
				401, "invalid");
		Answer verified = call("POST", "/auth/customer/emailpass/verify-email", null, "{\"token\": \"" + token + "\"}");
		assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
		JsonNode mine = call("GET", "/store/orders", login, null).body();
		assertThat(mine.path("count").asInt()).isEqualTo(1);
		assertThat(mine.path("orders").get(0).path("id").asString()).isEqualTo(order);
		assertRefused(call("POST", "/auth/customer/emailpass/verify-email", null, "{\"token\": \"" + token + "\"}"),
				401, "invalid");
		assertRefused(call("POST", "/auth/customer/emailpass/verify-email/request", login, null), 400, "already verified");
		assertThat(call("POST", "/auth/customer/emailpass/verify-email/request", null, null).status()).isEqualTo(401);
		// The other customer, who never owned the address, has no orders.
		assertThat(call("GET", "/store/orders", shopper.token(), null).body().path("count").asInt()).isZero();
	}

	// ---------------------------------------------------------------- helpers

	/** A cart in the US with an email, address, the Standard shipping and a manual payment session. */
	private String readyCart(String variant, int quantity) {
		String cart = cartWith(us, variant, quantity);
		address(cart, "us");
		ok(call("POST", "/store/carts/" + cart + "/shipping-methods", null, "{\"option_id\": \"" + option(
				call("GET", "/store/shipping-options?cart_id=" + cart, null, null).body().path("shipping_options"),
				"Standard") + "\"}"));
		pay(cart);
		return cart;
	}

	private String cartWith(String region, String variant, int quantity) {
		return ok(call("POST", "/store/carts", null, "{\"region_id\": \"" + region + "\", \"items\": [{\"variant_id\": \""
				+ variant + "\", \"quantity\": " + quantity + "}]}")).path("id").asString();
	}

	private void address(String cart, String country) {
		ok(call("POST", "/store/carts/" + cart, null, """
				{"email": "shopper@example.com", "shipping_address": {"first_name": "Sam", "last_name": "Shopper",
				 "address_1": "1 Main St", "city": "Springfield", "country_code": "%s", "postal_code": "62701"}}"""
			.formatted(country)));
	}

	private void pay(String cart) {
		Answer collection = call("POST", "/store/payment-collections", null, "{\"cart_id\": \"" + cart + "\"}");
		assertThat(collection.status()).as(collection.raw()).isEqualTo(200);
		String id = collection.body().path("payment_collection").path("id").asString();
		Answer session = call("POST", "/store/payment-collections/" + id + "/payment-sessions", null,
				"{\"provider_id\": \"pp_system_default\"}");
		assertThat(session.status()).as(session.raw()).isEqualTo(200);
	}

	private static String option(JsonNode options, String name) {
		for (JsonNode o : options) {
			if (o.path("name").asString().equals(name)) {
				return o.path("id").asString();
			}
		}
		throw new AssertionError("No shipping option " + name + " in " + options);
	}

	private Answer call(String method, String path, String token, String json) {
		return StoreApiTestSupport.send(port, method, path, key, token, json);
	}

	private static JsonNode ok(Answer answer) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		return answer.body().path("cart");
	}

	private static void assertRefused(Answer answer, int status, String naming) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
		assertThat(answer.body().path("type").asString()).as(answer.raw()).isIn("invalid_data", "not_allowed", "not_found",
				"unauthorized");
		assertThat(answer.body().path("message").asString()).as(answer.raw()).containsIgnoringCase(naming);
	}

	private static void assertAmount(JsonNode node, String field, String expected) {
		assertThat(node.path(field).isNumber()).as(field + " is a number in " + node).isTrue();
		assertThat(node.path(field).decimalValue()).as(field).isEqualByComparingTo(expected);
	}

	private static <T> List<T> concurrently(int n, java.util.function.IntFunction<T> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return task.apply(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get());
			}
			return results;
		}
	}

	private String region(String name) {
		return markets.regions().stream().filter(r -> r.name().equals(name)).map(Region::id).findFirst().orElseThrow();
	}

	private static ProductDraft product(String handle, ProductKind kind) {
		return new ProductDraft(handle, "Checkout " + handle, "A thing", "A thing to buy.", kind, true, null, List.of(),
				"Ceramic", "AU", BigDecimal.ONE, null, "Lamp", List.of("checkout"), null, List.of(),
				List.of(new ProductDraft.Option("Colour", List.of("Red"))),
				List.of(new ProductDraft.Variant("Red", "SKU-" + handle, null, Map.of("Colour", "Red"), true, false, null)),
				Map.of());
	}
}
