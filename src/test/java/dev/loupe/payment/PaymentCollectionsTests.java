package dev.loupe.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Payment collections against the database, with the manual provider and the test provider that fails on demand
 * (authorisation timeout 1 s and lease 10 s in the test profile).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RecordApplicationEvents
class PaymentCollectionsTests {

	private static final String MANUAL = "pp_system_default";

	@Autowired
	PaymentCollections payments;

	@Autowired
	FlakyPaymentProvider flaky;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	tools.jackson.databind.json.JsonMapper json;

	@BeforeEach
	@AfterEach
	void resetProvider() {
		flaky.reset();
	}

	private static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	private static String cart() {
		return Ids.next("cart");
	}

	/** A collection of 50 USD with one pending session of the provider. */
	private PaymentCollection awaiting(String provider) {
		PaymentCollection collection = payments.forCart(cart(), usd("50"));
		return payments.initiateSession(collection.id(), provider, Map.of(), Map.of());
	}

	private int paymentsOf(String collectionId) {
		return jdbc.sql("select count(*) from payment.payment where payment_collection_id = ?")
			.param(collectionId)
			.query(Integer.class)
			.single();
	}

	private static LoupeException refusal(Runnable call) {
		try {
			call.run();
		}
		catch (LoupeException e) {
			return e;
		}
		throw new AssertionError("expected a refusal");
	}

	// ---------------------------------------------------------------- collections and sessions

	@Test
	void creatingTheCollectionOfACartTwiceOrConcurrentlyGivesTheSameCollection() throws Exception {
		String cart = cart();
		PaymentCollection first = payments.forCart(cart, usd("19.99"));
		assertThat(Ids.hasPrefix(first.id(), "pay_col")).isTrue();
		assertThat(first.status()).isEqualTo(PaymentCollectionStatus.NOT_PAID);
		assertThat(first.amount()).isEqualTo(usd("19.99"));
		assertThat(first.sessions()).isEmpty();
		assertThat(payments.forCart(cart, usd("19.99")).id()).isEqualTo(first.id());

		String other = cart();
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			calls.add(() -> payments.forCart(other, usd("5")).id());
		}
		Set<String> ids = ConcurrentHashMap.newKeySet();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (Future<String> f : pool.invokeAll(calls)) {
				ids.add(f.get());
			}
		}
		assertThat(ids).hasSize(1);
		assertThat(payments.findByCart(other).map(PaymentCollection::id)).contains(ids.iterator().next());
	}

	@Test
	void theAmountFollowsTheCartTotalUntilSomethingIsAuthorised() {
		String cart = cart();
		PaymentCollection collection = payments.forCart(cart, usd("10"));
		payments.initiateSession(collection.id(), MANUAL, Map.of(), Map.of());
		PaymentCollection changed = payments.forCart(cart, usd("12.50"));
		assertThat(changed.amount()).isEqualTo(usd("12.50"));
		assertThat(changed.sessions()).singleElement().satisfies(s -> assertThat(s.amount()).isEqualTo(usd("12.50")));

		payments.authorize(collection.id(), usd("12.50"), cart);
		PaymentCollection after = payments.forCart(cart, usd("99"));
		assertThat(after.amount()).as("an authorised collection keeps its amount").isEqualTo(usd("12.50"));
		assertThat(after.status()).isEqualTo(PaymentCollectionStatus.AUTHORIZED);
	}

	@Test
	void aNewCurrencyDropsTheOpenSessions() {
		String cart = cart();
		PaymentCollection collection = payments.forCart(cart, usd("10"));
		payments.initiateSession(collection.id(), MANUAL, Map.of(), Map.of());
		PaymentCollection euros = payments.forCart(cart, Money.of("9", "EUR"));
		assertThat(euros.currencyCode()).isEqualTo("eur");
		assertThat(euros.sessions()).isEmpty();
		assertThat(euros.status()).isEqualTo(PaymentCollectionStatus.NOT_PAID);
	}

	@Test
	void aNewSessionCancelsTheOtherSessionsThatAreNotAuthorised() {
		PaymentCollection collection = awaiting(MANUAL);
		String first = collection.sessions().getFirst().id();
		assertThat(collection.status()).isEqualTo(PaymentCollectionStatus.AWAITING);
		PaymentCollection replaced = payments.initiateSession(collection.id(), FlakyPaymentProvider.ID,
				Map.of("note", "x"), Map.of());
		assertThat(replaced.sessions()).singleElement().satisfies(s -> {
			assertThat(s.id()).isNotEqualTo(first);
			assertThat(Ids.hasPrefix(s.id(), "payses")).isTrue();
			assertThat(s.providerId()).isEqualTo(FlakyPaymentProvider.ID);
			assertThat(s.status()).isEqualTo(PaymentSessionStatus.PENDING);
			assertThat(s.data()).containsKey("client_secret");
		});
		assertThat(jdbc.sql("select status from payment.payment_session where id = ?").param(first).query(String.class)
			.single()).isEqualTo("canceled");
	}

	@Test
	void anUnknownProviderIsInvalidData() {
		PaymentCollection collection = payments.forCart(cart(), usd("1"));
		LoupeException e = refusal(() -> payments.initiateSession(collection.id(), "pp_nope", Map.of(), Map.of()));
		assertThat(e.type()).isEqualTo(ErrorType.INVALID_DATA);
		assertThat(e.getMessage()).contains("provider_id").contains("pp_nope");
	}

	// ---------------------------------------------------------------- authorisation

	@Test
	void authorisingMakesOnePaymentAndAuthorisingAgainAnswersTheSamePayment() {
		events.clear();
		PaymentCollection collection = awaiting(MANUAL);
		AuthorizedPayment authorized = payments.authorize(collection.id(), usd("50"), collection.cartId());
		assertThat(Ids.hasPrefix(authorized.payment().id(), "pay")).isTrue();
		assertThat(authorized.payment().amount()).isEqualTo(usd("50"));
		assertThat(authorized.collection().status()).isEqualTo(PaymentCollectionStatus.AUTHORIZED);
		assertThat(authorized.collection().authorizedAmount()).isEqualTo(usd("50"));
		assertThat(authorized.collection().sessions()).singleElement()
			.satisfies(s -> assertThat(s.status()).isEqualTo(PaymentSessionStatus.AUTHORIZED));

		AuthorizedPayment again = payments.authorize(collection.id(), usd("50"), "another key");
		assertThat(again.payment().id()).isEqualTo(authorized.payment().id());
		assertThat(paymentsOf(collection.id())).isEqualTo(1);
		assertThat(events.stream(PaymentAuthorized.class).filter(e -> e.collectionId().equals(collection.id())))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.paymentId()).isEqualTo(authorized.payment().id());
				assertThat(e.amount()).isEqualTo(usd("50"));
				assertThat(e.cartId()).isEqualTo(collection.cartId());
			});
		assertThat(payments.history(collection.id())).anySatisfy(h -> assertThat(h).contains("authorizing -> authorized"));
	}

	@Test
	void tenConcurrentAuthorisationsMakeOnePaymentWithOneProviderCall() throws Exception {
		PaymentCollection collection = awaiting(FlakyPaymentProvider.ID);
		flaky.delay(300);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			calls.add(() -> {
				start.await();
				return payments.authorize(collection.id(), usd("50"), collection.cartId()).payment().id();
			});
		}
		Set<String> paymentIds = ConcurrentHashMap.newKeySet();
		try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
			List<Future<String>> futures = calls.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<String> f : futures) {
				paymentIds.add(f.get());
			}
		}
		assertThat(paymentIds).hasSize(1);
		assertThat(flaky.authorizeCalls).hasValue(1);
		assertThat(paymentsOf(collection.id())).isEqualTo(1);
	}

	@Test
	void aProviderThatThrowsLeavesTheSessionInErrorAndNoPaymentAndANewSessionCanBeAuthorised() {
		flaky.mode(FlakyPaymentProvider.Mode.THROW);
		assertFailureThenRecovery(awaiting(FlakyPaymentProvider.ID), "card declined by the test provider");
	}

	@Test
	void aProviderThatAnswersErrorLeavesTheSessionInErrorAndNoPayment() {
		flaky.mode(FlakyPaymentProvider.Mode.ERROR);
		assertFailureThenRecovery(awaiting(FlakyPaymentProvider.ID), "insufficient funds");
	}

	@Test
	void aProviderThatHangsTimesOutAndLeavesNoPayment() {
		flaky.mode(FlakyPaymentProvider.Mode.HANG);
		long started = System.nanoTime();
		assertFailureThenRecovery(awaiting(FlakyPaymentProvider.ID), "did not answer within 1000 ms");
		assertThat((System.nanoTime() - started) / 1_000_000).as("ms until the timeout was reported").isLessThan(5_000);
	}

	private void assertFailureThenRecovery(PaymentCollection collection, String reason) {
		String session = collection.sessions().getFirst().id();
		assertThatThrownBy(() -> payments.authorize(collection.id(), usd("50"), collection.cartId()))
			.isInstanceOfSatisfying(PaymentAuthorizationException.class, e -> {
				assertThat(e.getMessage()).contains(reason);
				assertThat(e.sessionId()).isEqualTo(session);
				assertThat(e.sessionStatus()).isEqualTo(PaymentSessionStatus.ERROR);
				assertThat(e.type()).isEqualTo(ErrorType.PAYMENT_AUTHORIZATION_ERROR);
			});
		PaymentCollection failed = payments.find(collection.id()).orElseThrow();
		assertThat(failed.status()).isEqualTo(PaymentCollectionStatus.AWAITING);
		assertThat(failed.sessions()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(PaymentSessionStatus.ERROR));
		assertThat(paymentsOf(collection.id())).isZero();
		assertThatThrownBy(() -> payments.authorize(collection.id(), usd("50"), collection.cartId()))
			.as("a failed session is not tried again")
			.isInstanceOf(PaymentAuthorizationException.class)
			.hasMessageContaining("no payment session to authorise");
		assertThat(flaky.authorizeCalls).hasValue(1);

		payments.initiateSession(collection.id(), MANUAL, Map.of(), Map.of());
		AuthorizedPayment recovered = payments.authorize(collection.id(), usd("50"), collection.cartId());
		assertThat(recovered.payment().providerId()).isEqualTo(MANUAL);
		assertThat(paymentsOf(collection.id())).isEqualTo(1);
	}

	@Test
	void aSessionThatRequiresMoreCanBeAuthorisedOnceTheShopperActed() {
		flaky.mode(FlakyPaymentProvider.Mode.REQUIRES_MORE);
		PaymentCollection collection = awaiting(FlakyPaymentProvider.ID);
		assertThatThrownBy(() -> payments.authorize(collection.id(), usd("50"), collection.cartId()))
			.isInstanceOfSatisfying(PaymentAuthorizationException.class,
					e -> assertThat(e.sessionStatus()).isEqualTo(PaymentSessionStatus.REQUIRES_MORE));
		flaky.mode(FlakyPaymentProvider.Mode.AUTHORIZE);
		AuthorizedPayment authorized = payments.authorize(collection.id(), usd("50"), collection.cartId());
		assertThat(authorized.payment().sessionId()).isEqualTo(collection.sessions().getFirst().id());
		assertThat(authorized.payment().data()).containsEntry("key",
				collection.cartId() + ":" + collection.sessions().getFirst().id() + ":authorize");
	}

	@Test
	void authorisingAnotherAmountThanTheCollectionsIsRefused() {
		PaymentCollection collection = awaiting(MANUAL);
		LoupeException e = refusal(() -> payments.authorize(collection.id(), usd("49.99"), "k"));
		assertThat(e.type()).isEqualTo(ErrorType.NOT_ALLOWED);
		assertThat(e.getMessage()).contains("50.00 USD").contains("49.99 USD");
		assertThat(paymentsOf(collection.id())).isZero();
	}

	@Test
	void aCollectionWithoutSessionCannotBeAuthorised() {
		PaymentCollection collection = payments.forCart(cart(), usd("3"));
		assertThatThrownBy(() -> payments.authorize(collection.id(), usd("3"), "k"))
			.isInstanceOf(PaymentAuthorizationException.class)
			.hasMessageContaining("initiate a payment session");
		assertThat(refusal(() -> payments.authorize("pay_col_nope", usd("3"), "k")).type()).isEqualTo(ErrorType.NOT_FOUND);
	}

	@Test
	void anAuthorisationLeftBehindByACrashedProcessIsTakenOverOnceItsLeaseExpired() {
		PaymentCollection collection = awaiting(MANUAL);
		String session = collection.sessions().getFirst().id();
		// As a process that died between taking the lease and writing the outcome leaves it.
		jdbc.sql("""
				update payment.payment_collection set authorizing_session_id = ?, authorizing_since = now()
				where id = ?""").params(session, collection.id()).update();
		LoupeException busy = refusal(() -> payments.authorize(collection.id(), usd("50"), "k"));
		assertThat(busy.type()).as("a live lease is waited for, then reported").isEqualTo(ErrorType.CONFLICT);
		assertThat(paymentsOf(collection.id())).isZero();

		jdbc.sql("update payment.payment_collection set authorizing_since = now() - interval '20 seconds' where id = ?")
			.param(collection.id())
			.update();
		AuthorizedPayment taken = payments.authorize(collection.id(), usd("50"), "k");
		assertThat(taken.payment().sessionId()).isEqualTo(session);
		assertThat(payments.history(collection.id())).anySatisfy(h -> assertThat(h).contains("expired"));
	}

	// ---------------------------------------------------------------- cancel

	@Test
	void cancelingVoidsTheAuthorisedPaymentOnceAndIsIdempotent() {
		events.clear();
		PaymentCollection collection = awaiting(FlakyPaymentProvider.ID);
		AuthorizedPayment authorized = payments.authorize(collection.id(), usd("50"), "k");
		flaky.failCancel(true);
		LoupeException unavailable = refusal(() -> payments.cancel(collection.id()));
		assertThat(unavailable.status()).isEqualTo(502);
		assertThat(payments.find(collection.id()).orElseThrow().status()).as("nothing changed")
			.isEqualTo(PaymentCollectionStatus.AUTHORIZED);

		flaky.failCancel(false);
		payments.cancel(collection.id());
		payments.cancel(collection.id());
		assertThat(flaky.paymentCancelCalls).hasValue(2);
		PaymentCollection canceled = payments.find(collection.id()).orElseThrow();
		assertThat(canceled.status()).isEqualTo(PaymentCollectionStatus.CANCELED);
		assertThat(canceled.livePayment()).isEmpty();
		assertThat(canceled.payments()).singleElement().satisfies(p -> assertThat(p.canceledAt()).isNotNull());
		assertThat(events.stream(PaymentCanceled.class).filter(e -> e.collectionId().equals(collection.id())))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.paymentId()).isEqualTo(authorized.payment().id());
				assertThat(e.amount()).isEqualTo(usd("50"));
			});
		assertThat(refusal(() -> payments.initiateSession(collection.id(), MANUAL, Map.of(), Map.of())).type())
			.isEqualTo(ErrorType.NOT_ALLOWED);
		assertThat(refusal(() -> payments.authorize(collection.id(), usd("50"), "k")).type())
			.isEqualTo(ErrorType.NOT_ALLOWED);
		assertThat(refusal(() -> payments.capture(authorized.payment().id(), usd("1"), "c")).type())
			.isEqualTo(ErrorType.NOT_ALLOWED);
	}

	@Test
	void cancelingACollectionThatWasNeverAuthorisedCancelsItsSessions() {
		PaymentCollection collection = awaiting(MANUAL);
		payments.cancel(collection.id());
		PaymentCollection canceled = payments.find(collection.id()).orElseThrow();
		assertThat(canceled.status()).isEqualTo(PaymentCollectionStatus.CANCELED);
		assertThat(canceled.sessions()).isEmpty();
	}

	// ---------------------------------------------------------------- captures and refunds

	@Test
	void capturesNeverExceedTheAuthorisedAmountAndRepeatNothingForTheSameKey() {
		events.clear();
		PaymentCollection collection = awaiting(FlakyPaymentProvider.ID);
		String payment = payments.authorize(collection.id(), usd("50"), "k").payment().id();
		LoupeException tooMuch = refusal(() -> payments.capture(payment, usd("50.01"), "c0"));
		assertThat(tooMuch.status()).isEqualTo(400);
		assertThat(tooMuch.type()).isEqualTo(ErrorType.INVALID_DATA);
		assertThat(tooMuch.getMessage()).contains("50.00 USD remains");

		assertThat(payments.capture(payment, usd("20"), "c1").capturedAmount()).isEqualTo(usd("20"));
		assertThat(payments.capture(payment, usd("20"), "c1").capturedAmount()).as("same key").isEqualTo(usd("20"));
		assertThat(flaky.captureCalls).hasValue(1);
		assertThat(refusal(() -> payments.capture(payment, usd("5"), "c1")).type()).as("same key, other amount")
			.isEqualTo(ErrorType.CONFLICT);
		assertThat(refusal(() -> payments.capture(payment, usd("30.01"), "c2")).status()).isEqualTo(400);
		Payment full = payments.capture(payment, usd("30"), "c2");
		assertThat(full.capturedAmount()).isEqualTo(usd("50"));
		assertThat(full.captures()).hasSize(2);
		assertThat(payments.find(collection.id()).orElseThrow().status()).isEqualTo(PaymentCollectionStatus.COMPLETED);
		assertThat(payments.find(collection.id()).orElseThrow().capturedAmount()).isEqualTo(usd("50"));
		assertThat(events.stream(PaymentCaptured.class).filter(e -> e.paymentId().equals(payment))).hasSize(2);
		assertThat(refusal(() -> payments.cancel(collection.id())).type()).as("captured money is refunded, not voided")
			.isEqualTo(ErrorType.NOT_ALLOWED);
	}

	@Test
	void refundsNeverExceedTheCapturedAmountAndPartialRefundsAddUp() {
		PaymentCollection collection = awaiting(MANUAL);
		String payment = payments.authorize(collection.id(), usd("50"), "k").payment().id();
		assertThat(refusal(() -> payments.refund(payment, usd("1"), "return", null, "r0")).status())
			.as("nothing captured yet")
			.isEqualTo(400);
		payments.capture(payment, usd("30"), "c1");
		payments.refund(payment, usd("10.10"), "return", "one lamp back", "r1");
		payments.refund(payment, usd("10.10"), "return", "one lamp back", "r1");
		Payment refunded = payments.refund(payment, usd("4.90"), "damaged", null, "r2");
		assertThat(refunded.refundedAmount()).isEqualTo(usd("15"));
		assertThat(refunded.refunds()).extracting(Payment.Refund::reason).containsExactly("return", "damaged");
		LoupeException tooMuch = refusal(() -> payments.refund(payment, usd("15.01"), "return", null, "r3"));
		assertThat(tooMuch.status()).isEqualTo(400);
		assertThat(tooMuch.getMessage()).contains("15.00 USD of the captured 30.00 USD remains");
		assertThat(payments.refund(payment, usd("15"), "return", null, "r3").refundedAmount()).isEqualTo(usd("30"));
		assertThat(payments.find(collection.id()).orElseThrow().refundedAmount()).isEqualTo(usd("30"));
		assertThat(refusal(() -> payments.refund(payment, usd("0"), "x", null, "r4")).status()).isEqualTo(400);
		assertThat(refusal(() -> payments.refund(payment, Money.of("1", "EUR"), "x", null, "r5")).status()).isEqualTo(400);
		assertThat(refusal(() -> payments.refund("pay_nope", usd("1"), "x", null, "r6")).type()).isEqualTo(ErrorType.NOT_FOUND);
	}

	@Test
	void eventsSurviveTheJsonOfTheEventPublicationRegistry() {
		List<Object> published = List.of(new PaymentAuthorized("pay_1", "pay_col_1", "cart_1", MANUAL, usd("19.99")),
				new PaymentCaptured("capt_1", "pay_1", "pay_col_1", usd("5"), usd("5")),
				new PaymentRefunded("ref_1", "pay_1", "pay_col_1", usd("2.5"), usd("2.5"), "return"),
				new PaymentCanceled("pay_col_1", "cart_1", null, Money.zero("EUR")));
		for (Object event : published) {
			assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
		}
	}

	@Test
	void anOrderIsAttachedOnce() {
		PaymentCollection collection = payments.forCart(cart(), usd("1"));
		String order = Ids.next("order");
		payments.attachOrder(collection.id(), order);
		payments.attachOrder(collection.id(), order);
		assertThat(payments.find(collection.id()).orElseThrow().orderId()).isEqualTo(order);
		assertThat(refusal(() -> payments.attachOrder(collection.id(), Ids.next("order"))).type())
			.isEqualTo(ErrorType.CONFLICT);
	}
}
