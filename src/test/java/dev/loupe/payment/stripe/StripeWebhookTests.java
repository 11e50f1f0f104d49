package dev.loupe.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loupe.order.Order;
import dev.loupe.payment.Payment;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollectionStatus;
import dev.loupe.platform.Money;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stripe's webhooks through the inbox: signatures checked (300 s tolerance), every event applied once however often
 * it comes, a payment that arrives before (or instead of) the browser's completion makes exactly one order, and
 * events out of order end in the right state.
 */
class StripeWebhookTests extends StripeTestSupport {

	@Test
	void forgedStaleUnsignedAndMalformedEventsAreRefusedAndNothingIsStored() {
		String payload = event("evt_bad_" + run, "payment_intent.succeeded",
				intentJson(intent, 1999, "usd", "succeeded", null));
		long now = System.currentTimeMillis() / 1000;
		Answer forged = send("POST", "/webhooks/stripe", payload,
				Map.of("Stripe-Signature", signature(payload, now, "whsec_somebody_else")));
		assertThat(forged.status()).as(forged.raw()).isEqualTo(400);
		assertThat(forged.body().path("type").asString()).isEqualTo("invalid_data");
		Answer stale = deliver(payload, now - 301);
		assertThat(stale.status()).as(stale.raw()).isEqualTo(400);
		assertThat(send("POST", "/webhooks/stripe", payload, Map.of()).status()).isEqualTo(400);
		String malformed = "{\"id\": \"evt_bad_" + run + "\", \"type\": ";
		assertThat(deliver(malformed).status()).isEqualTo(400);
		Answer tampered = send("POST", "/webhooks/stripe", payload.replace("1999", "1"),
				Map.of("Stripe-Signature", signature(payload, now, SECRET)));
		assertThat(tampered.status()).isEqualTo(400);
		assertThat(deliveryStatus("evt_bad_" + run)).isNull();
	}

	@Test
	void aPaymentReportedBeforeTheBrowserCompletesMakesExactlyOneOrder() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		stubRetrieve("requires_capture", 1999, null);
		// The shopper paid and closed the tab: only Stripe's event comes, five times (Stripe retries).
		String payload = event("evt_capturable_" + run, "payment_intent.amount_capturable_updated",
				intentJson(intent, 1999, "usd", "requires_capture", null));
		for (int i = 0; i < 5; i++) {
			assertThat(deliver(payload).status()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "processed".equals(deliveryStatus("evt_capturable_" + run)));
		Order order = orders.findByCart(cart).orElseThrow();
		assertThat(order.paymentStatus()).isEqualTo("authorized");
		// The browser's completion comes late and answers the same order.
		Answer late = complete(cart);
		assertThat(late.body().path("type").asString()).as(late.raw()).isEqualTo("order");
		assertThat(late.body().path("order").path("id").asString()).isEqualTo(order.id());
		assertThat(payments.findByCart(cart).orElseThrow().payments()).hasSize(1);
	}

	@Test
	void anAutomaticCaptureAndADashboardRefundAreRecordedOnceEvenOutOfOrder() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		stubRetrieve("succeeded", 1999, null);
		String charge = """
				{"id": "ch_%s", "object": "charge", "amount": 1999, "amount_captured": 1999, "amount_refunded": 700,
				 "captured": true, "currency": "usd", "paid": true, "payment_intent": "%s", "refunded": false,
				 "status": "succeeded"}""".formatted(run, intent);
		// The refund's event comes first, then the payment's: both are applied, in either order, once.
		assertThat(deliver(event("evt_refund_" + run, "charge.refunded", charge)).status()).isEqualTo(200);
		assertThat(deliver(event("evt_paid_" + run, "payment_intent.succeeded",
				intentJson(intent, 1999, "usd", "succeeded", null))).status()).isEqualTo(200);
		assertThat(deliver(event("evt_refund_again_" + run, "charge.refunded", charge)).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15)).until(() -> "processed".equals(deliveryStatus("evt_refund_again_" + run))
				&& "processed".equals(deliveryStatus("evt_paid_" + run)));
		PaymentCollection collection = payments.findByCart(cart).orElseThrow();
		Payment payment = collection.livePayment().orElseThrow();
		assertThat(payment.capturedAmount()).isEqualTo(Money.of("19.99", "USD"));
		assertThat(payment.refundedAmount()).isEqualTo(Money.of("7.00", "USD"));
		assertThat(payment.refunds()).hasSize(1);
		assertThat(collection.status()).isEqualTo(PaymentCollectionStatus.COMPLETED);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(orders.findByCart(cart).orElseThrow()
			.paymentStatus()).isEqualTo("partially_refunded"));
		// Nothing was sent to Stripe for it: the refund was made there.
		assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/refunds")))).isEmpty();
	}

	@Test
	void aFailedPaymentIsNotedAndACanceledIntentCancelsItsOpenSession() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		String failed = intentJson(intent, 1999, "usd", "requires_payment_method", """
				, "last_payment_error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined."}""");
		deliver(event("evt_failed_" + run, "payment_intent.payment_failed", failed));
		deliver(event("evt_canceled_" + run, "payment_intent.canceled", intentJson(intent, 1999, "usd", "canceled", null)));
		// A late success for the canceled intent changes nothing.
		deliver(event("evt_late_" + run, "payment_intent.succeeded", intentJson(intent, 1999, "usd", "succeeded", null)));
		deliver(event("evt_other_" + run, "customer.created", "{\"id\": \"cus_" + run + "\", \"object\": \"customer\"}"));
		await().atMost(Duration.ofSeconds(15)).until(() -> "processed".equals(deliveryStatus("evt_late_" + run))
				&& "processed".equals(deliveryStatus("evt_other_" + run)));
		PaymentCollection collection = payments.findByCart(cart).orElseThrow();
		assertThat(collection.sessions()).isEmpty(); // canceled sessions are not listed
		assertThat(payments.history(collection.id())).anySatisfy(h -> assertThat(h).contains("Your card was declined."));
		assertThat(orders.findByCart(cart)).isEmpty();
	}

	@Test
	void stripeCancelingAnAuthorisedPaymentCancelsTheCollection() {
		String cart = cart(usd, 1);
		stubCreate(1999, "usd");
		stripeSession(cart);
		stubRetrieve("requires_capture", 1999, null);
		assertThat(complete(cart).body().path("type").asString()).isEqualTo("order");
		stub(post(urlEqualTo("/v1/payment_intents/" + intent + "/cancel"))
			.willReturn(json(200, intentJson(intent, 1999, "usd", "canceled", null))));
		String canceled = event("evt_expired_" + run, "payment_intent.canceled",
				intentJson(intent, 1999, "usd", "canceled", ", \"cancellation_reason\": \"automatic\""));
		deliver(canceled);
		deliver(canceled);
		await().atMost(Duration.ofSeconds(15)).until(() -> "processed".equals(deliveryStatus("evt_expired_" + run)));
		assertThat(payments.findByCart(cart).orElseThrow().status()).isEqualTo(PaymentCollectionStatus.CANCELED);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(orders.findByCart(cart).orElseThrow()
			.paymentStatus()).isEqualTo("canceled"));
	}
}
