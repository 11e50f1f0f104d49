package dev.loupe.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.loupe.order.Order;
import dev.loupe.payment.Payment;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollectionStatus;
import dev.loupe.payment.PaymentProviders;
import dev.loupe.platform.Money;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Paying with {@code pp_stripe_stripe} through the Store API, with WireMock playing Stripe: the intent is created for
 * the cart's total in Stripe's unit, completion reads it back and maps its status, captures and refunds go to
 * Stripe with idempotency keys, and Stripe's failures (declines, 3-D Secure, 5xx, timeouts) never make an order
 * without a payment nor a 500.
 */
class StripePaymentTests extends StripeTestSupport {

	@Autowired PaymentProviders providers;

	@Test
	void aPaymentIsAuthorisedCapturedAndRefundedInPartsAtStripe() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		JsonNode collection = stripeSession(cart);
		JsonNode session = collection.path("payment_sessions").get(0);
		assertThat(session.path("provider_id").asString()).isEqualTo("pp_stripe_stripe");
		assertThat(session.path("data").path("client_secret").asString()).isEqualTo(intent + "_secret_abc123");
		assertThat(session.path("data").path("id").asString()).isEqualTo(intent);
		List<LoggedRequest> created = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
		assertThat(created).hasSize(1);
		assertThat(created.getFirst().getBodyAsString()).contains("amount=1999", "currency=usd",
			"capture_method=manual", cart);
		assertThat(created.getFirst().getHeader("Idempotency-Key")).startsWith("loupe:payses_").endsWith(":1999usd");
		assertThat(created.getFirst().getHeader("Authorization")).isEqualTo("Bearer sk_test_loupe");
		assertThat(providers.require("pp_stripe_stripe").clientSettings()).containsEntry("publishable_key",
				"pk_test_loupe");

		// The shopper confirmed with the Payment Element: the intent waits for capture.
		stubRetrieve("requires_capture", 1999, null);
		Answer completed = complete(cart);
		assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
		assertThat(completed.body().path("type").asString()).as(completed.raw()).isEqualTo("order");
		assertThat(completed.body().path("order").path("payment_status").asString()).isEqualTo("authorized");
		String orderId = completed.body().path("order").path("id").asString();
		PaymentCollection paid = payments.findByCart(cart).orElseThrow();
		assertThat(paid.status()).isEqualTo(PaymentCollectionStatus.AUTHORIZED);
		Payment payment = paid.livePayment().orElseThrow();
		assertThat(payment.amount()).isEqualTo(Money.of("19.99", "USD"));

		stub(post(urlEqualTo("/v1/payment_intents/" + intent + "/capture"))
			.willReturn(json(200, intentJson(intent, 1999, "usd", "succeeded", null))));
		payments.capture(payment.id(), Money.of("19.99", "USD"), "capture-1");
		payments.capture(payment.id(), Money.of("19.99", "USD"), "capture-1"); // repeated: answered, not sent again
		List<LoggedRequest> captures = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent
				+ "/capture")));
		assertThat(captures).hasSize(1);
		assertThat(captures.getFirst().getBodyAsString()).contains("amount_to_capture=1999");
		assertThat(payments.findByCart(cart).orElseThrow().status()).isEqualTo(PaymentCollectionStatus.COMPLETED);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(orders.find(orderId).orElseThrow().paymentStatus()).isEqualTo("captured"));

		stub(post(urlEqualTo("/v1/refunds")).willReturn(json(200, """
				{"id": "re_%s", "object": "refund", "amount": 500, "charge": "ch_%s", "currency": "usd",
				 "payment_intent": "%s", "reason": null, "status": "succeeded", "created": 1763900100}"""
			.formatted(run, run, intent))));
		Payment partly = payments.refund(payment.id(), Money.of("5.00", "USD"), "return", "one chapter", "refund-1");
		assertThat(partly.refundedAmount()).isEqualTo(Money.of("5.00", "USD"));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(orders.find(orderId).orElseThrow()
			.paymentStatus()).isEqualTo("partially_refunded"));
		Payment fully = payments.refund(payment.id(), Money.of("14.99", "USD"), "return", "the rest", "refund-2");
		assertThat(fully.refundedAmount()).isEqualTo(Money.of("19.99", "USD"));
		List<LoggedRequest> refunds = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/refunds")));
		assertThat(refunds).extracting(LoggedRequest::getBodyAsString)
			.anySatisfy(b -> assertThat(b).contains("amount=500", "payment_intent=" + intent))
			.anySatisfy(b -> assertThat(b).contains("amount=1499", "payment_intent=" + intent));
		assertThat(refunds).extracting(r -> r.getHeader("Idempotency-Key")).doesNotHaveDuplicates()
			.allSatisfy(k -> assertThat(k).startsWith(payment.id() + ":refund:"));
		assertThat(payments.findByCart(cart).orElseThrow().refundedAmount()).isEqualTo(Money.of("19.99", "USD"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(orders.find(orderId).orElseThrow().paymentStatus()).isEqualTo("refunded"));
	}

	@Test
	void aDeclinedCardAnswersTheCartWithTheReasonAndPlacesNoOrder() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		stubRetrieve("requires_payment_method", 1999, """
				, "last_payment_error": {"type": "card_error", "code": "card_declined", "decline_code":
				  "insufficient_funds", "message": "Your card has insufficient funds."}""");
		stub(post(urlEqualTo("/v1/payment_intents/" + intent + "/cancel"))
			.willReturn(json(200, intentJson(intent, 1999, "usd", "canceled", null))));
		Answer completed = complete(cart);
		assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
		assertThat(completed.body().path("type").asString()).isEqualTo("cart");
		assertThat(completed.body().path("error").path("type").asString()).isEqualTo("payment_authorization_error");
		assertThat(completed.body().path("error").path("message").asString())
			.contains("Your card has insufficient funds.", "insufficient_funds");
		assertThat(orders.findByCart(cart)).isEmpty();
		PaymentCollection collection = payments.findByCart(cart).orElseThrow();
		assertThat(collection.livePayment()).isEmpty();
		assertThat(collection.status()).isEqualTo(PaymentCollectionStatus.AWAITING);
	}

	@Test
	void aCardErrorFromStripeIsADeclineNotAServerFault() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		stubRetrieve("requires_confirmation", 1999, null);
		stub(post(urlEqualTo("/v1/payment_intents/" + intent + "/confirm"))
			.willReturn(json(402, error("card_error", "card_declined", "Your card was declined.", "generic_decline"))));
		stub(post(urlEqualTo("/v1/payment_intents/" + intent + "/cancel"))
			.willReturn(json(200, intentJson(intent, 1999, "usd", "canceled", null))));
		Answer completed = complete(cart);
		assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
		assertThat(completed.body().path("error").path("message").asString()).contains("Your card was declined.");
		assertThat(orders.findByCart(cart)).isEmpty();
		// Confirmed once with the checkout's key (a 402 is not retried by stripe-java).
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent + "/confirm"))))
			.singleElement()
			.satisfies(r -> assertThat(r.getHeader("Idempotency-Key")).endsWith(":authorize"));
	}

	@Test
	void threeDSecureAnswersTheActionForTheClientAndCompletesOnceTheShopperActed() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		stubRetrieve("requires_action", 1999, """
				, "next_action": {"type": "use_stripe_sdk", "use_stripe_sdk": {"type": "three_d_secure_redirect"}}""");
		Answer challenged = complete(cart);
		assertThat(challenged.status()).as(challenged.raw()).isEqualTo(200);
		assertThat(challenged.body().path("type").asString()).isEqualTo("cart");
		JsonNode session = challenged.body().path("cart").path("payment_collection").path("payment_sessions").get(0);
		assertThat(session.path("status").asString()).as(challenged.raw()).isEqualTo("requires_more");
		assertThat(session.path("data").path("next_action").path("type").asString()).isEqualTo("use_stripe_sdk");
		assertThat(session.path("data").path("client_secret").asString()).isEqualTo(intent + "_secret_abc123");
		assertThat(orders.findByCart(cart)).isEmpty();

		stubRetrieve("requires_capture", 1999, null);
		Answer completed = complete(cart);
		assertThat(completed.body().path("type").asString()).as(completed.raw()).isEqualTo("order");
		assertThat(orders.findByCart(cart)).isPresent();
	}

	@Test
	void stripeFailingWith500IsRetriedWithTheSameIdempotencyKeyAndMakesOneIntent() {
		String cart = cart(usd, 2);
		stub(post(urlEqualTo("/v1/payment_intents")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(500, error("api_error", "internal", "An unknown error occurred", null)))
			.willSetStateTo("recovered"));
		stub(post(urlEqualTo("/v1/payment_intents")).inScenario("flaky").whenScenarioStateIs("recovered")
			.willReturn(json(200, intentJson(intent, 3998, "usd", "requires_payment_method", null))));
		JsonNode collection = stripeSession(cart);
		assertThat(collection.path("payment_sessions").get(0).path("data").path("id").asString()).isEqualTo(intent);
		List<LoggedRequest> creates = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
		assertThat(creates).hasSize(2);
		assertThat(creates).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(
				creates.getFirst().getHeader("Idempotency-Key"));
		assertThat(creates.getFirst().getBodyAsString()).contains("amount=3998");

		stubRetrieve("requires_capture", 3998, null);
		assertThat(complete(cart).body().path("type").asString()).isEqualTo("order");
		assertThat(payments.findByCart(cart).orElseThrow().payments()).hasSize(1);
	}

	@Test
	void stripeNotAnsweringInTimePlacesNoOrderAndLeavesNoLivePayment() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		stub(get(urlEqualTo("/v1/payment_intents/" + intent))
			.willReturn(json(200, intentJson(intent, 1999, "usd", "requires_capture", null)).withFixedDelay(2500)));
		stub(post(urlEqualTo("/v1/payment_intents/" + intent + "/cancel"))
			.willReturn(json(200, intentJson(intent, 1999, "usd", "canceled", null))));
		Answer completed = complete(cart);
		assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
		assertThat(completed.body().path("type").asString()).isEqualTo("cart");
		assertThat(completed.body().path("error").path("message").asString()).containsIgnoringCase("could not be reached");
		assertThat(orders.findByCart(cart)).isEmpty();
		PaymentCollection collection = payments.findByCart(cart).orElseThrow();
		assertThat(collection.livePayment()).isEmpty();
		assertThat(collection.sessions()).singleElement().satisfies(s -> assertThat(s.status().code()).isEqualTo("error"));
		// The intent that may have been confirmed meanwhile is released at Stripe.
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent + "/cancel"))))
			.isNotEmpty();
	}

	@Test
	void cancelingAnAuthorisedPaymentVoidsTheIntentAndAnAlreadyCanceledIntentCountsAsVoided() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		stubRetrieve("requires_capture", 1999, null);
		assertThat(complete(cart).body().path("type").asString()).isEqualTo("order");
		// Stripe already canceled it (the authorisation expired): its 400 is followed by a read that says so.
		stub(post(urlEqualTo("/v1/payment_intents/" + intent + "/cancel")).willReturn(json(400, error(
				"invalid_request_error", "payment_intent_unexpected_state",
				"You cannot cancel this PaymentIntent because it has a status of canceled.", null))));
		stubRetrieve("canceled", 1999, null);
		Order order = orders.findByCart(cart).orElseThrow();
		payments.cancel(order.paymentCollectionId());
		PaymentCollection canceled = payments.findByCart(cart).orElseThrow();
		assertThat(canceled.status()).isEqualTo(PaymentCollectionStatus.CANCELED);
		assertThat(canceled.livePayment()).isEmpty();
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent + "/cancel")))
			.getFirst().getHeader("Idempotency-Key")).endsWith(":cancel");
	}

	@Test
	void aCartChangedAfterTheIntentWasMadeUpdatesTheIntentBeforeItIsConfirmed() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		Answer read = store("GET", "/store/carts/" + cart, null);
		String line = read.body().path("cart").path("items").get(0).path("id").asString();
		Answer changed = store("POST", "/store/carts/" + cart + "/line-items/" + line, "{\"quantity\": 2}");
		assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
		stubRetrieve("requires_confirmation", 1999, null);
		stub(post(urlEqualTo("/v1/payment_intents/" + intent))
			.willReturn(json(200, intentJson(intent, 3998, "usd", "requires_confirmation", null))));
		stub(post(urlEqualTo("/v1/payment_intents/" + intent + "/confirm"))
			.willReturn(json(200, intentJson(intent, 3998, "usd", "requires_capture", null))));
		Answer completed = complete(cart);
		assertThat(completed.body().path("type").asString()).as(completed.raw()).isEqualTo("order");
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent))))
			.singleElement()
			.satisfies(r -> assertThat(r.getBodyAsString()).isEqualTo("amount=3998"));
		assertThat(payments.findByCart(cart).orElseThrow().livePayment().orElseThrow().amount())
			.isEqualTo(Money.of("39.98", "USD"));
	}

	@Test
	void anIntentConfirmedForAnOldAmountIsRefusedAndReleased() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		String line = store("GET", "/store/carts/" + cart, null).body().path("cart").path("items").get(0).path("id")
			.asString();
		assertThat(store("POST", "/store/carts/" + cart + "/line-items/" + line, "{\"quantity\": 3}").status())
			.isEqualTo(200);
		stubRetrieve("requires_capture", 1999, null);
		stub(post(urlEqualTo("/v1/payment_intents/" + intent + "/cancel"))
			.willReturn(json(200, intentJson(intent, 1999, "usd", "canceled", null))));
		Answer completed = complete(cart);
		assertThat(completed.body().path("type").asString()).as(completed.raw()).isEqualTo("cart");
		assertThat(completed.body().path("error").path("message").asString()).contains("start a new payment session");
		assertThat(orders.findByCart(cart)).isEmpty();
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents/" + intent + "/cancel"))))
			.isNotEmpty();
	}

	@Test
	void aZeroDecimalCurrencyIsSentInWholeUnits() {
		String cart = cart(jpy, 1);
		stubCreate(1500, "jpy");
		stripeSession(cart);
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))
			.withRequestBody(containing("currency=jpy")))).singleElement()
			.satisfies(r -> assertThat(r.getBodyAsString()).contains("amount=1500&"));
	}
}
