package dev.loupe.storeapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.identity.Tokens;
import dev.loupe.market.MarketSetup;
import dev.loupe.order.Order;
import dev.loupe.order.OrderDraft;
import dev.loupe.order.OrderDrafts;
import dev.loupe.order.Orders;
import dev.loupe.platform.Ids;
import dev.loupe.storeapi.StoreApiTestSupport.Answer;
import dev.loupe.storeapi.StoreCustomers.Shopper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The order routes over real HTTP, with orders placed directly from hand-made drafts (see {@link OrderDrafts} for
 * their amounts) in a sales channel of the test's own, read with that channel's key or another channel's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreOrderApiTests {

	@LocalServerPort
	int port;

	@Autowired
	MarketSetup marketSetup;

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	String channel;
	String key;
	String otherKey;
	StoreCustomers store;

	@BeforeEach
	void setUp() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		channel = marketSetup.createSalesChannel("Order channel " + run, null);
		String otherChannel = marketSetup.createSalesChannel("Order other channel " + run, null);
		key = marketSetup.createPublishableKey("Order key " + run, List.of(channel)).token();
		otherKey = marketSetup.createPublishableKey("Order other key " + run, List.of(otherChannel)).token();
		store = new StoreCustomers(port, key, tokens, jdbc);
	}

	private Order place(OrderDraft draft) {
		return transactions.execute(status -> orders.place(draft));
	}

	private Answer get(String path, String withKey, String token) {
		return StoreApiTestSupport.send(port, "GET", path, withKey, token, null);
	}

	private static JsonNode ok(Answer answer) {
		assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
		assertThat(answer.headers().firstValue("cache-control")).contains("no-store");
		return answer.body();
	}

	@Test
	void anOrderIsReadByItsIdInMedusasShapeWithExactAmounts() {
		Order placed = place(OrderDrafts.us(channel, null, "guest@example.com"));
		JsonNode order = ok(get("/store/orders/" + placed.id(), key, null)).path("order");
		assertThat(order.path("id").asString()).isEqualTo(placed.id());
		assertThat(order.path("display_id").asLong()).isEqualTo(placed.displayId());
		assertThat(order.path("status").asString()).isEqualTo("pending");
		assertThat(order.path("payment_status").asString()).isEqualTo("authorized");
		assertThat(order.path("fulfillment_status").asString()).isEqualTo("not_fulfilled");
		assertThat(order.path("email").asString()).isEqualTo("guest@example.com");
		assertThat(order.path("currency_code").asString()).isEqualTo("usd");
		assertThat(order.path("sales_channel_id").asString()).isEqualTo(channel);
		assertThat(order.path("customer_id").isNull()).isTrue();
		assertThat(order.path("total").decimalValue()).isEqualByComparingTo("46.09");
		assertThat(order.path("subtotal").decimalValue()).isEqualByComparingTo("42.98");
		assertThat(order.path("tax_total").decimalValue()).isEqualByComparingTo("3.11");
		assertThat(order.path("item_total").decimalValue()).isEqualByComparingTo("40.73");
		assertThat(order.path("item_subtotal").decimalValue()).isEqualByComparingTo("37.98");
		assertThat(order.path("item_tax_total").decimalValue()).isEqualByComparingTo("2.75");
		assertThat(order.path("original_item_total").decimalValue()).isEqualByComparingTo("42.88");
		assertThat(order.path("original_total").decimalValue()).isEqualByComparingTo("48.24");
		assertThat(order.path("shipping_total").decimalValue()).isEqualByComparingTo("5.36");
		assertThat(order.path("shipping_subtotal").decimalValue()).isEqualByComparingTo("5");
		assertThat(order.path("shipping_tax_total").decimalValue()).isEqualByComparingTo("0.36");
		assertThat(order.path("discount_total").decimalValue()).isEqualByComparingTo("2");
		assertThat(order.path("discount_tax_total").decimalValue()).isEqualByComparingTo("0.15");
		assertThat(order.path("gift_card_total").asInt()).isZero();
		assertThat(order.path("created_at").asString()).isNotEmpty();

		JsonNode item = order.path("items").get(0);
		assertThat(item.path("id").asString()).startsWith("ordli_");
		assertThat(item.path("quantity").asInt()).isEqualTo(2);
		assertThat(item.path("unit_price").decimalValue()).isEqualByComparingTo("19.99");
		assertThat(item.path("total").decimalValue()).isEqualByComparingTo("40.73");
		assertThat(item.path("subtotal").decimalValue()).isEqualByComparingTo("37.98");
		assertThat(item.path("original_total").decimalValue()).isEqualByComparingTo("42.88");
		assertThat(item.path("discount_total").decimalValue()).isEqualByComparingTo("2");
		assertThat(item.path("thumbnail").asString()).endsWith("/files/lamp.png").startsWith("http");
		assertThat(item.path("tax_lines").get(0).path("rate").decimalValue()).isEqualByComparingTo("7.25");
		assertThat(item.path("tax_lines").get(0).path("total").decimalValue()).isEqualByComparingTo("2.75");
		assertThat(item.path("tax_lines").get(0).path("item_id").asString()).isEqualTo(item.path("id").asString());
		assertThat(item.path("adjustments").get(0).path("amount").decimalValue()).isEqualByComparingTo("2");
		assertThat(item.path("adjustments").get(0).path("code").asString()).isEqualTo("SAVE2");
		assertThat(item.path("detail").path("quantity").asInt()).isEqualTo(2);

		JsonNode method = order.path("shipping_methods").get(0);
		assertThat(method.path("id").asString()).startsWith("ordsm_");
		assertThat(method.path("amount").decimalValue()).isEqualByComparingTo("5");
		assertThat(method.path("total").decimalValue()).isEqualByComparingTo("5.36");
		assertThat(method.path("tax_lines").get(0).path("shipping_method_id").asString())
			.isEqualTo(method.path("id").asString());
		assertThat(order.path("shipping_address").path("address_1").asString()).isEqualTo("1 Main Street");
		assertThat(order.path("billing_address").path("address_1").asString()).isEqualTo("9 Billing Road");

		// The ids of tax lines and adjustments are frozen too: two reads give the same document.
		assertThat(ok(get("/store/orders/" + placed.id(), key, null)).path("order")).isEqualTo(order);
		JsonNode slim = ok(get("/store/orders/" + placed.id() + "?fields=id,total", key, null)).path("order");
		assertThat(slim.propertyNames()).containsExactlyInAnyOrder("id", "total");
	}

	@Test
	void aYenOrderIsInWholeYen() {
		Order placed = place(OrderDrafts.jpy(channel, null, "guest@example.com"));
		JsonNode order = ok(get("/store/orders/" + placed.id(), key, null)).path("order");
		assertThat(order.path("total").toString()).isEqualTo("3600");
		assertThat(order.path("tax_total").toString()).isEqualTo("327");
		assertThat(order.path("shipping_methods").isEmpty()).isTrue();
		assertThat(order.path("shipping_address").isNull()).isTrue();
	}

	@Test
	void unknownMalformedAndOtherChannelOrdersAreNotFound() {
		Order placed = place(OrderDrafts.us(channel, null, "guest@example.com"));
		Answer other = get("/store/orders/" + placed.id(), otherKey, null);
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.type()).isEqualTo("not_found");
		assertThat(other.message()).isEqualTo("Order with id: " + placed.id() + " was not found");
		Answer unknown = get("/store/orders/order_01XXXXXXXXXXXXXXXXXXXXXXXX", key, null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.message()).isEqualTo("Order with id: order_01XXXXXXXXXXXXXXXXXXXXXXXX was not found");
		// An encoded NUL or a 10 KB request line never reaches the routes: the container refuses it with a JSON 400
		// (HostileInputTests); what does reach them is 404.
		for (String nul : new String[] { "%00", "order_%00", placed.id() + "%00", "order_" + "x".repeat(10_000) }) {
			Answer bad = get("/store/orders/" + nul, key, null);
			String shown = nul.substring(0, Math.min(40, nul.length()));
			assertThat(bad.status()).as(shown).isIn(400, 404);
			assertThat(bad.contentType()).as(shown).startsWith("application/json");
			assertThat(bad.raw()).as(shown).doesNotContain(placed.id());
		}
		for (String hostile : new String[] { "x".repeat(4_000), "order_" + "%E2%80%AE".repeat(100), "order_%01%7F",
				placed.id().toLowerCase(Locale.ROOT), placed.id() + "x" }) {
			Answer bad = get("/store/orders/" + hostile, key, null);
			String shown = hostile.substring(0, Math.min(40, hostile.length()));
			assertThat(bad.status()).as(shown).isEqualTo(404);
			assertThat(bad.contentType()).as(shown).startsWith("application/json");
			assertThat(bad.type()).as(shown).isEqualTo("not_found");
			assertThat(bad.raw().length()).as(shown).isLessThan(300);
		}
	}

	@Test
	void aCustomerListsOnlyTheirOwnOrdersNewestFirst() {
		Shopper ada = store.register("ada");
		Shopper bob = store.register("bob");
		List<String> adas = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			adas.add(0, place(OrderDrafts.us(channel, ada.id(), ada.email())).id());
		}
		String bobs = place(OrderDrafts.us(channel, bob.id(), bob.email())).id();
		place(OrderDrafts.us(channel, null, ada.email()));

		JsonNode all = ok(get("/store/orders", key, ada.token()));
		assertThat(all.path("count").asLong()).isEqualTo(3);
		assertThat(all.path("offset").asInt()).isZero();
		assertThat(all.path("limit").asInt()).isEqualTo(50);
		List<String> ids = new ArrayList<>();
		all.path("orders").forEach(o -> ids.add(o.path("id").asString()));
		assertThat(ids).containsExactlyElementsOf(adas).doesNotContain(bobs);
		all.path("orders").forEach(o -> assertThat(o.path("customer_id").asString()).isEqualTo(ada.id()));

		JsonNode page = ok(get("/store/orders?limit=1&offset=1", key, ada.token()));
		assertThat(page.path("orders")).hasSize(1);
		assertThat(page.path("orders").get(0).path("id").asString()).isEqualTo(adas.get(1));
		assertThat(page.path("count").asLong()).isEqualTo(3);
		assertThat(page.path("limit").asInt()).isEqualTo(1);
		assertThat(page.path("offset").asInt()).isEqualTo(1);

		JsonNode bobsList = ok(get("/store/orders", key, bob.token()));
		assertThat(bobsList.path("count").asLong()).isEqualTo(1);
		assertThat(bobsList.path("orders").get(0).path("id").asString()).isEqualTo(bobs);
		// Another channel's key shows none of them.
		assertThat(ok(get("/store/orders", otherKey, ada.token())).path("count").asLong()).isZero();
	}

	@Test
	void aGuestCannotListOrders() {
		place(OrderDrafts.us(channel, null, "guest@example.com"));
		Answer guest = get("/store/orders", key, null);
		assertThat(guest.status()).isEqualTo(401);
		assertThat(guest.type()).isEqualTo("unauthorized");
		Answer forged = get("/store/orders", key, "not-a-token");
		assertThat(forged.status()).isEqualTo(401);
	}

	@Test
	void badPagingIsRefusedNamingTheParameter() {
		Shopper ada = store.register("pager");
		for (String query : new String[] { "limit=-1", "limit=abc", "limit=1001", "offset=-5", "offset=x",
				"limit=99999999999999", "limit=1&limit=2", "fields=%00" }) {
			Answer bad = get("/store/orders?" + query, key, ada.token());
			assertThat(bad.status()).as(query).isEqualTo(400);
			assertThat(bad.type()).as(query).isEqualTo("invalid_data");
			assertThat(bad.message()).as(query).contains(query.substring(0, query.indexOf('=')));
		}
	}
}
