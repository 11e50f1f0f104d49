package dev.loupe.payment.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.loupe.payment.Payment;
import dev.loupe.payment.PaymentCollection;
import dev.loupe.payment.PaymentCollectionStatus;
import dev.loupe.payment.PaymentCollections;
import dev.loupe.payment.PaymentSession;
import dev.loupe.payment.PaymentSessionStatus;
import dev.loupe.payment.PaymentSucceededAtProvider;
import dev.loupe.payment.internal.CollectionRow;
import dev.loupe.payment.internal.Movements;
import dev.loupe.payment.internal.PaymentRows;
import dev.loupe.platform.Money;
import dev.loupe.webhook.WebhookEnvelope;
import dev.loupe.webhook.WebhookRejected;
import dev.loupe.webhook.WebhookRequest;
import dev.loupe.webhook.WebhookSource;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhooks ({@code POST /webhooks/stripe}): {@code Stripe-Signature} is checked with the endpoint's signing
 * secret and a 300 s tolerance; deliveries are queued per PaymentIntent (a charge's events under its intent), so one
 * intent's events are applied one at a time. Each handler reads our state and acts only when it is behind Stripe's,
 * so repeats, replays and events out of order leave one result:
 * <ul>
 * <li>{@code payment_intent.succeeded} / {@code amount_capturable_updated}: a session not authorised yet was paid
 * (the shopper closed the tab): the cart is completed ({@link PaymentSucceededAtProvider}); a capture made outside
 * Loupe is recorded.</li>
 * <li>{@code payment_intent.payment_failed}: noted in the collection's history (the shopper may still retry with
 * another card on the same intent).</li>
 * <li>{@code payment_intent.canceled}: an open session is canceled; an authorised, uncaptured collection is
 * canceled.</li>
 * <li>{@code charge.refunded}: a refund made outside Loupe (the dashboard) is recorded.</li>
 * </ul>
 * Other event types are acknowledged and ignored.
 */
@Component
class StripeWebhooks implements WebhookSource {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StripeProperties properties;
	private final PaymentRows rows;
	private final PaymentCollections payments;
	private final Movements movements;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;

	StripeWebhooks(StripeProperties properties, PaymentRows rows, PaymentCollections payments, Movements movements,
			TransactionTemplate tx, ApplicationEventPublisher events) {
		this.properties = properties;
		this.rows = rows;
		this.payments = payments;
		this.movements = movements;
		this.tx = tx;
		this.events = events;
	}

	@Override
	public String name() {
		return "stripe";
	}

	@Override
	public boolean enabled() {
		return properties.enabled() && !properties.webhookSecret().isBlank();
	}

	@Override
	public WebhookEnvelope verify(WebhookRequest request) {
		String signature = request.header("Stripe-Signature");
		if (signature == null || signature.isBlank()) {
			throw new WebhookRejected("The Stripe-Signature header is missing");
		}
		String payload = utf8(request.body());
		try {
			Webhook.constructEvent(payload, signature, properties.webhookSecret(),
					properties.webhookTolerance().toSeconds());
		}
		catch (SignatureVerificationException e) {
			throw new WebhookRejected("The Stripe signature is invalid: " + e.getMessage());
		}
		catch (RuntimeException e) {
			throw new WebhookRejected("The Stripe event is not valid JSON");
		}
		JsonNode event;
		try {
			event = JSON.readTree(payload);
		}
		catch (RuntimeException e) {
			throw new WebhookRejected("The Stripe event is not valid JSON");
		}
		JsonNode object = event.path("data").path("object");
		String type = event.path("type").asString("");
		String objectId = object.path("id").asString("");
		if (type.startsWith("charge.") && !object.path("payment_intent").asString("").isBlank()) {
			objectId = object.path("payment_intent").asString();
		}
		return new WebhookEnvelope(event.path("id").asString(""), type, objectId, payload);
	}

	@Override
	public void process(WebhookEnvelope envelope) {
		JsonNode object = JSON.readTree(envelope.payload()).path("data").path("object");
		switch (envelope.type()) {
			case "payment_intent.succeeded", "payment_intent.amount_capturable_updated" ->
				paid(envelope, object);
			case "payment_intent.payment_failed" -> failed(object);
			case "payment_intent.canceled" -> canceled(object);
			case "charge.refunded" -> refunded(envelope, object);
			default -> log.debug("Stripe event {} ({}) is not handled", envelope.eventId(), envelope.type());
		}
	}

	private void paid(WebhookEnvelope envelope, JsonNode intent) {
		Optional<PaymentSession> found = session(intent.path("id").asString(""));
		if (found.isEmpty()) {
			return;
		}
		PaymentSession session = found.get();
		CollectionRow collection = rows.collection(session.collectionId()).orElseThrow();
		if (collection.status() == PaymentCollectionStatus.CANCELED) {
			log.warn("Stripe reports PaymentIntent {} paid, but its collection {} is canceled", intent.path("id"),
					collection.id());
			return;
		}
		if (collection.status().isOpen()) {
			if (!session.status().isAuthorizable()) {
				log.warn("Stripe reports PaymentIntent {} paid, but its session {} is {}", intent.path("id"),
						session.id(), session.status().code());
				return;
			}
			// The shopper paid but the cart was not completed (yet): complete it now. Idempotent per cart.
			events.publishEvent(new PaymentSucceededAtProvider(collection.id(), collection.cartId(), session.id(),
					session.providerId()));
			collection = rows.collection(session.collectionId()).orElseThrow();
		}
		if (!envelope.type().equals("payment_intent.succeeded")) {
			return;
		}
		// Captured at Stripe (automatically, or in the dashboard): record what Loupe has not recorded yet.
		PaymentCollection assembled = rows.assemble(collection);
		Optional<Payment> payment = assembled.livePayment().filter(p -> p.sessionId().equals(session.id()));
		if (payment.isEmpty()) {
			throw new IllegalStateException("Collection " + collection.id() + " has no live payment for session "
					+ session.id() + " yet");
		}
		Money received = StripeAmounts.fromStripe(intent.path("amount_received").asLong(),
				intent.path("currency").asString());
		Money known = known(payment.get(), Movements.Kind.CAPTURE);
		if (received.compareTo(known) > 0) {
			movements.recordDone(Movements.Kind.CAPTURE, payment.get().id(), received.minus(known), null, null,
					"stripe:" + intent.path("id").asString() + ":captured:" + received.toMinorUnits());
		}
	}

	private void failed(JsonNode intent) {
		session(intent.path("id").asString("")).ifPresent(session -> {
			JsonNode error = intent.path("last_payment_error");
			String why = error.path("message").asString("the payment failed");
			tx.executeWithoutResult(s -> rows.record(session.collectionId(), session.id(), session.status().code(),
					session.status().code(), "stripe: payment failed: " + (why.length() > 300 ? why.substring(0, 300)
							: why)));
		});
	}

	private void canceled(JsonNode intent) {
		Optional<PaymentSession> found = session(intent.path("id").asString(""));
		if (found.isEmpty()) {
			return;
		}
		PaymentSession session = found.get();
		CollectionRow collection = rows.collection(session.collectionId()).orElseThrow();
		PaymentCollection assembled = rows.assemble(collection);
		boolean paysWithIt = assembled.livePayment().filter(p -> p.sessionId().equals(session.id())).isPresent();
		if (paysWithIt && collection.status() == PaymentCollectionStatus.AUTHORIZED
				&& !collection.capturedAmount().isPositive()) {
			payments.cancel(collection.id()); // the intent is canceled already; Stripe's answer says so
			return;
		}
		if (session.status().isAuthorizable()) {
			tx.executeWithoutResult(s -> {
				rows.lockCollection(collection.id());
				PaymentSession now = rows.sessions(collection.id()).stream()
					.filter(x -> x.id().equals(session.id()))
					.findFirst()
					.orElseThrow();
				if (now.status().canBecome(PaymentSessionStatus.CANCELED) && now.status().isAuthorizable()) {
					rows.setSessionStatus(now.id(), PaymentSessionStatus.CANCELED, null);
					rows.record(collection.id(), now.id(), now.status().code(), "canceled", "stripe: intent canceled");
				}
			});
		}
	}

	private void refunded(WebhookEnvelope envelope, JsonNode charge) {
		Optional<PaymentSession> found = session(charge.path("payment_intent").asString(""));
		if (found.isEmpty()) {
			return;
		}
		PaymentSession session = found.get();
		PaymentCollection collection = rows.assemble(rows.collection(session.collectionId()).orElseThrow());
		Payment payment = collection.payments().stream()
			.filter(p -> p.sessionId().equals(session.id()))
			.findFirst()
			// Out of order: the refund arrived before the payment exists here; retried later.
			.orElseThrow(() -> new IllegalStateException("Collection " + collection.id() + " has no payment for "
					+ "session " + session.id() + " yet"));
		Money refunded = StripeAmounts.fromStripe(charge.path("amount_refunded").asLong(),
				charge.path("currency").asString());
		Money known = known(payment, Movements.Kind.REFUND);
		if (refunded.compareTo(known) > 0) {
			movements.recordDone(Movements.Kind.REFUND, payment.id(), refunded.minus(known), "other",
					"refunded at Stripe", "stripe:" + charge.path("id").asString() + ":refunded:"
							+ refunded.toMinorUnits());
		}
	}

	/** What Loupe has captured or refunded of a payment, counting movements still in flight. */
	private Money known(Payment payment, Movements.Kind kind) {
		return rows.movements(kind == Movements.Kind.CAPTURE ? "capture" : "refund", payment.id(),
				payment.amount().currencyCode())
			.stream()
			.filter(m -> !m.status().equals("failed"))
			.map(PaymentRows.Movement::amount)
			.reduce(Money.zero(payment.amount().currency()), Money::plus);
	}

	/** The session of a PaymentIntent; intents Loupe did not create (other integrations) are ignored. */
	private Optional<PaymentSession> session(String intentId) {
		if (!intentId.startsWith("pi_")) {
			return Optional.empty();
		}
		Optional<PaymentSession> session = rows.sessionByReference(StripePaymentProvider.ID, intentId);
		if (session.isEmpty()) {
			log.info("Stripe event for PaymentIntent {}, which is not Loupe's, ignored", intentId);
		}
		return session;
	}

	private static String utf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException e) {
			throw new WebhookRejected("The Stripe event is not UTF-8");
		}
	}
}
