package dev.loupe.storeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ImportedProduct;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.customer.CustomerGroup;
import dev.loupe.customer.CustomerGroups;
import dev.loupe.identity.Tokens;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.promotion.PromotionSetup;
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
 * Promotions limited to customer groups (rule {@code customer.groups.id in [...]}) through the Store API: a guest
 * and a customer outside the groups are refused the code with a clear message and get no automatic discount; a
 * member gets both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StorePromotionGroupTests {

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

	@Autowired
	PromotionSetup promotionSetup;

	@Autowired
	CustomerGroups groups;

	String run;
	String key;
	String us;
	String lamp;
	StoreCustomers customers;

	@BeforeEach
	void setUp() {
		run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Group channel " + run, null);
		key = marketSetup.createPublishableKey("Group key " + run, List.of(channel)).token();
		List<ImportedProduct> imported = catalog.importProducts(List.of(product("grp-lamp-" + run)), List.of(channel));
		lamp = imported.get(0).variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(lamp, Money.of("20.00", "USD"))));
		jdbc.sql("update catalog.product_variant set manage_inventory = false where id = ?").param(lamp).update();
		us = markets.regions().stream().filter(r -> r.name().equals("United States")).map(Region::id).findFirst()
			.orElseThrow();
		customers = new StoreCustomers(port, key, tokens, jdbc);
	}

	@Test
	void aGroupLimitedCodeIsRefusedToGuestsAndOutsidersAndDiscountsAMember() {
		CustomerGroup vip = groups.create(Input.of(Map.of("name", "VIP " + run)));
		String code = "VIP" + run.substring(run.length() - 8).toUpperCase(Locale.ROOT);
		promotionSetup.create(Input.of(Map.of("code", code, "status", "active",
				"rules", List.of(Map.of("attribute", "customer.groups.id", "operator", "in", "values", List.of(vip.id()))),
				"application_method", Map.of("type", "percentage", "target_type", "order", "value", 10))));
		Shopper member = customers.register("member");
		Shopper outsider = customers.register("outsider");
		groups.changeMembers(vip.id(), List.of(member.id()), List.of());

		String guestCart = cart(null);
		Answer guest = call("POST", "/store/carts/" + guestCart + "/promotions", null, promo(code));
		assertThat(guest.status()).as(guest.raw()).isEqualTo(400);
		assertThat(guest.body().path("message").asString()).contains(code).contains("customer groups");
		String outsiderCart = cart(outsider.token());
		Answer refused = call("POST", "/store/carts/" + outsiderCart + "/promotions", outsider.token(), promo(code));
		assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
		assertThat(refused.body().path("message").asString()).contains("only for customers in certain customer groups");

		String memberCart = cart(member.token());
		Answer applied = call("POST", "/store/carts/" + memberCart + "/promotions", member.token(), promo(code));
		assertThat(applied.status()).as(applied.raw()).isEqualTo(200);
		assertThat(applied.body().path("cart").path("discount_total").decimalValue()).isEqualByComparingTo("2");

		// Leaving the group: the code on the cart no longer discounts it.
		groups.changeMembers(vip.id(), List.of(), List.of(member.id()));
		JsonNode after = call("GET", "/store/carts/" + memberCart, member.token(), null).body().path("cart");
		assertThat(after.path("discount_total").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void anAutomaticPromotionForAGroupDiscountsOnlyItsMembersCarts() {
		CustomerGroup trade = groups.create(Input.of(Map.of("name", "Trade " + run)));
		String promotion = promotionSetup.create(Input.of(Map.of("is_automatic", true, "status", "active",
				"rules", List.of(Map.of("attribute", "customer.groups.id", "operator", "in",
						"values", List.of(trade.id()))),
				"application_method", Map.of("type", "fixed", "target_type", "items", "allocation", "across",
						"value", 3, "currency_code", "usd"))));
		try {
			Shopper member = customers.register("trader");
			groups.changeMembers(trade.id(), List.of(member.id()), List.of());
			JsonNode memberCart = call("GET", "/store/carts/" + cart(member.token()), member.token(), null).body()
				.path("cart");
			assertThat(memberCart.path("discount_total").decimalValue()).isEqualByComparingTo("3");
			JsonNode guestCart = call("GET", "/store/carts/" + cart(null), null, null).body().path("cart");
			assertThat(guestCart.path("discount_total").decimalValue()).isEqualByComparingTo("0");
		}
		finally {
			// Automatic promotions apply to every cart: do not leave one behind for other tests.
			promotionSetup.delete(promotion);
		}
	}

	@Test
	void aRuleOtherThanCustomerGroupsOrWithoutGroupsIsRefused() {
		try {
			promotionSetup.create(Input.of(Map.of("code", "BADRULE" + run.substring(0, 4), "status", "active",
					"rules", List.of(Map.of("attribute", "customer.email", "operator", "in", "values", List.of("x"))),
					"application_method", Map.of("type", "percentage", "target_type", "order", "value", 10))));
			throw new AssertionError("an unsupported rule attribute was accepted");
		}
		catch (dev.loupe.platform.LoupeException e) {
			assertThat(e.getMessage()).contains("attribute");
		}
		try {
			promotionSetup.create(Input.of(Map.of("code", "NOGROUP" + run.substring(0, 4), "status", "active",
					"rules", List.of(Map.of("attribute", "customer.groups.id", "operator", "in", "values", List.of("prod_1"))),
					"application_method", Map.of("type", "percentage", "target_type", "order", "value", 10))));
			throw new AssertionError("a value that is not a group id was accepted");
		}
		catch (dev.loupe.platform.LoupeException e) {
			assertThat(e.getMessage()).contains("customer group id");
		}
	}

	private String cart(String token) {
		Answer created = call("POST", "/store/carts", token, "{\"region_id\": \"" + us + "\", \"items\": [{\"variant_id\": \""
				+ lamp + "\", \"quantity\": 1}]}");
		assertThat(created.status()).as(created.raw()).isEqualTo(200);
		return created.body().path("cart").path("id").asString();
	}

	private static String promo(String code) {
		return "{\"promo_codes\": [\"" + code + "\"]}";
	}

	private Answer call(String method, String path, String token, String json) {
		return StoreApiTestSupport.send(port, method, path, key, token, json);
	}

	private static ProductDraft product(String handle) {
		return new ProductDraft(handle, "Group " + handle, "A thing", "A thing to buy.", ProductKind.STANDARD, true, null,
				List.of(), "Ceramic", "AU", BigDecimal.ONE, null, "Lamp", List.of("group"), null, List.of(),
				List.of(new ProductDraft.Option("Colour", List.of("Red"))),
				List.of(new ProductDraft.Variant("Red", "SKU-" + handle, null, Map.of("Colour", "Red"), true, false, null)),
				Map.of());
	}
}
