package dev.loupe.fulfillment;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.loupe.catalog.CatalogImport;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.order.Orders;
import dev.loupe.pricing.PriceSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code LOUPE_AUTO_LABELS=true}: a placed order is fulfilled and its label bought by a durable background task after
 * the checkout committed, against WireMock playing EasyPost; the task running again buys nothing more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own configuration: closed after the class, so its scheduler does not run other contexts' tasks (one database).
@org.springframework.test.annotation.DirtiesContext
class AutoLabelTests {

	static final EasyPostStub EASYPOST = new EasyPostStub();

	@DynamicPropertySource
	static void easyPost(DynamicPropertyRegistry registry) {
		registry.add("loupe.easypost.api-key", () -> "EZTK_test_key");
		registry.add("loupe.easypost.api-base", EASYPOST::url);
		registry.add("loupe.easypost.timeout", () -> "5s");
		registry.add("loupe.easypost.auto-labels", () -> "true");
		registry.add("loupe.warehouse.zip", () -> "94104");
	}

	@AfterAll
	static void stopEasyPost() {
		EASYPOST.stop();
	}

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
	SecretApiKeys keys;

	@Autowired
	Orders orders;

	@Autowired
	Fulfillments fulfillments;

	@Autowired
	SchedulerClient scheduler;

	@Autowired
	@Qualifier("autoLabelTask")
	OneTimeTask<Void> autoLabelTask;

	@Test
	void aPlacedOrderIsFulfilledAndLabelledOnceInTheBackground() {
		Shop shop = new Shop(port, markets, marketSetup, catalog, prices, stock, keys);
		JsonNode order = shop.order(Map.of(shop.lamp, 2, shop.shade, 1));
		String id = order.path("id").asString();
		assertThat(order.path("fulfillment_status").asString()).as("not inside the checkout").isEqualTo("not_fulfilled");

		await().atMost(Duration.ofSeconds(60)).until(() -> fulfillments.forOrder(id).stream().anyMatch(Fulfillment::hasLabel));
		List<Fulfillment> all = fulfillments.forOrder(id);
		assertThat(all).hasSize(1);
		Fulfillment f = all.getFirst();
		assertThat(f.items()).extracting(FulfillmentItem::quantity).containsExactlyInAnyOrder(2, 1);
		assertThat(f.tracking().number()).isEqualTo(EasyPostStub.TRACKING + f.shipmentId());
		// The order shipped by a flat option, which names no carriers: the cheapest rate of all, UPS Ground.
		EASYPOST.server.verify(postRequestedFor(urlPathMatching("/v2/shipments/" + f.shipmentId() + "/buy"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("rate_ups_ground")));
		assertThat(orders.find(id).orElseThrow().fulfillmentStatus()).isEqualTo("fulfilled");
		assertThat(buys(f.shipmentId())).isEqualTo(1);

		// The job runs again (a retry, a second instance): nothing more is created or bought.
		assertThat(scheduler.scheduleIfNotExists(autoLabelTask.instance(id), Instant.now())).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> scheduler.getScheduledExecution(autoLabelTask.instance(id)).isEmpty());
		assertThat(fulfillments.forOrder(id)).hasSize(1);
		assertThat(buys(f.shipmentId())).isEqualTo(1);
	}

	private static int buys(String shipment) {
		return EASYPOST.server.findAll(postRequestedFor(urlPathMatching("/v2/shipments/" + shipment + "/buy"))).size();
	}
}
