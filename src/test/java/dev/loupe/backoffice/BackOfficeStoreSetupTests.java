package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.fulfillment.ShippingOption;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.identity.StaffUser;
import dev.loupe.identity.internal.LoginThrottle;
import dev.loupe.market.Country;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.PublishableKey;
import dev.loupe.market.Region;
import dev.loupe.market.RegionChange;
import dev.loupe.market.RegionDraft;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.tax.RegionTaxRate;
import dev.loupe.tax.TaxRates;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
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
 * Regions, shipping options, sales channels and publishable keys set up from the back office over real HTTP, each
 * change seen through the Store API at once (its region cache, the key cache and the response cache cleared), bad
 * input answered with the form as typed and a 4xx, other roles refused and every change audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeStoreSetupTests {

	static final String PASSWORD = "a long staff passphrase";
	static final HttpClient HTTP = HttpClient.newHttpClient();
	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Markets markets;

	@Autowired
	MarketSetup marketSetup;

	@Autowired
	TaxRates taxRates;

	@Autowired
	ShippingOptions shippingOptions;

	@Autowired
	CatalogImport catalog;

	@Autowired
	PriceSetup prices;

	String run;
	StaffUser admin;
	BackOfficeClient browser;
	String channel;
	String key;

	@BeforeEach
	void setUp() {
		run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		admin = staff.create("setup-admin-" + run + "@loupe.test", PASSWORD, StaffRole.ADMIN, "Ada", "Admin");
		browser = new BackOfficeClient(port);
		assertThat(browser.signIn(admin.email(), PASSWORD).status()).isEqualTo(302);
		browser.get("/app/nothing");
		channel = marketSetup.createSalesChannel("Setup channel " + run, null);
		key = marketSetup.createPublishableKey("Setup key " + run, List.of(channel)).token();
	}

	@AfterEach
	void forget() {
		throttle.forgetAddress("127.0.0.1");
	}

	record Answer(int status, JsonNode body, String raw) {
	}

	Answer store(String method, String path, String publishableKey, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (publishableKey != null) {
			request.header("x-publishable-api-key", publishableKey);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), JSON.readTree(response.body()), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	int audited(String action, String resourceId) {
		return jdbc.sql("select count(*) from audit.entry where action = ? and resource_id = ? and actor_id = ?")
			.params(action, resourceId, admin.id())
			.query(Integer.class)
			.single();
	}

	BackOfficeClient as(StaffRole role) {
		StaffUser user = staff.create("setup-" + role.code() + "-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT)
				+ "@loupe.test", PASSWORD, role, "Test", role.code());
		BackOfficeClient client = new BackOfficeClient(port);
		assertThat(client.signIn(user.email(), PASSWORD).status()).isEqualTo(302);
		client.get("/app/nothing");
		return client;
	}

	/** Countries no region holds yet, so that this test can put them in its own region. */
	List<String> freeCountries(int n) {
		Set<String> taken = markets.regions().stream().flatMap(r -> r.countries().stream()).map(Country::iso2)
			.collect(Collectors.toSet());
		List<String> free = Country.supported().stream().map(Country::iso2).filter(c -> !taken.contains(c)).limit(n)
			.toList();
		assertThat(free).as("free countries").hasSize(n);
		return free;
	}

	static String form(Map<String, String> fields, List<String> countries) {
		List<String> parts = new ArrayList<>();
		fields.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
		countries.forEach(c -> parts.add("country=" + c));
		return String.join("&", parts);
	}

	Region regionNamed(String name) {
		return markets.regions().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
	}

	// ---------------------------------------------------------------- regions

	@Test
	void aRegionIsCreatedWithItsTaxRatesAndTheStoreApiListsItAtOnce() {
		List<String> countries = freeCountries(3);
		assertThat(store("GET", "/store/regions?limit=200", key, null).raw()).doesNotContain("Nordics " + run);
		Page form = browser.get("/app/settings/store/regions/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("New region").contains("name=\"country\" value=\"us\"").contains("(United States)");

		Page created = browser.postRaw("/app/settings/store/regions", form(Map.of("name", "Nordics " + run,
				"currency_code", "SEK", "is_tax_inclusive", "true", "tax_name", "Moms", "tax_rate", "25"),
				countries.subList(0, 2)));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		Region region = regionNamed("Nordics " + run);
		assertThat(created.header("Location")).endsWith("#region-" + region.id());
		assertThat(region.currencyCode()).isEqualTo("sek");
		assertThat(region.taxInclusive()).isTrue();
		assertThat(region.countries()).extracting(Country::iso2).containsExactlyInAnyOrderElementsOf(countries.subList(0, 2));
		assertThat(taxRates.ofRegion(region.id())).extracting(RegionTaxRate::countryCode)
			.containsExactlyInAnyOrderElementsOf(countries.subList(0, 2));
		assertThat(taxRates.ofRegion(region.id())).allSatisfy(r -> {
			assertThat(r.ratePercent()).isEqualByComparingTo("25");
			assertThat(r.name()).isEqualTo("Moms");
		});
		assertThat(audited("region.created", region.id())).isEqualTo(1);

		Answer listed = store("GET", "/store/regions?limit=200", key, null);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.raw()).contains("Nordics " + run).contains("\"currency_code\":\"sek\"");
		Page storePage = browser.get("/app/settings/store");
		assertThat(storePage.body()).contains("Nordics " + run).contains("/app/settings/store/regions/" + region.id())
			.contains("Region Nordics " + run + " created");

		Page edit = browser.get("/app/settings/store/regions/" + region.id());
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.body()).contains("value=\"Nordics " + run + "\"").contains("Fixed: carts, orders");
		Page saved = browser.postRaw("/app/settings/store/regions/" + region.id(), form(Map.of("name",
				"Scandinavia " + run, "tax_name", "Moms", "tax_rate", "12"), List.of(countries.get(1), countries.get(2))));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		Answer one = store("GET", "/store/regions/" + region.id(), key, null);
		assertThat(one.body().path("region").path("name").asString()).isEqualTo("Scandinavia " + run);
		assertThat(one.raw()).contains("\"iso_2\":\"" + countries.get(2) + "\"")
			.doesNotContain("\"iso_2\":\"" + countries.get(0) + "\"");
		Region after = markets.region(region.id()).orElseThrow();
		assertThat(after.taxInclusive()).as("the box was not ticked").isFalse();
		assertThat(taxRates.ofRegion(region.id())).filteredOn(r -> r.countryCode().equals(countries.get(2)))
			.singleElement().satisfies(r -> assertThat(r.ratePercent()).isEqualByComparingTo("12"));
		assertThat(taxRates.ofRegion(region.id())).filteredOn(r -> r.countryCode().equals(countries.get(1)))
			.singleElement().satisfies(r -> assertThat(r.ratePercent()).as("kept").isEqualByComparingTo("25"));
		assertThat(audited("region.updated", region.id())).isEqualTo(1);

		// Countries go back to no region, for the next run.
		marketSetup.updateRegion(region.id(), new RegionChange("Scandinavia " + run, false, List.of()));
	}

	@Test
	void theRegionFormRefusesBadInputWithTheFieldsAsTyped() {
		String us = markets.regions().stream().filter(r -> r.countries().stream().anyMatch(c -> c.iso2().equals("us")))
			.map(Region::name).findFirst().orElseThrow();
		int before = markets.regions().size();
		browser.get("/app/settings/store/regions/new");
		Map<String, Map<String, String>> bad = Map.of(
				"Give the region a name", Map.of("name", "", "currency_code", "usd", "tax_rate", ""),
				"three-letter ISO code", Map.of("name", "Bad " + run, "currency_code", "EURO", "tax_rate", ""),
				"not an ISO 4217 currency", Map.of("name", "Bad " + run, "currency_code", "QQQ", "tax_rate", ""),
				"percentage from 0 to 100", Map.of("name", "Bad " + run, "currency_code", "usd", "tax_rate", "101"),
				"percentage from 0 to 100 ", Map.of("name", "Bad " + run, "currency_code", "usd", "tax_rate", "abc"));
		for (var e : bad.entrySet()) {
			Page refused = browser.postRaw("/app/settings/store/regions", form(e.getValue(), List.of()));
			assertThat(refused.status()).as(e.getKey()).isEqualTo(400);
			assertThat(refused.body()).as(e.getKey()).contains(e.getKey().strip())
				.contains("value=\"" + e.getValue().get("name") + "\"");
		}
		Page taken = browser.postRaw("/app/settings/store/regions", form(Map.of("name", "Taken " + run,
				"currency_code", "usd", "tax_rate", "5"), List.of("us")));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.body()).contains("Country with code us is already assigned to a region (" + us + ")")
			.contains("value=\"Taken " + run + "\"").contains("value=\"us\" checked");
		assertThat(browser.postRaw("/app/settings/store/regions", form(Map.of("name", "Nowhere " + run,
				"currency_code", "usd"), List.of("zz"))).status()).isEqualTo(400);
		assertThat(markets.regions()).as("nothing half-created").hasSize(before);

		String region = marketSetup.createRegion(new RegionDraft("Editable " + run, "usd", false, List.of(), List.of()));
		assertThat(browser.postRaw("/app/settings/store/regions/" + region, form(Map.of("name", "x".repeat(201)), List.of()))
			.status()).isEqualTo(400);
		assertThat(browser.postRaw("/app/settings/store/regions/" + region, form(Map.of("name", "Editable " + run),
				List.of("us"))).status()).isEqualTo(400);
		assertThat(markets.region(region).orElseThrow().countries()).isEmpty();
		assertThat(browser.get("/app/settings/store/regions/reg_nothing").status()).isEqualTo(404);
		assertThat(browser.postRaw("/app/settings/store/regions/reg_nothing", form(Map.of("name", "x"), List.of()))
			.status()).isEqualTo(404);
	}

	// ---------------------------------------------------------------- shipping options

	private String cartWithALamp(String region) {
		String handle = "setup-lamp-" + run;
		String variant = catalog.importProducts(List.of(new ProductDraft(handle, "Lamp " + run, null, "A lamp.",
				ProductKind.STANDARD, true, null, List.of(), null, null, new BigDecimal("400"), null, null, List.of(), null,
				List.of(), List.of(new ProductDraft.Option("Size", List.of("One"))),
				List.of(new ProductDraft.Variant("One", "SKU-" + handle, null, Map.of("Size", "One"), false, false, null)),
				Map.of())), List.of(channel)).getFirst().variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(variant, Money.of("19.99", "USD"))));
		Answer cart = store("POST", "/store/carts", key, "{\"region_id\": \"" + region + "\", \"items\": [{\"variant_id\": \""
				+ variant + "\", \"quantity\": 1}]}");
		assertThat(cart.status()).as(cart.raw()).isEqualTo(200);
		return cart.body().path("cart").path("id").asString();
	}

	private JsonNode offered(String cartId) {
		Answer answer = store("GET", "/store/shipping-options?cart_id=" + cartId, key, null);
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		return answer.body().path("shipping_options");
	}

	private static JsonNode named(JsonNode options, String name) {
		for (JsonNode o : options) {
			if (o.path("name").asString().equals(name)) {
				return o;
			}
		}
		return null;
	}

	@Test
	void shippingOptionsAreCreatedAndEditedAndTheStoreApiOffersEachChangeAtOnce() {
		String region = marketSetup.createRegion(new RegionDraft("Shipping " + run, "usd", false, List.of(), List.of()));
		String cart = cartWithALamp(region);
		assertThat(named(offered(cart), "Courier " + run)).isNull();

		Page form = browser.get("/app/settings/store/shipping/new?region=" + region);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("value=\"" + region + "\" selected");
		Page created = browser.submit("/app/settings/store/shipping", Map.of("region_id", region, "name", "Courier " + run,
				"kind", "flat", "amount", "7.00", "free_over", "50", "code", "courier", "description", "Next day",
				"enabled", "true"));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		ShippingOption option = shippingOptions.list(region).getFirst();
		assertThat(option.providerId()).isEqualTo("manual_manual");
		assertThat(option.prices().getFirst().amount()).isEqualTo(Money.of("7.00", "usd"));
		assertThat(option.prices().getFirst().freeOver()).isEqualTo(Money.of("50", "usd"));
		assertThat(audited("shipping_option.created", option.id())).isEqualTo(1);
		assertThat(named(offered(cart), "Courier " + run).path("amount").decimalValue()).isEqualByComparingTo("7");

		assertThat(browser.get("/app/settings/store/shipping/" + option.id()).body()).contains("value=\"7.00\"")
			.contains("value=\"50.00\"").contains("value=\"Next day\"");
		Page repriced = browser.submit("/app/settings/store/shipping/" + option.id(), Map.of("name", "Courier " + run,
				"kind", "flat", "amount", "3.25", "free_over", "", "code", "courier", "enabled", "true"));
		assertThat(repriced.status()).as(repriced.body()).isEqualTo(302);
		assertThat(named(offered(cart), "Courier " + run).path("amount").decimalValue()).isEqualByComparingTo("3.25");
		browser.get("/app/settings/store");
		browser.submit("/app/settings/store/shipping/" + option.id(), Map.of("name", "Courier " + run, "kind", "flat",
				"amount", "3.25", "free_over", "10.00", "code", "courier", "enabled", "true"));
		assertThat(named(offered(cart), "Courier " + run).path("amount").decimalValue()).as("19.99 is over 10")
			.isEqualByComparingTo("0");
		browser.get("/app/settings/store");
		browser.submit("/app/settings/store/shipping/" + option.id(), Map.of("name", "Courier " + run, "kind", "table",
				"brackets", "300 2.00\n1000 g 4.50", "code", "courier"));
		assertThat(named(offered(cart), "Courier " + run)).as("not offered while off").isNull();
		ShippingOption table = shippingOptions.find(option.id()).orElseThrow();
		assertThat(table.providerId()).isEqualTo("table-rate_table-rate");
		assertThat(table.brackets()).hasSize(2);
		assertThat(table.enabled()).isFalse();
		browser.get("/app/settings/store");
		browser.submit("/app/settings/store/shipping/" + option.id(), Map.of("name", "Courier " + run, "kind", "table",
				"brackets", "300 2.00\n1000 4.50", "code", "courier", "enabled", "true"));
		assertThat(named(offered(cart), "Courier " + run).path("amount").decimalValue()).as("400 g: second bracket")
			.isEqualByComparingTo("4.5");
		assertThat(audited("shipping_option.updated", option.id())).isEqualTo(4);
	}

	@Test
	void theShippingOptionFormRefusesBadInputWithTheFieldsAsTyped() {
		String region = marketSetup.createRegion(new RegionDraft("Bad shipping " + run, "usd", false, List.of(), List.of()));
		browser.get("/app/settings/store/shipping/new?region=" + region);
		Map<String, Map<String, String>> bad = Map.of(
				"Give the option a name", Map.of("name", "", "kind", "flat", "amount", "5"),
				"at most 2 decimals in USD", Map.of("name", "Odd " + run, "kind", "flat", "amount", "1.234"),
				"not negative", Map.of("name", "Odd " + run, "kind", "flat", "amount", "-1"),
				"Enter the price.", Map.of("name", "Odd " + run, "kind", "flat", "amount", ""),
				"threshold must be greater than 0", Map.of("name", "Odd " + run, "kind", "flat", "amount", "5", "free_over", "0"),
				"one bracket a line", Map.of("name", "Odd " + run, "kind", "table", "brackets", "heavy 5"),
				"at least one weight bracket", Map.of("name", "Odd " + run, "kind", "table", "brackets", ""),
				"appears twice", Map.of("name", "Odd " + run, "kind", "table", "brackets", "500 1\n500 2"),
				"Choose a flat rate or a table rate", Map.of("name", "Odd " + run, "kind", "carrier", "amount", "5"),
				"The code must be", Map.of("name", "Odd " + run, "kind", "flat", "amount", "5", "code", "Not A Code!"));
		for (var e : bad.entrySet()) {
			Map<String, String> fields = new java.util.HashMap<>(e.getValue());
			fields.put("region_id", region);
			Page refused = browser.submit("/app/settings/store/shipping", fields);
			assertThat(refused.status()).as(e.getKey()).isEqualTo(400);
			assertThat(refused.body()).as(e.getKey()).contains(e.getKey())
				.contains("value=\"" + e.getValue().get("name") + "\"");
			if (e.getValue().containsKey("amount")) {
				assertThat(refused.body()).contains("value=\"" + e.getValue().get("amount") + "\"");
			}
		}
		Page noRegion = browser.submit("/app/settings/store/shipping", Map.of("region_id", "reg_nothing", "name", "X",
				"kind", "flat", "amount", "5"));
		assertThat(noRegion.status()).isEqualTo(400);
		assertThat(noRegion.body()).contains("Choose a region from the list");
		assertThat(shippingOptions.list(region)).isEmpty();
		assertThat(browser.get("/app/settings/store/shipping/so_nothing").status()).isEqualTo(404);
		assertThat(browser.submit("/app/settings/store/shipping/so_nothing", Map.of("name", "X")).status()).isEqualTo(404);
	}

	// ---------------------------------------------------------------- sales channels

	@Test
	void salesChannelsAreCreatedRenamedAndDisabledAndTheirKeysSeeTheChangeAtOnce() {
		String handle = "setup-chair-" + run;
		catalog.importProducts(List.of(new ProductDraft(handle, "Chair " + run, null, "A chair.", ProductKind.STANDARD,
				true, null, List.of(), null, null, null, null, null, List.of(), null, List.of(),
				List.of(new ProductDraft.Option("Size", List.of("One"))),
				List.of(new ProductDraft.Variant("One", "SKU-" + handle, null, Map.of("Size", "One"), false, false, null)),
				Map.of())), List.of(channel));
		String products = "/store/products?handle=" + handle;
		assertThat(store("GET", products, key, null).body().path("count").asInt()).isEqualTo(1);

		Page page = browser.get("/app/settings/sales-channels");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Setup channel " + run).contains("Setup key " + run)
			.contains("disable-" + channel);
		assertThat(page.body().replaceAll("\\s+", " ")).containsPattern("Setup channel " + run
				+ ".*?<td style=\"text-align:right\">1</td>");

		assertThat(browser.submit("/app/settings/sales-channels/" + channel + "/disabled", Map.of("disabled", "true"))
			.status()).isEqualTo(302);
		assertThat(markets.salesChannel(channel).orElseThrow().disabled()).isTrue();
		assertThat(store("GET", products, key, null).body().path("count").asInt()).as("disabled at once").isZero();
		Answer noCart = store("POST", "/store/carts", key, "{\"region_id\": \"" + markets.regions().getFirst().id() + "\"}");
		assertThat(noCart.status()).as(noCart.raw()).isEqualTo(400);
		assertThat(noCart.body().path("type").asString()).isEqualTo("not_allowed");
		assertThat(audited("sales_channel.disabled", channel)).isEqualTo(1);
		browser.get("/app/settings/sales-channels");
		assertThat(browser.submit("/app/settings/sales-channels/" + channel + "/disabled", Map.of("disabled", "false"))
			.status()).isEqualTo(302);
		assertThat(store("GET", products, key, null).body().path("count").asInt()).as("enabled at once").isEqualTo(1);
		assertThat(audited("sales_channel.enabled", channel)).isEqualTo(1);
		browser.get("/app/settings/sales-channels");
		assertThat(browser.submit("/app/settings/sales-channels/" + channel + "/disabled", Map.of("disabled", "maybe"))
			.status()).isEqualTo(400);

		browser.get("/app/settings/sales-channels");
		Page created = browser.submit("/app/settings/sales-channels", Map.of("name", "Pop-up " + run, "description",
				"Summer market stall"));
		assertThat(created.status()).isEqualTo(302);
		String popUp = markets.salesChannels().stream().filter(c -> c.name().equals("Pop-up " + run)).findFirst()
			.orElseThrow().id();
		assertThat(audited("sales_channel.created", popUp)).isEqualTo(1);
		assertThat(browser.get("/app/settings/sales-channels").body()).contains("Summer market stall")
			.contains("None: no storefront can read it");
		Page renamed = browser.submit("/app/settings/sales-channels/" + popUp, Map.of("name", "Market stall " + run,
				"description", ""));
		assertThat(renamed.status()).isEqualTo(302);
		assertThat(markets.salesChannel(popUp).orElseThrow().name()).isEqualTo("Market stall " + run);
		assertThat(markets.salesChannel(popUp).orElseThrow().description()).isNull();
		assertThat(audited("sales_channel.updated", popUp)).isEqualTo(1);

		browser.get("/app/settings/sales-channels");
		Page blank = browser.submit("/app/settings/sales-channels", Map.of("name", " ", "description", "typed"));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("Give the channel a name").contains("value=\"typed\"");
		Page tooLong = browser.submit("/app/settings/sales-channels/" + popUp, Map.of("name", "Stall",
				"description", "d".repeat(1001)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("Edit sales channel").contains("at most 1000 characters")
			.contains("value=\"Stall\"");
		assertThat(browser.submit("/app/settings/sales-channels/" + popUp, Map.of("name", "a\u0000b")).status())
			.isEqualTo(400);
		assertThat(markets.salesChannel(popUp).orElseThrow().name()).isEqualTo("Market stall " + run);
		assertThat(browser.submit("/app/settings/sales-channels/sc_nothing", Map.of("name", "X")).status())
			.isEqualTo(404);
	}

	// ---------------------------------------------------------------- publishable keys

	@Test
	void aRevokedPublishableKeyIsRefusedAtOnceExactlyAsAnUnknownKeyIsAndStaysListed() {
		PublishableKey pk = markets.publishableKeys().stream().filter(k -> k.token().equals(key)).findFirst()
			.orElseThrow();
		assertThat(store("GET", "/store/regions", key, null).status()).as("the key cache now holds it").isEqualTo(200);
		Answer unknown = store("GET", "/store/regions", "pk_" + "0".repeat(64), null);
		assertThat(unknown.status()).isEqualTo(400);

		Page keys = browser.get("/app/settings/keys");
		assertThat(keys.body()).contains("id=\"revoke-pk-" + pk.id() + "\"").contains("Revoke Setup key " + run + "?");
		Page revoked = browser.submit("/app/settings/keys/publishable/" + pk.id() + "/revoke", Map.of());
		assertThat(revoked.status()).isEqualTo(302);

		Answer refused = store("GET", "/store/regions", key, null);
		assertThat(refused.status()).isEqualTo(unknown.status());
		assertThat(refused.raw()).isEqualTo(unknown.raw());
		assertThat(refused.body().path("type").asString()).isEqualTo("not_allowed");
		assertThat(markets.salesChannelsOfKey(key)).isEmpty();
		assertThat(jdbc.sql("select revoked_by from market.publishable_api_key where id = ?").param(pk.id())
			.query(String.class).single()).isEqualTo(admin.id());

		Page listed = browser.get("/app/settings/keys");
		assertThat(listed.body()).contains("Setup key " + run).contains(key).contains("is revoked")
			.doesNotContain("id=\"revoke-pk-" + pk.id() + "\"");
		assertThat(listed.body().replaceAll("\\s+", " ")).containsPattern(key + ".*?badge danger\">Revoked");
		assertThat(audited("publishable_key.revoked", pk.id())).isEqualTo(1);
		assertThat(browser.submit("/app/settings/keys/publishable/" + pk.id() + "/revoke", Map.of()).status())
			.isEqualTo(302);
		assertThat(audited("publishable_key.revoked", pk.id())).as("once").isEqualTo(1);
		assertThat(browser.submit("/app/settings/keys/publishable/apk_nothing/revoke", Map.of()).status()).isEqualTo(404);
	}

	// ---------------------------------------------------------------- roles

	@Test
	void onlyAdminsOpenOrChangeTheseSettings() {
		String region = markets.regions().getFirst().id();
		String option = shippingOptions.list(null).getFirst().id();
		String pk = markets.publishableKeys().getLast().id();
		for (StaffRole role : List.of(StaffRole.ASSOCIATE, StaffRole.WAREHOUSE, StaffRole.BUYER)) {
			BackOfficeClient client = as(role);
			for (String path : List.of("/app/settings/store/regions/new", "/app/settings/store/regions/" + region,
					"/app/settings/store/shipping/new", "/app/settings/store/shipping/" + option,
					"/app/settings/sales-channels")) {
				assertThat(client.get(path).status()).as(role + " GET " + path).isEqualTo(403);
			}
			for (String path : List.of("/app/settings/store/regions", "/app/settings/store/regions/" + region,
					"/app/settings/store/shipping", "/app/settings/store/shipping/" + option,
					"/app/settings/sales-channels", "/app/settings/sales-channels/" + channel,
					"/app/settings/sales-channels/" + channel + "/disabled",
					"/app/settings/keys/publishable/" + pk + "/revoke")) {
				assertThat(client.submit(path, Map.of("name", "Hijack", "disabled", "true")).status())
					.as(role + " POST " + path).isEqualTo(403);
			}
		}
		assertThat(markets.salesChannel(channel).orElseThrow().disabled()).isFalse();
		assertThat(markets.publishableKey(pk).orElseThrow().isRevoked()).isFalse();
	}
}
