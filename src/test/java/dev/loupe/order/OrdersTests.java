package dev.loupe.order;

import static dev.loupe.order.OrderDrafts.usd;
import static dev.loupe.order.OrderDrafts.yen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Orders against the database, with drafts built by hand (no cart, no checkout). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RecordApplicationEvents
class OrdersTests {

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	private Order place(OrderDraft draft) {
		return transactions.execute(status -> orders.place(draft));
	}

	private static String channel() {
		return Ids.next("sc");
	}

	private static String email() {
		return "shopper." + Ids.next("t").substring(2).toLowerCase(Locale.ROOT) + "@example.com";
	}

	@Test
	void aPlacedOrderReadsBackExactlyAsFrozen() {
		OrderDraft draft = OrderDrafts.us(channel(), "cus_1", email());
		Order placed = place(draft);
		Order found = orders.find(draft.orderId()).orElseThrow();
		assertThat(found).isEqualTo(placed);
		assertThat(found.id()).isEqualTo(draft.orderId());
		assertThat(found.displayId()).isGreaterThanOrEqualTo(1001);
		assertThat(found.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(found.paymentStatus()).isEqualTo("authorized");
		assertThat(found.fulfillmentStatus()).isEqualTo("not_fulfilled");
		assertThat(found.cartId()).isEqualTo(draft.cartId());
		assertThat(found.currencyCode()).isEqualTo("usd");
		assertThat(found.email()).isEqualTo(draft.email());
		assertThat(found.customerId()).isEqualTo("cus_1");
		assertThat(found.promotionCodes()).containsExactly("SAVE2");
		assertThat(found.paymentCollectionId()).isEqualTo(draft.paymentCollectionId());
		assertThat(found.metadata()).containsEntry("source", "test");
		assertThat(found.totals()).isEqualTo(draft.totals());
		assertThat(found.totals().total()).isEqualTo(usd("46.09"));
		assertThat(found.totals().total().amount().toPlainString()).isEqualTo("46.09");
		assertThat(found.createdAt()).isNotNull();
		assertThat(found.canceledAt()).isNull();

		OrderLine line = found.items().getFirst();
		OrderLineDraft lineDraft = draft.items().getFirst();
		assertThat(line.id()).startsWith("ordli_");
		assertThat(Ids.hasPrefix(line.id(), "ordli")).isTrue();
		assertThat(line.variantId()).isEqualTo(lineDraft.variantId());
		assertThat(line.quantity()).isEqualTo(2);
		assertThat(line.unitPrice()).isEqualTo(usd("19.99"));
		assertThat(line.amounts()).isEqualTo(lineDraft.amounts());
		assertThat(line.metadata()).containsEntry("gift", true);
		assertThat(line.taxLines()).singleElement().satisfies(t -> {
			assertThat(t.id()).startsWith("ordtxl_");
			assertThat(t.ratePercent()).isEqualByComparingTo("7.25");
			assertThat(t.amount()).isEqualTo(usd("2.75"));
			assertThat(t.code()).isEqualTo("US-SALES");
		});
		assertThat(line.adjustments()).singleElement().satisfies(a -> {
			assertThat(a.id()).startsWith("ordadj_");
			assertThat(a.amount()).isEqualTo(usd("2.00"));
			assertThat(a.promotionId()).isEqualTo("promo_1");
		});
		OrderShippingMethod method = found.shippingMethods().getFirst();
		assertThat(method.id()).startsWith("ordsm_");
		assertThat(method.amount()).isEqualTo(usd("5"));
		assertThat(method.amounts().total()).isEqualTo(usd("5.36"));
		assertThat(method.data()).containsEntry("carrier", "post");
		assertThat(found.shippingAddress().address1()).isEqualTo("1 Main Street");
		assertThat(found.shippingAddress().metadata()).containsEntry("door", "blue");
		assertThat(found.shippingAddress().id()).startsWith("ordaddr_");
		assertThat(found.billingAddress().address1()).isEqualTo("9 Billing Road");
		assertThat(orders.findByCart(draft.cartId())).contains(found);
	}

	@Test
	void aYenOrderKeepsWholeYen() {
		OrderDraft draft = OrderDrafts.jpy(channel(), null, email());
		place(draft);
		Order found = orders.find(draft.orderId()).orElseThrow();
		assertThat(found.currencyCode()).isEqualTo("jpy");
		assertThat(found.totals().total()).isEqualTo(yen("3600"));
		assertThat(found.totals().taxTotal().amount().toPlainString()).isEqualTo("327");
		assertThat(found.items().getFirst().amounts().subtotal()).isEqualTo(yen("3273"));
		assertThat(found.items().getFirst().unitPrice().currencyCode()).isEqualTo("JPY");
		assertThat(found.shippingMethods()).isEmpty();
		assertThat(found.shippingAddress()).isNull();
		assertThat(found.paymentStatus()).isEqualTo("captured");
	}

	@Test
	void placingTwiceForOneCartGivesTheFirstOrderAndOneEvent() {
		String channel = channel();
		OrderDraft first = OrderDrafts.us(channel, null, email());
		OrderDraft again = OrderDrafts.us(first.cartId(), channel, null, "someone.else@example.com");
		Order placed = place(first);
		Order second = place(again);
		assertThat(second).isEqualTo(placed);
		assertThat(orders.find(again.orderId())).isEmpty();
		assertThat(jdbc.sql("select count(*) from orders.sales_order where cart_id = ?").param(first.cartId())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(events.stream(OrderPlaced.class).filter(e -> e.cartId().equals(first.cartId()))).singleElement()
			.satisfies(e -> {
				assertThat(e.orderId()).isEqualTo(first.orderId());
				assertThat(e.displayId()).isEqualTo(placed.displayId());
				assertThat(e.total()).isEqualByComparingTo("46.09");
				assertThat(e.currencyCode()).isEqualTo("usd");
				assertThat(e.variantIds()).containsExactly(first.items().getFirst().variantId());
				assertThat(e.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
			});
	}

	@Test
	void tenConcurrentPlacementsOfOneCartMakeOneOrder() throws Exception {
		String channel = channel();
		String cartId = Ids.next("cart");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Future<Order>> results = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				OrderDraft draft = OrderDrafts.us(cartId, channel, null, email());
				results.add(pool.submit(() -> {
					start.await();
					return place(draft);
				}));
			}
			start.countDown();
			List<String> ids = new ArrayList<>();
			for (Future<Order> result : results) {
				ids.add(result.get().id());
			}
			assertThat(ids).hasSize(10).containsOnly(ids.getFirst());
			assertThat(jdbc.sql("select count(*) from orders.sales_order where cart_id = ?").param(cartId)
				.query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from orders.line_item where order_id = ?").param(ids.getFirst())
				.query(Long.class).single()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void displayIdsIncrease() {
		String channel = channel();
		long first = place(OrderDrafts.us(channel, null, email())).displayId();
		long second = place(OrderDrafts.jpy(channel, null, email())).displayId();
		long third = place(OrderDrafts.us(channel, null, email())).displayId();
		assertThat(first).isGreaterThanOrEqualTo(1001);
		assertThat(second).isGreaterThan(first);
		assertThat(third).isGreaterThan(second);
	}

	@Test
	void addressesAreEncryptedInTheTableAndBoundToTheirOrder() {
		OrderDraft draft = OrderDrafts.us(channel(), null, email());
		place(draft);
		var raw = jdbc.sql("select shipping_address, billing_address from orders.sales_order where id = ?")
			.param(draft.orderId())
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
		for (String sealed : raw) {
			assertThat(sealed).startsWith("v1:").doesNotContain("Main").doesNotContain("Billing").doesNotContain("Lovelace");
		}
		// A sealed address copied to another order does not open there.
		OrderDraft other = OrderDrafts.us(channel(), null, email());
		place(other);
		jdbc.sql("update orders.sales_order set shipping_address = ? where id = ?").params(raw.getFirst(), other.orderId())
			.update();
		assertThatThrownBy(() -> orders.find(other.orderId())).isInstanceOf(IllegalStateException.class);
		jdbc.sql("update orders.sales_order set shipping_address = null where id = ?").param(other.orderId()).update();
	}

	@Test
	void aGuestFindsAnOrderOnlyWithItsDisplayIdAndEmail() {
		String email = email();
		Order order = place(OrderDrafts.us(channel(), null, email));
		Order other = place(OrderDrafts.us(channel(), null, email()));
		assertThat(orders.findByDisplayId(order.displayId(), email.toUpperCase(Locale.ROOT))).contains(order);
		assertThat(orders.findByDisplayId(order.displayId(), " " + email + " ")).contains(order);
		assertThat(orders.findByDisplayId(order.displayId(), other.email())).isEmpty();
		assertThat(orders.findByDisplayId(other.displayId(), email)).isEmpty();
		assertThat(orders.findByDisplayId(order.displayId(), null)).isEmpty();
		assertThat(orders.findByDisplayId(order.displayId(), "")).isEmpty();
		assertThat(orders.findByDisplayId(order.displayId(), "%")).isEmpty();
	}

	@Test
	void aCustomerListsOnlyTheirOwnOrdersNewestFirst() {
		String channel = channel();
		String otherChannel = channel();
		String ada = Ids.next("cus");
		String bob = Ids.next("cus");
		Order first = place(OrderDrafts.us(channel, ada, email()));
		Order second = place(OrderDrafts.jpy(channel, ada, email()));
		Order third = place(OrderDrafts.us(otherChannel, ada, email()));
		place(OrderDrafts.us(channel, bob, email()));
		place(OrderDrafts.us(channel, null, email()));
		assertThat(orders.forCustomer(ada, 10, 0)).extracting(Order::id)
			.containsExactly(third.id(), second.id(), first.id());
		assertThat(orders.countForCustomer(ada)).isEqualTo(3);
		assertThat(orders.forCustomer(ada, 1, 1)).extracting(Order::id).containsExactly(second.id());
		assertThat(orders.forCustomer(ada, List.of(channel), 10, 0)).extracting(Order::id)
			.containsExactly(second.id(), first.id());
		assertThat(orders.countForCustomer(ada, List.of(channel))).isEqualTo(2);
		assertThat(orders.forCustomer(ada, List.of(), 10, 0)).isEmpty();
		assertThat(orders.forCustomer(bob, 10, 0)).singleElement().satisfies(o -> assertThat(o.customerId()).isEqualTo(bob));
		assertThat(orders.forCustomer(Ids.next("cus"), 10, 0)).isEmpty();
		assertThatThrownBy(() -> orders.forCustomer(ada, -1, 0)).isInstanceOf(LoupeException.class);
	}

	@Test
	void cancelingWritesTheHistoryAndPublishesOrderCanceledOnce() {
		Order order = place(OrderDrafts.us(channel(), null, email()));
		Order canceled = orders.cancel(order.id(), "Changed my mind", "customer:cus_1");
		assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
		assertThat(canceled.fulfillmentStatus()).isEqualTo("canceled");
		assertThat(canceled.canceledAt()).isNotNull();
		assertThat(canceled.paymentStatus()).isEqualTo("authorized");
		Order again = orders.cancel(order.id(), "Twice", "customer:cus_1");
		assertThat(again).isEqualTo(canceled);
		List<OrderChange> history = orders.history(order.id());
		assertThat(history).extracting(OrderChange::field, OrderChange::from, OrderChange::to, OrderChange::actor,
				OrderChange::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("status", null, "pending", Orders.CHECKOUT, null),
					org.assertj.core.groups.Tuple.tuple("payment_status", null, "authorized", Orders.CHECKOUT, null),
					org.assertj.core.groups.Tuple.tuple("fulfillment_status", null, "not_fulfilled", Orders.CHECKOUT, null),
					org.assertj.core.groups.Tuple.tuple("status", "pending", "canceled", "customer:cus_1", "Changed my mind"),
					org.assertj.core.groups.Tuple.tuple("fulfillment_status", "not_fulfilled", "canceled", "customer:cus_1",
							"Changed my mind"));
		assertThat(events.stream(OrderCanceled.class).filter(e -> e.orderId().equals(order.id())))
			.containsExactly(new OrderCanceled(order.id(), "Changed my mind"));
	}

	@Test
	void illegalTransitionsAreRefusedNamingBothStates() {
		Order order = place(OrderDrafts.us(channel(), null, email()));
		orders.setPaymentStatus(order.id(), "captured", "system");
		assertThatThrownBy(() -> orders.setPaymentStatus(order.id(), "authorized", "system"))
			.isInstanceOf(LoupeException.class)
			.hasMessageContaining("from captured to authorized")
			.extracting(e -> ((LoupeException) e).status())
			.isEqualTo(400);
		orders.setPaymentStatus(order.id(), "refunded", "system");
		assertThatThrownBy(() -> orders.setPaymentStatus(order.id(), "captured", "system"))
			.hasMessageContaining("from refunded to captured");
		assertThatThrownBy(() -> orders.setPaymentStatus(order.id(), "paid", "system"))
			.isInstanceOf(LoupeException.class)
			.hasMessageContaining("Unknown payment status");
		assertThat(orders.find(order.id()).orElseThrow().paymentStatus()).isEqualTo("refunded");
		assertThat(events.stream(OrderPaymentStatusChanged.class).filter(e -> e.orderId().equals(order.id())))
			.containsExactly(new OrderPaymentStatusChanged(order.id(), "authorized", "captured"),
					new OrderPaymentStatusChanged(order.id(), "captured", "refunded"));

		Order shipped = place(OrderDrafts.us(channel(), null, email()));
		orders.setFulfillmentStatus(shipped.id(), "shipped", "system");
		assertThatThrownBy(() -> orders.cancel(shipped.id(), null, "admin"))
			.isInstanceOf(LoupeException.class)
			.hasMessageContaining("pending to canceled")
			.hasMessageContaining("shipped");
		assertThatThrownBy(() -> orders.setFulfillmentStatus(shipped.id(), "not_fulfilled", "system"))
			.hasMessageContaining("from shipped to not_fulfilled");
		assertThat(orders.find(shipped.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);

		Order completed = orders.complete(place(OrderDrafts.us(channel(), null, email())).id(), "system");
		assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
		assertThatThrownBy(() -> orders.cancel(completed.id(), null, "admin"))
			.hasMessageContaining("from completed to canceled");

		Order canceled = orders.cancel(place(OrderDrafts.us(channel(), null, email())).id(), null, "admin");
		assertThatThrownBy(() -> orders.complete(canceled.id(), "system")).hasMessageContaining("from canceled to completed");
		assertThatThrownBy(() -> orders.setFulfillmentStatus(canceled.id(), "fulfilled", "system"))
			.hasMessageContaining("from canceled to fulfilled");
		assertThat(events.stream(OrderCanceled.class).filter(e -> e.orderId().equals(shipped.id()))).isEmpty();
	}

	@Test
	void unknownOrdersAndBadCallsAreClientErrors() {
		assertThatThrownBy(() -> orders.cancel("order_01XXXXXXXXXXXXXXXXXXXXXXXX", null, "admin"))
			.isInstanceOf(LoupeException.class)
			.extracting(e -> ((LoupeException) e).status())
			.isEqualTo(404);
		assertThatThrownBy(() -> orders.cancel("x\u0000".repeat(5000), null, "admin"))
			.isInstanceOf(LoupeException.class)
			.extracting(e -> ((LoupeException) e).status())
			.isEqualTo(404);
		assertThat(orders.find("order_\u0000")).isEmpty();
		assertThat(orders.find(null)).isEmpty();
		Order order = place(OrderDrafts.us(channel(), null, email()));
		assertThatThrownBy(() -> orders.cancel(order.id(), null, " ")).isInstanceOf(LoupeException.class)
			.hasMessageContaining("actor");
		assertThatThrownBy(() -> orders.cancel(order.id(), "r".repeat(1001), "admin")).hasMessageContaining("reason");
		assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
	}

	@Test
	void placingNeedsTheCallersTransactionAndASoundDraft() {
		OrderDraft draft = OrderDrafts.us(channel(), null, email());
		assertThatThrownBy(() -> orders.place(draft)).isInstanceOf(IllegalTransactionStateException.class);
		OrderDraft euros = new OrderDraft(draft.orderId(), draft.cartId(), draft.regionId(), "eur",
				draft.salesChannelId(), null, draft.email(), null, null, draft.items(), draft.shippingMethods(), null,
				draft.totals(), null, "authorized", null);
		assertThatThrownBy(() -> place(euros)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD");
		OrderDraft badStatus = new OrderDraft(draft.orderId(), draft.cartId(), draft.regionId(), "usd",
				draft.salesChannelId(), null, draft.email(), null, null, draft.items(), List.of(), null, draft.totals(), null,
				"paid", null);
		assertThatThrownBy(() -> place(badStatus)).isInstanceOf(IllegalArgumentException.class);
		OrderDraft badId = new OrderDraft("cart_1", draft.cartId(), draft.regionId(), "usd", draft.salesChannelId(),
				null, draft.email(), null, null, draft.items(), List.of(), null, draft.totals(), null, "authorized", null);
		assertThatThrownBy(() -> place(badId)).isInstanceOf(IllegalArgumentException.class);
		assertThat(orders.findByCart(draft.cartId())).isEmpty();
	}

	@Test
	void anyAmountInAnyCurrencyReadsBackExactly() {
		List<String> currencies = List.of("USD", "EUR", "JPY", "KWD", "GBP");
		String channel = channel();
		qt().withExamples(20)
			.forAll(integers().between(0, currencies.size() - 1), longs().between(0, 99_999_999_999L),
					integers().between(1, 10_000))
			.checkAssert((c, minor, quantity) -> {
				OrderDraft draft = OrderDrafts.uniform(currencies.get(c), minor, quantity, channel);
				place(draft);
				Order found = orders.find(draft.orderId()).orElseThrow();
				assertThat(found.totals()).isEqualTo(draft.totals());
				assertThat(found.totals().all()).allSatisfy(m -> assertThat(m.isRounded()).isTrue());
				assertThat(found.items().getFirst().amounts()).isEqualTo(draft.items().getFirst().amounts());
				assertThat(found.items().getFirst().unitPrice()).isEqualTo(draft.items().getFirst().unitPrice());
				assertThat(found.items().getFirst().taxLines().getFirst().amount())
					.isEqualTo(draft.items().getFirst().taxLines().getFirst().amount());
				assertThat(found.items().getFirst().quantity()).isEqualTo(quantity);
			});
	}

	@Test
	void theStateMachinesNeverLeaveAFinalState() {
		assertThat(PaymentStatus.REFUNDED.next()).isEmpty();
		assertThat(PaymentStatus.CANCELED.next()).isEmpty();
		assertThat(FulfillmentStatus.DELIVERED.next()).isEmpty();
		assertThat(OrderStatus.ARCHIVED.next()).isEmpty();
		for (PaymentStatus s : PaymentStatus.values()) {
			assertThat(s.canBecome(s)).as(s.wire()).isFalse();
			assertThat(PaymentStatus.find(s.wire())).contains(s);
		}
		assertThat(OrderStatus.of("requires_action")).isEqualTo(OrderStatus.REQUIRES_ACTION);
	}
}
