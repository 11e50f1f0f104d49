package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.customer.CustomerGroup;
import dev.loupe.customer.CustomerGroups;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.promotion.Promotion;
import dev.loupe.promotion.PromotionSetup;
import dev.loupe.promotion.Promotions;
import dev.loupe.promotion.TargetRule;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The promotion form's automatic promotions and rules over real HTTP as a buyer: an automatic promotion for one
 * product, made in the back office, discounts a storefront cart through the Store API; a group rule is stored;
 * impossible forms come back with the reason and the fields as typed; the promotion page shows its usage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficePromotionRuleTests {

	private static final String PASSWORD = "a long staff passphrase";

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	MarketSetup marketSetup;

	@Autowired
	Markets markets;

	@Autowired
	CatalogImport catalog;

	@Autowired
	PriceSetup prices;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Promotions promotions;

	@Autowired
	PromotionSetup promotionSetup;

	@Autowired
	CustomerGroups groups;

	String run;
	String key;
	String handle;
	String productId;
	String variant;
	BackOfficeClient buyer;

	@BeforeEach
	void setUp() {
		run = Ids.next("t").substring(2, 12).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Promo form channel " + run, null);
		key = marketSetup.createPublishableKey("Promo form key " + run, List.of(channel)).token();
		handle = "promo-lamp-" + run;
		var imported = catalog.importProducts(List.of(new ProductDraft(handle, "Promo " + handle, "A lamp", "A lamp.",
				ProductKind.STANDARD, true, null, List.of(), "Ceramic", "AU", BigDecimal.ONE, null, "Lamp", List.of("promo"),
				null, List.of(), List.of(new ProductDraft.Option("Colour", List.of("Red"))),
				List.of(new ProductDraft.Variant("Red", "SKU-" + handle, null, Map.of("Colour", "Red"), true, false, null)),
				Map.of())), List.of(channel)).getFirst();
		productId = imported.productId();
		variant = imported.variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(variant, Money.of("40.00", "USD"))));
		jdbc.sql("update catalog.product_variant set manage_inventory = false where id = ?").param(variant).update();
		String email = "promo-buyer-" + run + "@loupe.test";
		staff.create(email, PASSWORD, StaffRole.BUYER, "Test", "buyer");
		buyer = new BackOfficeClient(port);
		assertThat(buyer.signIn(email, PASSWORD).status()).isEqualTo(302);
	}

	private Map<String, String> form(Map<String, String> changes) {
		Map<String, String> form = new HashMap<>(Map.of("kind", "automatic", "code", "", "status", "active", "type",
				"percentage", "target", "items", "value", "25", "currency_code", "usd", "target_by", "product",
				"target_values", handle));
		form.putAll(changes);
		return form;
	}

	@Test
	void anAutomaticPromotionForAProductMadeInTheBackOfficeDiscountsAStorefrontCart() throws Exception {
		buyer.get("/app/promotions/new");
		Page created = buyer.submit("/app/promotions", form(Map.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String id = created.header("location").replaceAll(".*/app/promotions/", "");
		try {
			Promotion promotion = promotions.find(id);
			assertThat(promotion.automatic()).isTrue();
			assertThat(promotion.code()).isNull();
			assertThat(promotion.targetRules()).extracting(TargetRule::attribute).containsExactly(TargetRule.PRODUCT);
			assertThat(promotion.targetRules().getFirst().values()).containsExactly(productId);

			JsonNode cart = storeCart();
			assertThat(cart.path("discount_total").decimalValue()).isEqualByComparingTo("10");

			// The page shows the handle (not the id), the type and the usage.
			Page page = buyer.get("/app/promotions/" + id);
			assertThat(page.body()).contains("value=\"" + handle + "\"").contains("Automatic").contains("Times used")
				.contains("Distinct customers").contains("Never");
			assertThat(buyer.get("/app/promotions").body()).contains("/app/promotions/" + id).contains("Automatic");
		}
		finally {
			promotionSetup.delete(id);
		}
	}

	@Test
	void aCodeLimitedToACustomerGroupIsStoredWithItsRule() {
		CustomerGroup vip = groups.create(Input.of(Map.of("name", "Promo VIP " + run)));
		buyer.get("/app/promotions/new");
		assertThat(buyer.get("/app/promotions/new").body()).contains("Promo VIP " + run);
		Page created = buyer.submit("/app/promotions", form(Map.of("kind", "code", "code", "VIP" + run.toUpperCase(
				Locale.ROOT), "target_by", "", "target_values", "", "target", "order", "group_" + vip.id(), "on")));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String id = created.header("location").replaceAll(".*/app/promotions/", "");
		assertThat(promotions.find(id).customerGroupIds()).containsExactly(vip.id());
		assertThat(buyer.get("/app/promotions/" + id).body()).contains("Customer groups only");
		// Saving without the group ticked lifts the limit.
		Page saved = buyer.submit("/app/promotions/" + id, form(Map.of("kind", "code", "code", "VIP" + run.toUpperCase(
				Locale.ROOT), "target_by", "", "target_values", "", "target", "order")));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(promotions.find(id).customerGroupIds()).isEmpty();
	}

	@Test
	void impossibleFormsComeBackWithTheReasonAndTheFieldsAsTyped() {
		buyer.get("/app/promotions/new");
		assertRefused(form(Map.of("target_values", "no-such-" + run)), "There is no product with the handle no-such-" + run,
				"value=\"no-such-" + run + "\"");
		assertRefused(form(Map.of("value", "150")), "at most 100", "value=\"150\"");
		assertRefused(form(Map.of("value", "0")), "greater than 0", null);
		assertRefused(form(Map.of("type", "fixed", "value", "-5")), "number", null);
		assertRefused(form(Map.of("target", "order")), "off the items", null);
		assertRefused(form(Map.of("target_values", "")), "List the handles", null);
		assertRefused(form(Map.of("kind", "code", "code", "")), "Enter the code", null);
		assertRefused(form(Map.of("starts_on", "2030-05-10", "ends_on", "2030-05-01")), "ends_at", "2030-05-10");
		assertRefused(form(Map.of("group_cusgroup_gone", "on")), "no longer exists", null);
		assertThat(promotions.count(null, List.of())).isGreaterThanOrEqualTo(0);
	}

	private void assertRefused(Map<String, String> form, String reason, String keeps) {
		long before = jdbc.sql("select count(*) from promotion.promotion").query(Long.class).single();
		Page refused = buyer.submit("/app/promotions", form);
		assertThat(refused.status()).as(reason).isEqualTo(400);
		assertThat(refused.body()).as(reason).contains(reason);
		if (keeps != null) {
			assertThat(refused.body()).contains(keeps);
		}
		assertThat(jdbc.sql("select count(*) from promotion.promotion").query(Long.class).single()).isEqualTo(before);
	}

	private JsonNode storeCart() throws Exception {
		String us = markets.regions().stream().filter(r -> r.name().equals("United States")).map(Region::id).findFirst()
			.orElseThrow();
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/store/carts"))
			.header("Content-Type", "application/json")
			.header("x-publishable-api-key", key)
			.POST(HttpRequest.BodyPublishers.ofString("{\"region_id\": \"" + us + "\", \"items\": [{\"variant_id\": \""
					+ variant + "\", \"quantity\": 1}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body()).path("cart");
	}
}
