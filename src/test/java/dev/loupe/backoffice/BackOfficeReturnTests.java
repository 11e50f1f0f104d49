package dev.loupe.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.backoffice.BackOfficeClient.Page;
import dev.loupe.fulfillment.Fulfillment;
import dev.loupe.fulfillment.Fulfillments;
import dev.loupe.fulfillment.Returns;
import dev.loupe.fulfillment.Tracking;
import dev.loupe.identity.StaffAccounts;
import dev.loupe.identity.StaffRole;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.Markets;
import dev.loupe.order.Order;
import dev.loupe.order.Orders;
import dev.loupe.payment.Payment;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Money;
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
 * Returns and the resent confirmation on an order's page over real HTTP, with an order bought through the Store API,
 * captured and partly delivered: roles without {@code ORDERS_WRITE} get the 403 page; more than was delivered, a
 * refund above the items' value or above what is captured and not refunded, unknown reasons, hostile text and moves
 * out of order are refused with a 400 page and change nothing; a double-submitted form makes one return; receiving it
 * restocks (a ledger movement with the reason "return") and refunds once; every change is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackOfficeReturnTests {

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
	Fulfillments fulfillments;

	@Autowired
	PaymentCollections payments;

	@Autowired
	StockSetup stock;

	@Autowired
	JdbcClient jdbc;

	final Map<StaffRole, String> emails = new EnumMap<>(StaffRole.class);

	@BeforeEach
	void staffOfEachRole() {
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		for (StaffRole role : List.of(StaffRole.WAREHOUSE, StaffRole.ASSOCIATE, StaffRole.BUYER)) {
			String email = "ret-" + role.code() + "-" + run + "@loupe.test";
			staff.create(email, PASSWORD, role, "Test", role.code());
			emails.put(role, email);
		}
	}

	/** An order of 3 units, captured in full, 2 of them delivered. */
	private Order deliveredOrder(String name) {
		DemoPurchases store = new DemoPurchases(port, jdbc, markets.firstPublishableKeyToken().orElseThrow());
		DemoPurchases.Placed placed = store.buy(name + "-" + Ids.next("t").substring(2).toLowerCase(Locale.ROOT)
				+ "@example.com", name, 3);
		Order order = orders.find(placed.id()).orElseThrow();
		Payment payment = payment(order);
		payments.capture(payment.id(), payment.amount(), "t-capture-" + order.id());
		Fulfillment f = fulfillments.create(order.id(),
				List.of(new Fulfillments.Request(order.items().getFirst().id(), 2)), null, null, "test");
		fulfillments.ship(f.id(), new Tracking("1Z" + order.displayId(), "UPS", null), "test");
		fulfillments.deliver(f.id(), "test");
		return orders.find(order.id()).orElseThrow();
	}

	@Test
	void returnsAreCheckedRestockedRefundedOnceAndAudited() {
		Order order = deliveredOrder("Rita");
		String line = order.items().getFirst().id();
		String variant = order.items().getFirst().variantId();
		String page = "/app/orders/" + order.id();
		String create = page + "/returns";
		String location = stock.createLocation("Returns desk " + Ids.next("t").substring(2, 10), null);

		// Roles without ORDERS_WRITE: the 403 page; nobody signed in: sign-in.
		assertThat(new BackOfficeClient(port).post(create, Map.of("return_" + line, "1")).status()).isEqualTo(303);
		for (StaffRole role : List.of(StaffRole.WAREHOUSE, StaffRole.BUYER)) {
			BackOfficeClient other = signedIn(role);
			Page refused = other.submit(create, Map.of("return_" + line, "1", "reason", "damaged", "idempotency_key",
					"k".repeat(20)));
			assertThat(refused.status()).as(role.code()).isEqualTo(403);
			for (String action : List.of("/returns/ret_x/receive", "/returns/ret_x/close", "/returns/ret_x/cancel",
					"/resend-confirmation")) {
				assertThat(other.submit(page + action, Map.of()).status()).as(action).isEqualTo(403);
			}
		}
		assertThat(signedIn(StaffRole.WAREHOUSE).get(page).body()).contains("id=\"returns\"")
			.doesNotContain("Create return");

		BackOfficeClient associate = signedIn(StaffRole.ASSOCIATE);
		Page shown = associate.get(page);
		assertThat(shown.body()).contains("No returns").contains("Create return")
			.contains("name=\"return_" + line + "\" value=\"0\" min=\"0\" max=\"2\"");

		// Refusals: a 400 page with the reason, nothing created.
		// One of the line's three units: a third of its total (after discounts, with tax).
		Money unit = Returns.value(order, List.of(new Returns.Request(line, 1)));
		assertThat(unit.isPositive()).isTrue();
		assertThat(unit.times(3).minus(order.items().getFirst().amounts().total()).amount().abs())
			.isLessThanOrEqualTo(new java.math.BigDecimal("0.02"));
		List<Map<String, String>> bad = List.of(
				Map.of("return_" + line, "3", "reason", "damaged"),
				Map.of("return_" + line, "0", "reason", "damaged"),
				Map.of("return_" + line, "-1", "reason", "damaged"),
				Map.of("return_" + line, "99999999999999999999", "reason", "damaged"),
				Map.of("return_" + line, "1", "reason", "bored"),
				Map.of("return_" + line, "1", "reason", "damaged", "note", "bad\u0000note"),
				Map.of("return_" + line, "1", "reason", "damaged", "note", "x".repeat(501)),
				Map.of("return_" + line, "1", "reason", "damaged", "location_id", "sloc_nowhere"),
				Map.of("return_" + line, "1", "reason", "damaged", "refund", "on", "refund_amount", "-5"),
				Map.of("return_" + line, "1", "reason", "damaged", "refund", "on", "refund_amount",
						unit.plus(Money.of("0.01", order.currencyCode())).amount().toPlainString()));
		for (Map<String, String> values : bad) {
			Map<String, String> form = new LinkedHashMap<>(values);
			form.put("idempotency_key", key(associate.get(page).body()));
			Page refused = associate.submit(create, form);
			assertThat(refused.status()).as(values.toString()).isEqualTo(400);
			assertThat(refused.body()).as(values.toString()).contains("flash error");
		}
		Page over = associate.submit(create, Map.of("return_" + line, "3", "reason", "damaged", "idempotency_key",
				key(associate.get(page).body())));
		assertThat(over.body()).contains("Cannot return 3 of").contains("2 shipped and not returned yet");
		assertThat(returns(order.id())).isZero();

		// The good path: a double-submitted form is one return of one unit, restocked and refunded on receipt.
		Map<String, String> form = Map.of("return_" + line, "1", "reason", "damaged", "note", "Cracked lens",
				"location_id", location, "refund", "on", "refund_amount", "", "idempotency_key",
				key(associate.get(page).body()));
		for (int i = 0; i < 2; i++) {
			Page created = associate.submit(create, form);
			assertThat(created.status()).isEqualTo(302);
			assertThat(created.header("Location")).endsWith(page + "#returns");
		}
		assertThat(returns(order.id())).isEqualTo(1);
		assertThat(audited(order.id(), "order.return_created")).isEqualTo(1);
		String ret = jdbc.sql("select id from fulfillment.order_return where order_id = ?").param(order.id())
			.query(String.class).single();
		String body = associate.get(page).body();
		assertThat(body).contains("Return 1").contains("Cracked lens").contains("Return 1 requested")
			.contains("name=\"return_" + line + "\" value=\"0\" min=\"0\" max=\"1\"");

		// Out of order: closing a requested return is refused.
		Page early = associate.submit(page + "/returns/" + ret + "/close", Map.of());
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.body()).contains("is requested and cannot become closed");

		Money refundedBefore = payment(order).refundedAmount();
		for (int i = 0; i < 2; i++) {
			associate.get(page);
			assertThat(associate.submit(page + "/returns/" + ret + "/receive", Map.of()).status()).isEqualTo(302);
		}
		assertThat(associate.get(page).body()).contains("Return 1 received").contains("Restocked");
		assertThat(jdbc.sql("select stocked_quantity from inventory.inventory_level where variant_id = ? and location_id = ?")
			.params(variant, location).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from inventory.movement where variant_id = ? and location_id = ? and reason = 'return'
				and stocked_delta = 1""").params(variant, location).query(Long.class).single()).isEqualTo(1);
		Payment after = payment(order);
		assertThat(after.refundedAmount().minus(refundedBefore)).isEqualTo(unit);
		assertThat(after.refunds()).hasSize(1);
		assertThat(jdbc.sql("select refund_status from fulfillment.order_return where id = ?").param(ret)
			.query(String.class).single()).isEqualTo("refunded");
		assertThat(audited(order.id(), "order.return_received")).isEqualTo(1);
		assertThat(audited(order.id(), "order.refunded")).isEqualTo(1);

		// A received return cannot be canceled; it closes once.
		associate.get(page);
		Page late = associate.submit(page + "/returns/" + ret + "/cancel", Map.of());
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.body()).contains("is received and cannot become canceled");
		associate.get(page);
		assertThat(associate.submit(page + "/returns/" + ret + "/close", Map.of()).status()).isEqualTo(302);
		assertThat(associate.submit(page + "/returns/" + ret + "/close", Map.of()).status()).isEqualTo(302);
		assertThat(audited(order.id(), "order.return_closed")).isEqualTo(1);

		// Another order's return is not found under this order; an unknown one neither.
		Order other = deliveredOrder("Olga");
		associate.get(page);
		assertThat(associate.submit("/app/orders/" + other.id() + "/returns/" + ret + "/receive", Map.of()).status())
			.isEqualTo(404);
		assertThat(associate.submit(page + "/returns/ret_nothing/receive", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void aRefundNeverExceedsWhatIsCapturedAndNotRefunded() {
		Order order = deliveredOrder("Ruth");
		String line = order.items().getFirst().id();
		String page = "/app/orders/" + order.id();
		Payment payment = payment(order);
		// Refund all but one cent by hand first.
		Money left = Money.of("0.01", order.currencyCode());
		payments.refund(payment.id(), payment.capturedAmount().minus(left), "goodwill", null, "t-refund-" + order.id());

		BackOfficeClient associate = signedIn(StaffRole.ASSOCIATE);
		Page refused = associate.submit(page + "/returns", Map.of("return_" + line, "1", "reason", "damaged", "refund",
				"on", "idempotency_key", key(associate.get(page).body())));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("At most 0.01").contains("can be refunded");
		assertThat(returns(order.id())).isZero();

		// Within what is left: accepted; a second open return cannot promise the same cent again.
		assertThat(associate.submit(page + "/returns", Map.of("return_" + line, "1", "reason", "damaged", "refund", "on",
				"refund_amount", "0.01", "idempotency_key", key(associate.get(page).body()))).status()).isEqualTo(302);
		Page twice = associate.submit(page + "/returns", Map.of("return_" + line, "1", "reason", "damaged", "refund",
				"on", "refund_amount", "0.01", "idempotency_key", key(associate.get(page).body())));
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.body()).contains("At most 0");
		assertThat(returns(order.id())).isEqualTo(1);
	}

	@Test
	void theConfirmationIsResentOncePerFormAndAudited() {
		Order order = deliveredOrder("Rolf");
		String page = "/app/orders/" + order.id();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> confirmations(order.email()) == 1);

		BackOfficeClient warehouse = signedIn(StaffRole.WAREHOUSE);
		assertThat(warehouse.get(page).body()).doesNotContain("Resend confirmation");
		assertThat(warehouse.submit(page + "/resend-confirmation", Map.of("idempotency_key", "k".repeat(20))).status())
			.isEqualTo(403);

		BackOfficeClient associate = signedIn(StaffRole.ASSOCIATE);
		String key = key(associate.get(page).body());
		assertThat(associate.get(page).body()).contains("Resend confirmation");
		assertThat(associate.submit(page + "/resend-confirmation", Map.of()).status()).as("no key").isEqualTo(400);
		for (int i = 0; i < 2; i++) {
			Page resent = associate.submit(page + "/resend-confirmation", Map.of("idempotency_key", key));
			assertThat(resent.status()).isEqualTo(302);
		}
		assertThat(confirmations(order.email())).isEqualTo(2);
		assertThat(audited(order.id(), "order.confirmation_resent")).isEqualTo(1);
		assertThat(associate.get(page).body()).contains("The order confirmation is on its way to " + order.email());
		// A new page, a new form: another email.
		associate.submit(page + "/resend-confirmation", Map.of("idempotency_key", key(associate.get(page).body())));
		assertThat(confirmations(order.email())).isEqualTo(3);
	}

	private Payment payment(Order order) {
		return payments.find(order.paymentCollectionId()).flatMap(PaymentCollection::livePayment).orElseThrow();
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

	private long returns(String orderId) {
		return jdbc.sql("select count(*) from fulfillment.order_return where order_id = ?").param(orderId)
			.query(Long.class).single();
	}

	private long confirmations(String email) {
		return jdbc.sql("select count(*) from notification.message where recipient = ? and template = 'order-confirmation'")
			.param(email).query(Long.class).single();
	}

	private long audited(String orderId, String action) {
		return jdbc.sql("select count(*) from audit.entry where action = ? and resource_id = ?").params(action, orderId)
			.query(Long.class).single();
	}
}
