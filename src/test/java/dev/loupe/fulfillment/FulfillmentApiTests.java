package dev.loupe.fulfillment;

import static dev.loupe.fulfillment.Shop.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.audit.AuditLog;
import dev.loupe.catalog.CatalogImport;
import dev.loupe.fulfillment.Shop.Answer;
import dev.loupe.identity.SecretApiKeys;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.order.OrderChange;
import dev.loupe.order.Orders;
import dev.loupe.pricing.PriceSetup;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Fulfilments through the Admin API of orders bought through the Store API's checkout: quantities, the state
 * machine, the order's fulfilment status, idempotent creation and the stock that leaves the warehouse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.test.context.event.RecordApplicationEvents
class FulfillmentApiTests {

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	@Autowired
	Fulfillments fulfillments;

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
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	Shop shop;

	@BeforeEach
	void openShop() {
		shop = new Shop(port, markets, marketSetup, catalog, prices, stock, keys);
	}

	@Test
	void partialFulfilmentsShipAndDeliverAndTheOrderFollows() {
		JsonNode order = shop.order(items(shop.lamp, 2, shop.shade, 1));
		String id = order.path("id").asString();
		assertThat(order.path("fulfillment_status").asString()).isEqualTo("not_fulfilled");
		assertThat(level(shop.lamp)).containsExactly(20, 2);

		JsonNode first = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments",
				body(line(order, shop.lamp), 1, shop.location)));
		assertThat(first.path("fulfillment").path("status").asString()).isEqualTo("created");
		assertThat(first.path("fulfillment").path("location_id").asString()).isEqualTo(shop.location);
		assertThat(first.path("order").path("fulfillment_status").asString()).isEqualTo("partially_fulfilled");
		String f1 = first.path("fulfillment").path("id").asString();

		JsonNode second = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", """
				{"items": [{"id": "%s", "quantity": 1}, {"id": "%s", "quantity": 1}]}"""
			.formatted(line(order, shop.lamp), line(order, shop.shade))));
		assertThat(second.path("order").path("fulfillment_status").asString()).isEqualTo("fulfilled");
		// Without location_id: the location holding the order's reservations.
		assertThat(second.path("fulfillment").path("location_id").asString()).isEqualTo(shop.location);
		String f2 = second.path("fulfillment").path("id").asString();
		assertThat(level(shop.lamp)).as("nothing leaves before shipping").containsExactly(20, 2);

		JsonNode shipped = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f1 + "/shipments", """
				{"tracking_number": "1Z999AA10123456784", "carrier": "UPS",
				 "tracking_url": "https://track.example.com/1Z999AA10123456784"}"""));
		assertThat(shipped.path("fulfillment").path("status").asString()).isEqualTo("shipped");
		assertThat(shipped.path("fulfillment").path("tracking_number").asString()).isEqualTo("1Z999AA10123456784");
		assertThat(shipped.path("fulfillment").path("carrier").asString()).isEqualTo("UPS");
		assertThat(shipped.path("order").path("fulfillment_status").asString()).isEqualTo("partially_shipped");
		assertThat(level(shop.lamp)).as("one lamp left the shelf and its reservation").containsExactly(19, 1);

		assertThat(ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f2 + "/shipments", "{}"))
			.path("order").path("fulfillment_status").asString()).isEqualTo("shipped");
		assertThat(level(shop.lamp)).containsExactly(18, 0);
		assertThat(level(shop.shade)).containsExactly(19, 0);

		assertThat(ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f1 + "/mark-as-delivered", null))
			.path("order").path("fulfillment_status").asString()).isEqualTo("partially_delivered");
		JsonNode delivered = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f2 + "/mark-as-delivered",
				null));
		assertThat(delivered.path("order").path("fulfillment_status").asString()).isEqualTo("delivered");
		assertThat(delivered.path("fulfillment").path("delivered_at").isNull()).isFalse();

		assertThat(orders.history(id).stream().filter(c -> c.field().equals("fulfillment_status")).map(OrderChange::to))
			.containsExactly("not_fulfilled", "partially_fulfilled", "fulfilled", "partially_shipped", "shipped",
					"partially_delivered", "delivered");
		assertThat(audit.forResource("order", id, 20).stream().map(e -> e.action()))
			.contains("fulfillment.created", "fulfillment.shipped", "fulfillment.delivered");
		JsonNode list = ok(shop.admin("GET", "/admin/orders/" + id + "/fulfillments", null));
		assertThat(list.path("fulfillments").size()).isEqualTo(2);
	}

	@Test
	void eachStepPublishesWhatTheEmailsNeed() {
		JsonNode order = shop.order(items(shop.lamp, 1));
		String id = order.path("id").asString();
		Fulfillment f = fulfillments.create(id, List.of(new Fulfillments.Request(line(order, shop.lamp), 1)), null, null,
				"staff:test");
		fulfillments.ship(f.id(), new Tracking("TRK1", "DHL", "https://track.example.com/TRK1"), "staff:test");
		fulfillments.deliver(f.id(), "staff:test");
		fulfillments.deliver(f.id(), "staff:test");
		assertThat(events.stream(FulfillmentCreated.class)).singleElement()
			.satisfies(e -> assertThat(e.locationId()).isEqualTo(shop.location));
		ShipmentShipped shipped = events.stream(ShipmentShipped.class).toList().getFirst();
		assertThat(shipped).isEqualTo(new ShipmentShipped(f.id(), id, order.path("display_id").asLong(),
				"shopper@example.com", "TRK1", "https://track.example.com/TRK1", "DHL", f.items()));
		assertThat(events.stream(ShipmentDelivered.class)).as("delivered once").singleElement()
			.satisfies(e -> assertThat(e.trackingNumber()).isEqualTo("TRK1"));
	}

	@Test
	void moreThanIsLeftToFulfilIsRefusedWith400() {
		JsonNode order = shop.order(items(shop.lamp, 2));
		String id = order.path("id").asString();
		String lamp = line(order, shop.lamp);
		refused(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body(lamp, 3, null)), 400, "2 of 2 are left");
		String f = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body(lamp, 2, null)))
			.path("fulfillment").path("id").asString();
		refused(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body(lamp, 1, null)), 400, "0 of 2 are left");

		// A canceled fulfilment gives its quantities back.
		JsonNode canceled = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments/" + f + "/cancel", null));
		assertThat(canceled.path("fulfillment").path("status").asString()).isEqualTo("canceled");
		assertThat(canceled.path("order").path("fulfillment_status").asString()).isEqualTo("not_fulfilled");
		assertThat(ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body(lamp, 2, null)))
			.path("order").path("fulfillment_status").asString()).isEqualTo("fulfilled");
	}

	@Test
	void badRequestsAreClientErrors() {
		JsonNode order = shop.order(items(shop.lamp, 1));
		String id = order.path("id").asString();
		String path = "/admin/orders/" + id + "/fulfillments";
		refused(shop.admin("POST", path, "{}"), 400, "items");
		refused(shop.admin("POST", path, "{\"items\": []}"), 400, "items");
		refused(shop.admin("POST", path, body("ordli_unknown", 1, null)), 400, "no line");
		refused(shop.admin("POST", path, body(line(order, shop.lamp), 0, null)), 400, "quantity");
		refused(shop.admin("POST", path, "{\"items\": [{\"id\": \"" + line(order, shop.lamp)
				+ "\", \"quantity\": 100000000000000000000}]}"), 400, "quantity");
		refused(shop.admin("POST", path, "{\"items\": [{\"id\": \"a\\u0000b\", \"quantity\": 1}]}"), 400, "NUL");
		refused(shop.admin("POST", path, "{\"items\": [{\"id\": \"" + "x".repeat(5000) + "\", \"quantity\": 1}]}"),
				400, "at most");
		refused(shop.admin("POST", path, body(line(order, shop.lamp), 1, "sloc_nowhere")), 400, "stock location");
		refused(shop.admin("POST", "/admin/orders/order_nope/fulfillments", body("ordli_x", 1, null)), 404, "order");
		refused(shop.admin("POST", path + "/ful_nope/shipments", "{}"), 404, "fulfillment");
		String f = ok(shop.admin("POST", path, body(line(order, shop.lamp), 1, null))).path("fulfillment").path("id")
			.asString();
		refused(shop.admin("POST", path + "/" + f + "/shipments", "{\"tracking_url\": \"javascript:alert(1)\"}"), 400,
				"tracking_url");
		// Another order's fulfilment is not found under this order.
		String other = shop.order(items(shop.shade, 1)).path("id").asString();
		refused(shop.admin("POST", "/admin/orders/" + other + "/fulfillments/" + f + "/mark-as-delivered", null), 404,
				"fulfillment");
	}

	@Test
	void concurrentCreatesCannotBothTakeTheLastUnits() throws Exception {
		JsonNode order = shop.order(items(shop.lamp, 3));
		String id = order.path("id").asString();
		String body = body(line(order, shop.lamp), 2, null);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<Integer> statuses;
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
			List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body).status();
				}));
			}
			start.countDown();
			statuses = new java.util.ArrayList<>();
			for (var call : calls) {
				statuses.add(call.get());
			}
		}
		assertThat(statuses).containsExactlyInAnyOrder(200, 400, 400, 400);
		assertThat(orders.find(id).orElseThrow().fulfillmentStatus()).isEqualTo("partially_fulfilled");
	}

	@Test
	void aRepeatedCreateWithTheSameKeyReturnsTheFirstFulfilment() {
		JsonNode order = shop.order(items(shop.lamp, 2));
		String id = order.path("id").asString();
		String body = body(line(order, shop.lamp), 1, null);
		Map<String, String> key = Map.of("Idempotency-Key", "pick-" + id);
		JsonNode first = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body, key));
		JsonNode again = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body, key));
		assertThat(again.path("fulfillment").path("id").asString())
			.isEqualTo(first.path("fulfillment").path("id").asString());
		assertThat(ok(shop.admin("GET", "/admin/orders/" + id + "/fulfillments", null)).path("fulfillments").size())
			.isEqualTo(1);
		assertThat(again.path("order").path("fulfillment_status").asString()).isEqualTo("partially_fulfilled");
		refused(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body, Map.of("Idempotency-Key", " ")), 400,
				"Idempotency-Key");
	}

	@Test
	void theStateMachineOnlyMovesForward() {
		JsonNode order = shop.order(items(shop.lamp, 2));
		String id = order.path("id").asString();
		String path = "/admin/orders/" + id + "/fulfillments/";
		String a = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body(line(order, shop.lamp), 1, null)))
			.path("fulfillment").path("id").asString();
		String b = ok(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body(line(order, shop.lamp), 1, null)))
			.path("fulfillment").path("id").asString();

		ok(shop.admin("POST", path + a + "/shipments", "{}"));
		assertThat(ok(shop.admin("POST", path + a + "/shipments", "{}")).path("fulfillment").path("status").asString())
			.as("shipping twice is a no-op").isEqualTo("shipped");
		assertThat(level(shop.lamp)).as("stock left once").containsExactly(19, 1);
		refused(shop.admin("POST", path + a + "/cancel", null), 400, "cannot go from shipped to canceled");
		ok(shop.admin("POST", path + a + "/mark-as-delivered", null));
		ok(shop.admin("POST", path + a + "/mark-as-delivered", null));
		refused(shop.admin("POST", path + a + "/shipments", "{}"), 400, "cannot go from delivered to shipped");

		// Delivered straight from created (handed over at the counter): the stock leaves on the way.
		JsonNode handed = ok(shop.admin("POST", path + b + "/mark-as-delivered", null));
		assertThat(handed.path("fulfillment").path("shipped_at").isNull()).isFalse();
		assertThat(handed.path("order").path("fulfillment_status").asString()).isEqualTo("delivered");
		assertThat(level(shop.lamp)).containsExactly(18, 0);
		refused(shop.admin("POST", path + b + "/cancel", null), 400, "cannot go from delivered to canceled");
		refused(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body(line(order, shop.lamp), 1, null)), 400,
				"0 of 2 are left");
	}

	@Test
	void aCanceledOrderCannotBeFulfilledAndAFulfilledOneCannotBeCanceled() {
		JsonNode order = shop.order(items(shop.lamp, 1));
		String id = order.path("id").asString();
		orders.cancel(id, "changed my mind", "test");
		refused(shop.admin("POST", "/admin/orders/" + id + "/fulfillments", body(line(order, shop.lamp), 1, null)), 400,
				"cannot be fulfilled");

		JsonNode kept = shop.order(items(shop.lamp, 1));
		ok(shop.admin("POST", "/admin/orders/" + kept.path("id").asString() + "/fulfillments",
				body(line(kept, shop.lamp), 1, null)));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> orders.cancel(kept.path("id").asString(), "late", "test"))
			.hasMessageContaining("fulfilled");
	}

	// ---------------------------------------------------------------- helpers

	private List<Integer> level(String variant) {
		return jdbc.sql("select stocked_quantity, reserved_quantity from inventory.inventory_level where variant_id = ? and location_id = ?")
			.params(variant, shop.location)
			.query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	private static Map<String, Integer> items(Object... pairs) {
		Map<String, Integer> m = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.put((String) pairs[i], (Integer) pairs[i + 1]);
		}
		return m;
	}

	private static String line(JsonNode order, String variant) {
		for (JsonNode item : order.path("items")) {
			if (item.path("variant_id").asString().equals(variant)) {
				return item.path("id").asString();
			}
		}
		throw new AssertionError("No line of " + variant + " in " + order);
	}

	private static String body(String lineId, int quantity, String location) {
		return "{\"items\": [{\"id\": \"" + lineId + "\", \"quantity\": " + quantity + "}]"
				+ (location == null ? "" : ", \"location_id\": \"" + location + "\"") + "}";
	}

	private static void refused(Answer answer, int status, String naming) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
		assertThat(answer.body().path("message").asString()).as(answer.raw()).containsIgnoringCase(naming);
	}
}
