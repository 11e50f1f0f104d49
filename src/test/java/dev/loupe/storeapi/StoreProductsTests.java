package dev.loupe.storeapi;

import static dev.loupe.storeapi.StoreApiTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.market.MarketSetup;
import dev.loupe.platform.AdjustableClock;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.pricing.PricesChanged;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreProductsTests {

	@LocalServerPort
	int port;

	@Autowired
	MarketSetup markets;

	@Autowired
	CatalogImport catalog;

	@Autowired
	PriceSetup prices;

	@Autowired
	AdjustableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	dev.loupe.catalog.ProductQueries queries;

	StoreApiFixture fixture;
	String usRegion;
	String euRegion;

	@BeforeEach
	void createCatalogue() {
		fixture = StoreApiFixture.create(markets, catalog, prices, clock.instant());
		usRegion = jdbc.sql("select region_id from market.region_country where iso_2 = 'us'").query(String.class).single();
		euRegion = jdbc.sql("select region_id from market.region_country where iso_2 = 'de'").query(String.class).single();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
		events.publishEvent(PricesChanged.all());
	}

	@Test
	void requestsWithoutAValidPublishableKeyAreNotAllowed() {
		for (String key : new String[] { null, "", "pk_wrong", "pk_" + "0".repeat(64) }) {
			Answer answer = get(port, "/store/products", key);
			assertThat(answer.status()).as("key %s", key).isEqualTo(400);
			assertThat(answer.body().get("type").asString()).isEqualTo("not_allowed");
			assertThat(answer.body().get("message").asString()).contains("publishable");
		}
	}

	@Test
	void aKeySeesOnlyPublishedLiveProductsOfItsSalesChannels() {
		String ids = "id[]=" + fixture.published().productId() + "&id[]=" + fixture.draft().productId() + "&id[]="
				+ fixture.otherChannelOnly().productId();
		Answer mine = get(port, "/store/products?" + ids, fixture.key());
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body().get("count").asLong()).isEqualTo(1);
		assertThat(mine.body().get("products").get(0).get("id").asString()).isEqualTo(fixture.published().productId());

		Answer theirs = get(port, "/store/products?" + ids, fixture.otherKey());
		assertThat(theirs.body().get("count").asLong()).isEqualTo(1);
		assertThat(theirs.body().get("products").get(0).get("id").asString()).isEqualTo(fixture.otherChannelOnly().productId());

		assertThat(get(port, "/store/products/" + fixture.draft().productId(), fixture.key()).status()).isEqualTo(404);
		assertThat(get(port, "/store/products/" + fixture.otherChannelOnly().productId(), fixture.key()).status()).isEqualTo(404);

		jdbc.sql("update catalog.product set deleted_at = now() where id = ?").param(fixture.published().productId()).update();
		events.publishEvent(dev.loupe.catalog.ProductsChanged.all());
		assertThat(get(port, "/store/products/" + fixture.published().productId(), fixture.key()).status()).isEqualTo(404);
	}

	@Test
	void anUnknownProductIsNotFound() {
		Answer answer = get(port, "/store/products/prod_01XXXXXXXXXXXXXXXXXXXXXXXX", fixture.key());
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body().get("type").asString()).isEqualTo("not_found");
		assertThat(answer.body().get("message").asString()).isEqualTo("Product with id: prod_01XXXXXXXXXXXXXXXXXXXXXXXX was not found");
		for (String hostile : new String[] { "%00", "prod_%C0%AE%C0%AE", "%E2%80%AE" + "x".repeat(300), "..%2F..%2Fetc" }) {
			Answer bad = get(port, "/store/products/" + hostile, fixture.key());
			assertThat(bad.status()).as(hostile).isBetween(400, 404);
			assertThat(bad.contentType()).as(hostile).startsWith("application/json");
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "limit=-1|limit", "limit=abc|limit", "limit=1001|limit", "limit=99999999999999|limit",
			"offset=-5|offset", "offset=1.5|offset", "order=price|order", "order=title%3Bdrop%20table%20x|order", "fields=foo|fields",
			"fields=%2Bvariants.bogus.deep.deeper.deepest|fields", "fields=*nonsense|fields", "q=%00|q",
			"handle=a%00b|handle", "limit=1&limit=2|limit", "region_id=reg_nope|region_id", "currency_code=zzz|currency_code",
			"country_code=xx|country_code", "fields=%2Bvariants.calculated_price|currency_code or region_id" })
	void malformedParametersAreInvalidDataNamingTheParameter(String query, String named) {
		Answer answer = get(port, "/store/products?" + query, fixture.key());
		assertThat(answer.status()).as(query).isEqualTo(400);
		assertThat(answer.body().get("type").asString()).isEqualTo("invalid_data");
		assertThat(answer.body().get("message").asString()).contains(named);
	}

	@Test
	void theListEnvelopeCarriesCountOffsetAndLimit() {
		Answer answer = get(port, "/store/products?limit=1&offset=0&order=-created_at", fixture.key());
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("products")).hasSize(1);
		assertThat(answer.body().get("count").asLong()).isEqualTo(1);
		assertThat(answer.body().get("offset").asInt()).isZero();
		assertThat(answer.body().get("limit").asInt()).isEqualTo(1);
		Answer empty = get(port, "/store/products?limit=0", fixture.key());
		assertThat(empty.body().get("products")).isEmpty();
		assertThat(empty.body().get("count").asLong()).isEqualTo(1);
	}

	@Test
	void variantsCarryTheCalculatedPriceOfTheRegionAndASaleInsideItsWindow() {
		String path = "/store/products/" + fixture.published().productId() + "?region_id=" + usRegion;
		JsonNode price = get(port, path, fixture.key()).body().get("product").get("variants").get(0).get("calculated_price");
		assertThat(price.get("currency_code").asString()).isEqualTo("usd");
		assertThat(price.get("calculated_amount").decimalValue()).isEqualByComparingTo("40");
		assertThat(price.get("original_amount").decimalValue()).isEqualByComparingTo("40");
		assertThat(price.get("is_calculated_price_price_list").asBoolean()).isFalse();

		clock.fixAt(Instant.parse(fixture.saleStartsAt()).plus(Duration.ofHours(1)));
		events.publishEvent(PricesChanged.all());
		JsonNode onSale = get(port, path, fixture.key()).body().get("product").get("variants").get(0).get("calculated_price");
		assertThat(onSale.get("calculated_amount").decimalValue()).isEqualByComparingTo("30");
		assertThat(onSale.get("original_amount").decimalValue()).isEqualByComparingTo("40");
		assertThat(onSale.get("calculated_price").get("price_list_type").asString()).isEqualTo("sale");

		clock.fixAt(Instant.parse(fixture.saleStartsAt()).plus(Duration.ofDays(2)));
		events.publishEvent(PricesChanged.all());
		JsonNode over = get(port, path, fixture.key()).body().get("product").get("variants").get(0).get("calculated_price");
		assertThat(over.get("calculated_amount").decimalValue()).isEqualByComparingTo("40");

		JsonNode euro = get(port, "/store/products/" + fixture.published().productId() + "?region_id=" + euRegion, fixture.key())
			.body().get("product").get("variants").get(0).get("calculated_price");
		assertThat(euro.get("currency_code").asString()).isEqualTo("eur");
		assertThat(euro.get("is_calculated_price_tax_inclusive").asBoolean()).isTrue();
		JsonNode pounds = get(port, "/store/products/" + fixture.published().productId() + "?currency_code=GBP", fixture.key())
			.body().get("product").get("variants").get(0).get("calculated_price");
		assertThat(pounds.get("calculated_amount").decimalValue()).isEqualByComparingTo("33");
	}

	@Test
	void aCommittedPriceChangeIsServedAtOnce() {
		String path = "/store/products/" + fixture.published().productId() + "?region_id=" + usRegion;
		assertThat(firstPrice(path)).isEqualByComparingTo("40");
		assertThat(firstPrice(path)).isEqualByComparingTo("40");

		transactions.executeWithoutResult(status -> {
			jdbc.sql("update pricing.price set amount = 41.5 where variant_id = any(?) and currency_code = 'usd' and price_list_id is null")
				.param(fixture.published().variantIds().toArray(String[]::new))
				.update();
			events.publishEvent(new PricesChanged(fixture.published().variantIds()));
		});

		assertThat(firstPrice(path)).isEqualByComparingTo("41.5");
	}

	@Test
	void fieldsAddRemoveAndReplaceWhatIsShown() {
		String base = "/store/products/" + fixture.published().productId() + "?fields=";
		JsonNode only = get(port, base + "id,title", fixture.key()).body().get("product");
		assertThat(names(only)).containsExactlyInAnyOrder("id", "title");

		JsonNode withoutVariants = get(port, base + "-variants,%2Bmetadata", fixture.key()).body().get("product");
		assertThat(withoutVariants.has("variants")).isFalse();
		assertThat(withoutVariants.has("metadata")).isTrue();
		assertThat(withoutVariants.has("handle")).isTrue();

		JsonNode stock = get(port, base + "*variants.calculated_price,%2Bvariants.inventory_quantity,*categories&region_id=" + usRegion,
				fixture.key()).body().get("product");
		assertThat(stock.get("variants").get(0).has("inventory_quantity")).isTrue();
		assertThat(stock.get("variants").get(0).get("calculated_price").get("calculated_amount").decimalValue()).isPositive();
		assertThat(stock.get("categories").isArray()).isTrue();
	}

	@Test
	void searchFindsWordsRanksThemAndToleratesTypos() {
		Answer exact = get(port, "/store/products?q=" + enc("Quokka Lamp " + fixture.run()), fixture.key());
		assertThat(exact.body().get("count").asLong()).isEqualTo(1);
		Answer typo = get(port, "/store/products?q=quoka", fixture.key());
		assertThat(typo.body().get("count").asLong()).isEqualTo(1);
		Answer bySku = get(port, "/store/products?q=" + enc("SKU-quokka-lamp-" + fixture.run() + "-R"), fixture.key());
		assertThat(bySku.body().get("count").asLong()).isEqualTo(1);
		Answer nothing = get(port, "/store/products?q=" + enc("xylophone submarine"), fixture.key());
		assertThat(nothing.body().get("count").asLong()).isZero();
		Answer byHandle = get(port, "/store/products?handle=quokka-lamp-" + fixture.run(), fixture.key());
		assertThat(byHandle.body().get("products").get(0).get("id").asString()).isEqualTo(fixture.published().productId());
	}

	@Test
	void facetsCountVisibleProductsPerTagAndType() {
		var filter = new dev.loupe.catalog.ProductFilter(List.of(fixture.channel()), List.of(), null, null, List.of(), List.of(),
				List.of(), List.of());
		var facets = queries.facets(filter);
		String lampTag = jdbc.sql("select id from catalog.product_tag where value = ?").param("test-quokka-lamp-" + fixture.run())
			.query(String.class).single();
		assertThat(facets.tags()).containsEntry(lampTag, 1L);
		assertThat(facets.types().values()).containsExactly(1L);
		assertThat(facets.tags()).doesNotContainKey(jdbc.sql("select id from catalog.product_tag where value = ?")
			.param("test-quokka-draft-" + fixture.run()).query(String.class).single());
	}

	private java.math.BigDecimal firstPrice(String path) {
		return get(port, path, fixture.key()).body().get("product").get("variants").get(0).get("calculated_price")
			.get("calculated_amount").decimalValue();
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void productOptionsAreThoseOfVisibleProducts() {
		Answer published = get(port, "/store/product-options?product_id=" + fixture.published().productId(), fixture.key());
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.body().path("count").asInt()).isEqualTo(1);
		JsonNode option = published.body().path("product_options").get(0);
		assertThat(option.path("title").asString()).isEqualTo("Colour");
		assertThat(option.path("is_exclusive").asBoolean()).isTrue();
		assertThat(option.path("values")).extracting(v -> v.path("value").asString()).containsExactly("Red", "Blue");

		assertThat(get(port, "/store/product-options?product_id=" + fixture.draft().productId(), fixture.key()).body()
			.path("count").asInt()).isZero();
		assertThat(get(port, "/store/product-options?product_id=" + fixture.otherChannelOnly().productId(), fixture.key())
			.body().path("count").asInt()).isZero();
		assertThat(get(port, "/store/product-options/" + option.path("id").asString(), fixture.key()).body()
			.path("product_option").path("id").asString()).isEqualTo(option.path("id").asString());
		String draftOption = jdbc.sql("select id from catalog.product_option where product_id = ?")
			.param(fixture.draft().productId()).query(String.class).single();
		assertThat(get(port, "/store/product-options/" + draftOption, fixture.key()).status()).isEqualTo(404);
		assertThat(get(port, "/store/product-options?q=colou&limit=1000", fixture.key()).body().path("count").asInt())
			.isGreaterThanOrEqualTo(1);
		assertThat(get(port, "/store/product-options?limit=-1", fixture.key()).status()).isEqualTo(400);
		assertThat(get(port, "/store/product-options/opt_%00", fixture.key()).status()).isEqualTo(400);
		assertThat(get(port, "/store/product-options", null).status()).isEqualTo(400);
	}
}
