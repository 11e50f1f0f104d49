package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.market.Markets;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.platform.Ids;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The fulfilment panel of an order's page over real HTTP, with an order bought through the Store API: who may act
 * (warehouse and admin; associate and buyer get the 403 page; no session goes to sign-in; no token is refused), a
 * double-submitted form makes one fulfilment, refusals (too many items, hostile quantities, a delivered fulfilment
 * canceled, a label without EasyPost) are messages on the page and never server faults, and each change is audited
 * and moves the order along (shipping email with the tracking number typed in).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeFulfillmentTests {

	private static final String PASSWORD = "a long staff passphrase";
	private static final Pattern KEY = Pattern.compile("name=\"idempotency_key\" value=\"([A-Za-z0-9]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Orders orders;

	@Autowired
	Markets markets;

	@Autowired
	JdbcClient jdbc;

	final Map<StaffRole, String> emails = new EnumMap<>(StaffRole.class);

	@BeforeEach
	void staffOfEachRole() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		for (StaffRole role : List.of(StaffRole.WAREHOUSE, StaffRole.ASSOCIATE, StaffRole.BUYER)) {
			String email = "ful-" + role.code() + "-" + run + "@loupe.test";
			staff.create(email, PASSWORD, role, "Test", role.code());
			emails.put(role, email);
		}
	}

	@Test
	void theWarehouseFulfilsShipsAndDeliversAndEveryRefusalIsAMessage() {
		DemoPurchases store = new DemoPurchases(port, jdbc, markets.firstPublishableKeyToken().orElseThrow());
		DemoPurchases.Placed placed = store.buy("wanda.warehouse-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT)
				+ "@example.com", "Wanda", 3);
		Order order = orders.find(placed.id()).orElseThrow();
		String line = order.items().getFirst().id();
		String page = "/app/orders/" + order.id();
		String create = page + "/fulfillments";

		// Nobody signed in: to the sign-in page; associate and buyer: the 403 page.
		Page anonymous = new BackOfficeClient(port).post(create, Map.of("quantity_" + line, "1"));
		assertThat(anonymous.status()).isEqualTo(303);
		assertThat(anonymous.header("Location")).isEqualTo("/app/login");
		for (StaffRole role : List.of(StaffRole.ASSOCIATE, StaffRole.BUYER)) {
			BackOfficeClient other = signedIn(role);
			Page refused = other.submit(create, Map.of("quantity_" + line, "1", "idempotency_key", "k".repeat(20)));
			assertThat(refused.status()).as(role.code()).isEqualTo(403);
			assertThat(refused.body()).contains("You don't have access to this");
		}
		BackOfficeClient associate = signedIn(StaffRole.ASSOCIATE);
		assertThat(associate.get(page).body()).as("who may not fulfil sees no button").contains("id=\"fulfilment\"")
			.doesNotContain("Create fulfilment").contains("To fulfil");

		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		Page shown = warehouse.get(page);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("Nothing fulfilled yet").contains("Create fulfilment")
			.contains("name=\"quantity_" + line + "\" value=\"3\"");
		String key = key(shown.body());

		// Without the session's token: refused.
		Page forged = warehouse.post(create, Map.of("quantity_" + line, "1", "idempotency_key", key));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(fulfilments(order.id())).isZero();

		// A double submit of one form: one fulfilment, audited once.
		Map<String, String> form = Map.of("quantity_" + line, "2", "location_id", "", "idempotency_key", key);
		Page first = warehouse.submit(create, form);
		Page second = warehouse.submit(create, form);
		for (Page p : List.of(first, second)) {
			assertThat(p.status()).isEqualTo(302);
			assertThat(p.header("Location")).endsWith(page + "#fulfilment");
		}
		assertThat(fulfilments(order.id())).isEqualTo(1);
		assertThat(audited(order.id(), "fulfillment.created")).isEqualTo(1);
		Page after = warehouse.get(page);
		assertThat(after.body()).contains("Fulfilment created for 2 items.").contains("Fulfilment 1")
			.contains("Labels need EasyPost");
		assertThat(orders.find(order.id()).orElseThrow().fulfillmentStatus()).isEqualTo("partially_fulfilled");

		// More than is left, no quantity, hostile quantities and locations: a message, nothing created.
		List<Map<String, String>> bad = List.of(
				Map.of("quantity_" + line, "2"),
				Map.of("quantity_" + line, "0"),
				Map.of("quantity_" + line, "-1"),
				Map.of("quantity_" + line, "99999999999999999999"),
				Map.of("quantity_" + line, "1\u0000"),
				Map.of("quantity_" + line, "1", "location_id", "sloc_" + "x".repeat(500)),
				Map.of("quantity_" + line, "1", "location_id", "sloc_nowhere"));
		for (Map<String, String> values : bad) {
			Map<String, String> withKey = new LinkedHashMap<>(values);
			withKey.put("idempotency_key", key(warehouse.get(page).body()));
			Page refused = warehouse.submit(create, withKey);
			assertThat(refused.status()).as(values.toString()).isEqualTo(302);
			assertThat(warehouse.get(page).body()).as(values.toString()).contains("flash error");
		}
		Page over = warehouse.submit(create, Map.of("quantity_" + line, "2", "idempotency_key",
				key(warehouse.get(page).body())));
		assertThat(over.status()).isEqualTo(302);
		assertThat(warehouse.get(page).body()).contains("Cannot fulfil 2 of line " + line + ": 1 of 3 are left");
		assertThat(warehouse.submit(create, Map.of("quantity_" + line, "1")).status()).as("no key").isEqualTo(302);
		assertThat(warehouse.get(page).body()).contains("This form is incomplete");
		assertThat(fulfilments(order.id())).isEqualTo(1);

		String ful = jdbc.sql("select id from fulfillment.fulfillment where order_id = ?").param(order.id())
			.query(String.class).single();
		String actions = page + "/fulfillments/" + ful;

		// No EasyPost in tests: buying a label is refused with the reason.
		warehouse.get(page);
		assertThat(warehouse.submit(actions + "/label", Map.of()).status()).isEqualTo(302);
		assertThat(warehouse.get(page).body()).contains("EasyPost is not configured");

		// Shipped with a carrier and number typed in: a tracking link, the shipping email, the audit entry.
		assertThat(warehouse.submit(actions + "/ship", Map.of("carrier", "USPS", "tracking_number",
				"bad\u0000number")).status()).isEqualTo(302);
		assertThat(warehouse.get(page).body()).contains("flash error");
		assertThat(warehouse.submit(actions + "/ship", Map.of("carrier", "USPS", "tracking_number",
				"9400111899223344556677", "tracking_url", "")).status()).isEqualTo(302);
		String shipped = warehouse.get(page).body();
		assertThat(shipped).contains("Fulfilment marked shipped with tracking number 9400111899223344556677.")
			.contains("href=\"https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677\"");
		assertThat(state(ful)).isEqualTo("shipped");
		assertThat(audited(order.id(), "fulfillment.shipped")).isEqualTo(1);
		assertThat(orders.find(order.id()).orElseThrow().fulfillmentStatus()).isEqualTo("partially_shipped");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from notification.message where recipient = ? and template = 'shipping-confirmation'
				and body_text like '%9400111899223344556677%'""").param(placed.email()).query(Long.class).single() == 1);

		// Shipping again changes nothing; delivered; a delivered fulfilment cannot be canceled.
		warehouse.submit(actions + "/ship", Map.of("carrier", "UPS", "tracking_number", "1Z999"));
		assertThat(audited(order.id(), "fulfillment.shipped")).isEqualTo(1);
		warehouse.get(page);
		warehouse.submit(actions + "/deliver", Map.of());
		assertThat(state(ful)).isEqualTo("delivered");
		assertThat(warehouse.get(page).body()).contains("Fulfilment marked delivered.");
		warehouse.submit(actions + "/cancel", Map.of());
		assertThat(warehouse.get(page).body()).contains("cannot go from delivered to canceled");
		assertThat(state(ful)).isEqualTo("delivered");

		// The last item: fulfilled, then the fulfilment is canceled and the item is left to fulfil again.
		warehouse.submit(create, Map.of("quantity_" + line, "1", "idempotency_key", key(warehouse.get(page).body())));
		String second2 = jdbc.sql("select id from fulfillment.fulfillment where order_id = ? and status = 'created'")
			.param(order.id()).query(String.class).single();
		assertThat(warehouse.get(page).body()).contains("Fulfilment 2").contains("cancel-" + second2);
		warehouse.submit(page + "/fulfillments/" + second2 + "/cancel", Map.of());
		assertThat(state(second2)).isEqualTo("canceled");
		assertThat(audited(order.id(), "fulfillment.canceled")).isEqualTo(1);
		assertThat(warehouse.get(page).body()).contains("Fulfilment canceled").contains("name=\"quantity_" + line
				+ "\" value=\"1\"");

		// Another order's fulfilment is not found under this order.
		DemoPurchases.Placed other = store.buy("other-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT)
				+ "@example.com", "Otto", 1);
		warehouse.get(page);
		Page elsewhere = warehouse.submit("/app/orders/" + other.id() + "/fulfillments/" + ful + "/cancel", Map.of());
		assertThat(elsewhere.status()).isEqualTo(404);
		assertThat(state(ful)).isEqualTo("delivered");
	}

	private BackOfficeClient signedIn(StaffRole role) {
		BackOfficeClient client = new BackOfficeClient(port);
		assertThat(client.signIn(emails.get(role), PASSWORD).status()).isEqualTo(302);
		client.get("/app/orders");
		return client;
	}

	private static String key(String body) {
		Matcher m = KEY.matcher(body);
		assertThat(m.find()).as("the page has a form key").isTrue();
		return m.group(1);
	}

	private long fulfilments(String orderId) {
		return jdbc.sql("select count(*) from fulfillment.fulfillment where order_id = ?").param(orderId)
			.query(Long.class).single();
	}

	private String state(String fulfillmentId) {
		return jdbc.sql("select status from fulfillment.fulfillment where id = ?").param(fulfillmentId)
			.query(String.class).single();
	}

	private long audited(String orderId, String action) {
		return jdbc.sql("select count(*) from audit.entry where action = ? and resource_id = ?").params(action, orderId)
			.query(Long.class).single();
	}
}
