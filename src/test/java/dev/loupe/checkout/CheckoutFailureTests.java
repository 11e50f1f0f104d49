package dev.loupe.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.cart.Cart;
import dev.loupe.cart.CartChoices;
import dev.loupe.cart.CartCompletion;
import dev.loupe.cart.Carts;
import dev.loupe.cart.Shopper;
import dev.loupe.catalog.CatalogImport;
import dev.loupe.catalog.ProductDraft;
import dev.loupe.catalog.ProductKind;
import dev.loupe.checkout.internal.Attempts;
import dev.loupe.fulfillment.ShippingOptions;
import dev.loupe.inventory.Reservations;
import dev.loupe.inventory.StockDemand;
import dev.loupe.inventory.StockLevels;
import dev.loupe.inventory.StockSetup;
import dev.loupe.market.MarketSetup;
import dev.loupe.market.Markets;
import dev.loupe.market.Region;
import dev.loupe.order.Orders;
import dev.loupe.payment.FlakyPaymentProvider;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollectionStatus;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.platform.Ids;
import dev.loupe.platform.Input;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import dev.loupe.pricing.PriceDraft;
import dev.loupe.pricing.PriceSetup;
import dev.loupe.promotion.PromotionSetup;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completion when things go wrong, against PostgreSQL: the payment provider (the test provider {@code pp_test_flaky})
 * throwing, declining or hanging at authorisation; the order failing after the payment was authorised; the process
 * cut off between steps. Each must leave no order, no reservation, no live payment, and a cart that can be completed
 * afterwards.
 */
@SpringBootTest
@ActiveProfiles("test")
class CheckoutFailureTests {

	@Autowired Checkout checkout;
	@Autowired CheckoutRecovery recovery;
	@Autowired Carts carts;
	@Autowired CartChoices choices;
	@Autowired CartCompletion completion;
	@Autowired PaymentCollections payments;
	@Autowired FlakyPaymentProvider provider;
	@Autowired Reservations reservations;
	@Autowired StockLevels levels;
	@Autowired StockSetup stock;
	@Autowired Orders orders;
	@Autowired Attempts attempts;
	@Autowired ShippingOptions shipping;
	@Autowired PromotionSetup promotions;
	@Autowired MarketSetup marketSetup;
	@Autowired Markets markets;
	@Autowired CatalogImport catalog;
	@Autowired PriceSetup prices;
	@Autowired TransactionTemplate tx;
	@Autowired JdbcClient jdbc;

	Shopper shopper;
	String variant;
	String us;

	@BeforeEach
	void setUp() {
		provider.reset();
		String run = Ids.next("t").substring(2).toLowerCase(Locale.ROOT);
		String channel = marketSetup.createSalesChannel("Failure channel " + run, null);
		shopper = new Shopper(List.of(channel), null, null);
		variant = catalog.importProducts(List.of(new ProductDraft("fail-" + run, "Failure lamp " + run, null, null,
				ProductKind.STANDARD, true, null, List.of(), null, null, BigDecimal.ONE, null, null, List.of(), null,
				List.of(), List.of(new ProductDraft.Option("Colour", List.of("Red"))),
				List.of(new ProductDraft.Variant("Red", "SKU-fail-" + run, null, Map.of("Colour", "Red"), true, false, null)),
				Map.of())), List.of(channel)).getFirst().variantIds().getFirst();
		prices.addPrices(List.of(PriceDraft.of(variant, Money.of("20", "USD"))));
		stock.setStock(List.of(new StockSetup.Stock(variant, stock.createLocation("Failure " + run, null), 10)));
		us = markets.regions().stream().filter(r -> r.name().equals("United States")).map(Region::id).findFirst()
			.orElseThrow();
	}

	@AfterEach
	void tearDown() {
		provider.reset();
	}

	@ParameterizedTest
	@EnumSource(value = FlakyPaymentProvider.Mode.class, names = { "THROW", "ERROR", "HANG" })
	void aFailedAuthorisationLeavesNothingAndTheCartCanBeCompletedLater(FlakyPaymentProvider.Mode mode) {
		String cart = readyCart("fail@example.com", null);
		provider.mode(mode);
		Completion failed = checkout.complete(shopper, cart);
		assertThat(failed).isInstanceOf(Completion.PaymentFailed.class);
		assertThat(((Completion.PaymentFailed) failed).cart().id()).isEqualTo(cart);
		assertThat(((Completion.PaymentFailed) failed).message()).isNotBlank();
		assertNothingLeft(cart, 10);

		provider.mode(FlakyPaymentProvider.Mode.AUTHORIZE);
		pay(cart);
		Completion placed = checkout.complete(shopper, cart);
		assertThat(placed).isInstanceOf(Completion.Placed.class);
		assertThat(levels.available(List.of(variant))).containsEntry(variant, 8);
	}

	@Test
	void anOrderThatCannotBePlacedAfterAuthorisationVoidsThePayment() {
		// A code a guest may use once: the second cart passes every check until the usage is recorded with the order.
		String code = "ONCE" + Ids.next("t").substring(20).toUpperCase(Locale.ROOT);
		promotions.create(Input.of(Map.of("code", code, "status", "active", "limit_per_customer", 1,
				"application_method", Map.of("type", "percentage", "target_type", "order", "value", 10))));
		String first = readyCart("once@example.com", code);
		String second = readyCart("once@example.com", code);
		assertThat(checkout.complete(shopper, first)).isInstanceOf(Completion.Placed.class);

		assertThatThrownBy(() -> checkout.complete(shopper, second))
			.isInstanceOf(LoupeException.class)
			.hasMessageContaining(code);
		assertThat(provider.paymentCancelCalls.get()).as("the authorised payment is voided").isEqualTo(1);
		assertNothingLeft(second, 8);
	}

	@Test
	void aCompletionCutOffBetweenStepsIsUndoneByRecovery() {
		String cart = readyCart("crash@example.com", null);
		// What a completion had done when the process was killed: claimed, reserved, authorised, no order.
		Cart claimed = completion.claim(shopper, cart, Duration.ofSeconds(60)).orElseThrow();
		PaymentCollection collection = payments.findByCart(cart).orElseThrow();
		String orderId = Ids.next("order");
		attempts.start(cart, orderId, collection.id());
		tx.executeWithoutResult(s -> reservations.reserve(orderId, List.of(new StockDemand(variant, 2, false))));
		attempts.step(cart, "authorizing");
		payments.authorize(collection.id(), claimed.totals().total(), orderId);
		assertThat(levels.available(List.of(variant))).containsEntry(variant, 8);
		// While the claim holds, recovery leaves it alone (the completion might still be running).
		assertThat(recovery.recoverOlderThan(Duration.ofMinutes(2))).isZero();

		// Later: the claim and the attempt are older than any completion can take.
		jdbc.sql("update checkout.attempt set started_at = now() - interval '10 minutes' where cart_id = ?").param(cart)
			.update();
		jdbc.sql("update cart.cart set completing_until = now() - interval '1 second' where id = ?").param(cart).update();
		assertThat(recovery.recoverOlderThan(Duration.ofMinutes(2))).isEqualTo(1);
		assertThat(provider.paymentCancelCalls.get()).as("the authorised payment is voided").isEqualTo(1);
		assertNothingLeft(cart, 10);
		assertThat(recovery.recoverOlderThan(Duration.ofMinutes(2))).as("nothing left to recover").isZero();

		pay(cart);
		assertThat(checkout.complete(shopper, cart)).isInstanceOf(Completion.Placed.class);
		assertThat(levels.available(List.of(variant))).containsEntry(variant, 8);
	}

	@Test
	void aCompletionCutOffWhileReservingReleasesTheStockOnly() {
		String cart = readyCart("crash2@example.com", null);
		completion.claim(shopper, cart, Duration.ofSeconds(60)).orElseThrow();
		String orderId = Ids.next("order");
		attempts.start(cart, orderId, payments.findByCart(cart).orElseThrow().id());
		tx.executeWithoutResult(s -> reservations.reserve(orderId, List.of(new StockDemand(variant, 2, false))));
		jdbc.sql("update checkout.attempt set started_at = now() - interval '10 minutes' where cart_id = ?").param(cart)
			.update();
		jdbc.sql("update cart.cart set completing_until = now() - interval '1 second' where id = ?").param(cart).update();
		assertThat(recovery.recoverOlderThan(Duration.ofMinutes(2))).isEqualTo(1);
		assertThat(provider.paymentCancelCalls.get()).isZero();
		assertNothingLeft(cart, 10);
		assertThat(checkout.complete(shopper, cart)).as("the session was never used: it still pays")
			.isInstanceOf(Completion.Placed.class);
	}

	@Test
	void cancelingAnOrderReleasesItsStockPromotionAndPayment() {
		String code = "BACK" + Ids.next("t").substring(20).toUpperCase(Locale.ROOT);
		promotions.create(Input.of(Map.of("code", code, "status", "active", "limit", 1,
				"application_method", Map.of("type", "percentage", "target_type", "order", "value", 10))));
		String cart = readyCart("cancel@example.com", code);
		var order = ((Completion.Placed) checkout.complete(shopper, cart)).order();
		assertThat(levels.available(List.of(variant))).containsEntry(variant, 8);

		tx.executeWithoutResult(s -> orders.cancel(order.id(), "customer changed their mind", "staff_test"));
		assertThat(levels.available(List.of(variant))).as("stock back").containsEntry(variant, 10);
		assertThat(provider.paymentCancelCalls.get()).as("payment voided").isEqualTo(1);
		assertThat(orders.find(order.id()).orElseThrow().paymentStatus()).isEqualTo("canceled");
		assertThat(jdbc.sql("select used from promotion.promotion where code = ?").param(code).query(Integer.class)
			.single()).as("the code's single use is given back").isZero();
		assertThat(jdbc.sql("select count(*) from inventory.movement where reference = ? and kind = 'released'")
			.param(order.id()).query(Long.class).single()).isEqualTo(1L);
		// The cancellation's event was delivered: nothing waits in the outbox for a retry.
		assertThat(jdbc.sql("""
				select count(*) from event_publication where completion_date is null
				and serialized_event like ?""").param("%" + order.id() + "%").query(Long.class).single()).isZero();
	}

	/** The stock, payment and cart after a failed completion: as if it had never been tried. */
	private void assertNothingLeft(String cart, int available) {
		assertThat(orders.findByCart(cart)).isEmpty();
		assertThat(levels.available(List.of(variant))).containsEntry(variant, available);
		assertThat(jdbc.sql("""
				select count(*) from inventory.reservation r where r.variant_id = ?
				  and not exists (select 1 from orders.sales_order o where o.id = r.reference)""").param(variant)
			.query(Long.class).single()).as("no reservation without an order").isZero();
		assertThat(jdbc.sql("select count(*) from checkout.attempt where cart_id = ?").param(cart).query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select completed_at is null and completing_until is null from cart.cart where id = ?")
			.param(cart).query(Boolean.class).single()).as("the cart is open and unclaimed").isTrue();
		payments.findByCart(cart).ifPresent(c -> assertThat(c.livePayment()).as("no live payment").isEmpty());
	}

	/** A US cart with 2 lamps, an email, an address, Standard shipping and a session with the test provider. */
	private String readyCart(String email, String code) {
		String cart = carts.create(shopper, Input.of(Map.of("region_id", us, "email", email, "items",
				List.of(Map.of("variant_id", variant, "quantity", 2)), "shipping_address", Map.of("first_name", "F",
						"address_1", "1 Main St", "city", "Austin", "country_code", "us", "postal_code", "73301"))))
			.id();
		String option = shipping.list(us).stream().filter(o -> o.name().equals("Standard")).findFirst().orElseThrow().id();
		choices.addShippingMethod(shopper, cart, Input.of(Map.of("option_id", option)));
		if (code != null) {
			choices.addPromotions(shopper, cart, Input.of(Map.of("promo_codes", List.of(code))));
		}
		pay(cart);
		return cart;
	}

	private void pay(String cart) {
		Cart c = carts.find(shopper, cart);
		PaymentCollection collection = payments.forCart(cart, c.totals().total());
		payments.initiateSession(collection.id(), FlakyPaymentProvider.ID, Map.of(), Map.of());
		assertThat(payments.findByCart(cart).orElseThrow().status()).isNotEqualTo(PaymentCollectionStatus.CANCELED);
	}
}
