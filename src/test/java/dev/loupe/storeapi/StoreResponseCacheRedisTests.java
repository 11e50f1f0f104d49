package dev.loupe.storeapi;

import static dev.loupe.storeapi.StoreApiTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.market.MarketSetup;
import dev.loupe.platform.AdjustableClock;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.pricing.PricesChanged;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The response cache shared through a real Redis ({@link TestRedis}: {@code LOUPE_TEST_REDIS_URL}, or a redis-server
 * the tests start; database 7, emptied before and after): entries land in Redis, a committed price change is served at once, and a
 * generation moved by another instance is honoured even though this instance still holds the older entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreResponseCacheRedisTests {

	static final String REDIS_URL = redisUrl();
	static final String GENERATION = "loupe:catalog:generation";

	static RedisClient client;
	static StatefulRedisConnection<String, String> connection;
	static RedisCommands<String, String> redis;

	@DynamicPropertySource
	static void sharedCache(DynamicPropertyRegistry registry) {
		registry.add("loupe.redis.url", () -> REDIS_URL);
		// How an operator sees the Redis contributor on its own, at /actuator/health/redis.
		registry.add("management.endpoint.health.show-components", () -> "always");
	}

	@BeforeAll
	static void connect() {
		client = RedisClient.create(REDIS_URL);
		connection = client.connect();
		redis = connection.sync();
		redis.flushdb();
	}

	@AfterAll
	static void cleanUp() {
		redis.flushdb();
		connection.close();
		client.shutdown();
	}

	static String redisUrl() {
		return TestRedis.url();
	}

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
	ApplicationEventPublisher events;

	StoreApiFixture fixture;
	String usRegion;

	@BeforeEach
	void createCatalogue() {
		fixture = StoreApiFixture.create(markets, catalog, prices, clock.instant());
		usRegion = jdbc.sql("select region_id from market.region_country where iso_2 = 'us'").query(String.class).single();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
		events.publishEvent(PricesChanged.all());
	}

	@Test
	void aListingIsStoredInRedisUnderTheSharedGenerationAndServedFromThere() {
		String path = "/store/products?handle=quokka-lamp-" + fixture.run() + "&region_id=" + usRegion;
		Answer answer = get(port, path, fixture.key());
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("count").asLong()).isEqualTo(1);

		String generation = redis.get(GENERATION);
		List<String> keys = redis.keys("loupe:resp:" + generation + "|*handle=quokka-lamp-" + fixture.run() + "&*");
		assertThat(keys).hasSize(1);
		assertThat(redis.get(keys.getFirst())).isEqualTo(answer.raw());
		assertThat(redis.pttl(keys.getFirst())).isBetween(1L, 30_000L);
		assertThat(redis.keys("loupe:count:" + generation + "|*")).isNotEmpty();

		// An entry another instance stored under the current generation is what this instance serves.
		String fromElsewhere = answer.raw().replace("Quokka Lamp " + fixture.run(), "Shared Lamp " + fixture.run());
		redis.set(keys.getFirst(), fromElsewhere, SetArgs.Builder.px(30_000));
		Answer shared = get(port, path, fixture.key());
		assertThat(shared.status()).isEqualTo(200);
		assertThat(shared.body().get("products").get(0).get("title").asString()).isEqualTo("Shared Lamp " + fixture.run());
	}

	@Test
	void aPriceChangeCommittedThroughPriceSetupIsServedAtOnce() {
		String detail = "/store/products/" + fixture.published().productId() + "?region_id=" + usRegion;
		String listing = "/store/products?handle=quokka-lamp-" + fixture.run() + "&region_id=" + usRegion;
		assertThat(detailPrice(detail)).isEqualByComparingTo("40");
		assertThat(listingPrice(listing)).isEqualByComparingTo("40");
		assertThat(detailPrice(detail)).isEqualByComparingTo("40");
		assertThat(listingPrice(listing)).isEqualByComparingTo("40");
		String before = redis.get(GENERATION);
		assertThat(redis.keys("loupe:resp:" + before + "|*" + fixture.published().productId() + "*")).hasSize(1);

		prices.createSale("Flash sale " + fixture.run(), null, clock.instant().minusSeconds(60), null,
				fixture.published().variantIds().stream().map(v -> PriceDraft.of(v, Money.of("35", "USD"))).toList());

		assertThat(Long.parseLong(redis.get(GENERATION))).isGreaterThan(Long.parseLong(before));
		assertThat(detailPrice(detail)).isEqualByComparingTo("35");
		assertThat(listingPrice(listing)).isEqualByComparingTo("35");
	}

	@Test
	void aGenerationMovedByAnotherInstanceIsHonouredOverTheEntryThisOneHolds() {
		String detail = "/store/products/" + fixture.published().productId() + "?region_id=" + usRegion;
		assertThat(detailPrice(detail)).isEqualByComparingTo("40");

		// Another instance commits: the data changes under this one, which hears of it only through the generation.
		jdbc.sql("update pricing.price set amount = 41.5 where variant_id = any(?) and currency_code = 'usd' and price_list_id is null")
			.param(fixture.published().variantIds().toArray(String[]::new))
			.update();
		assertThat(detailPrice(detail)).as("still the cached entry").isEqualByComparingTo("40");
		long moved = redis.incr(GENERATION);
		assertThat(detailPrice(detail)).isEqualByComparingTo("41.5");
		assertThat(redis.keys("loupe:resp:" + moved + "|*" + fixture.published().productId() + "*")).hasSize(1);

		String listing = "/store/products?handle=quokka-lamp-" + fixture.run();
		assertThat(get(port, listing, fixture.key()).body().get("count").asLong()).isEqualTo(1);
		jdbc.sql("update catalog.product set deleted_at = now() where id = ?").param(fixture.published().productId()).update();
		assertThat(get(port, listing, fixture.key()).body().get("count").asLong()).as("still the cached entry").isEqualTo(1);
		redis.incr(GENERATION);
		// A listing this instance has not answered yet reuses no count cached under the older generation.
		assertThat(get(port, listing + "&limit=5", fixture.key()).body().get("count").asLong()).isZero();
		assertThat(get(port, listing, fixture.key()).body().get("count").asLong()).isZero();
	}

	@Test
	void redisHealthIsReportedOutsideReadiness() {
		Answer health = get(port, "/actuator/health/redis", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().get("status").asString()).isEqualTo("UP");
		Answer readiness = get(port, "/actuator/health/readiness", null);
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.body().get("components").has("redis")).isFalse();
	}

	private BigDecimal detailPrice(String path) {
		Answer answer = get(port, path, fixture.key());
		assertThat(answer.status()).isEqualTo(200);
		return answer.body().get("product").get("variants").get(0).get("calculated_price").get("calculated_amount")
			.decimalValue();
	}

	private BigDecimal listingPrice(String path) {
		Answer answer = get(port, path, fixture.key());
		assertThat(answer.status()).isEqualTo(200);
		return answer.body().get("products").get(0).get("variants").get(0).get("calculated_price").get("calculated_amount")
			.decimalValue();
	}
}
