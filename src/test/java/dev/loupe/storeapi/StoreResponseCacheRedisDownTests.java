package dev.loupe.storeapi;

import static dev.loupe.storeapi.StoreApiTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.catalog.CatalogImport;
import dev.loupe.market.MarketSetup;
import dev.loupe.platform.AdjustableClock;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code REDIS_URL} names a Redis that does not answer: the Store API still answers every request, with fresh prices,
 * warns once rather than per request, and reports Redis down (in the overall health, and on its own with components
 * shown) without leaving readiness or liveness.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loupe.redis.url=redis://127.0.0.1:1/7", "management.endpoint.health.show-components=always" })
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class StoreResponseCacheRedisDownTests {

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

	@Test
	void requestsAreAnsweredWithoutTheCacheAndPricesStayFresh(CapturedOutput output) {
		StoreApiFixture fixture = StoreApiFixture.create(markets, catalog, prices, clock.instant());
		String usRegion = jdbc.sql("select region_id from market.region_country where iso_2 = 'us'").query(String.class).single();
		String detail = "/store/products/" + fixture.published().productId() + "?region_id=" + usRegion;
		String listing = "/store/products?handle=quokka-lamp-" + fixture.run() + "&region_id=" + usRegion;
		for (int i = 0; i < 5; i++) {
			Answer answer = get(port, listing, fixture.key());
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body().get("count").asLong()).isEqualTo(1);
			assertThat(price(get(port, detail, fixture.key()))).isEqualByComparingTo("40");
		}

		prices.createSale("Flash sale " + fixture.run(), null, clock.instant().minusSeconds(60), null,
				fixture.published().variantIds().stream().map(v -> PriceDraft.of(v, Money.of("35", "USD"))).toList());
		assertThat(price(get(port, detail, fixture.key()))).isEqualByComparingTo("35");

		assertThat(output.getAll().split("does not answer", -1).length - 1).as("warnings about Redis").isLessThanOrEqualTo(1);
	}

	@Test
	void redisIsReportedDownWhileTheInstanceStaysLiveAndReady() {
		Answer health = get(port, "/actuator/health/redis", null);
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.body().get("status").asString()).isEqualTo("DOWN");
		assertThat(get(port, "/actuator/health", null).status()).isEqualTo(503);
		assertThat(get(port, "/actuator/health/readiness", null).status()).isEqualTo(200);
		assertThat(get(port, "/actuator/health/liveness", null).status()).isEqualTo(200);
	}

	private static BigDecimal price(Answer answer) {
		assertThat(answer.status()).isEqualTo(200);
		return answer.body().get("product").get("variants").get(0).get("calculated_price").get("calculated_amount")
			.decimalValue();
	}
}
