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
		Optional<PaymentSession> session = session(intent.path("id").asString(""));
		if (session.isEmpty()) {
			return;
		}
		Optional<Payment> payment = ensurePaid(session.get());
		if (payment.isPresent() && envelope.type().equals("payment_intent.succeeded")) {
			recordCaptured(payment.get(), intent.path("id").asString(), intent.path("amount_received").asLong(),
					intent.path("currency").asString());
		}
	}

	/**
	 * The live payment of a session Stripe says was paid: when its collection is still open (the cart was not
	 * completed), the cart is completed first. Empty when the collection was canceled meanwhile or the session was
	 * replaced (logged: Stripe holds money Loupe does not expect, for staff to refund).
	 */
	private Optional<Payment> ensurePaid(PaymentSession session) {
		CollectionRow collection = rows.collection(session.collectionId()).orElseThrow();
		if (collection.status() == PaymentCollectionStatus.CANCELED) {
			log.warn("Stripe reports the PaymentIntent of session {} paid, but its collection {} is canceled",
					session.id(), collection.id());
			return Optional.empty();
		}
		if (collection.status().isOpen()) {
			if (!session.status().isAuthorizable()) {
				log.warn("Stripe reports the PaymentIntent of session {} paid, but the session is {}", session.id(),
						session.status().code());
				return Optional.empty();
			}
			// The shopper paid but the cart was not completed (yet): complete it now. Idempotent per cart.
			events.publishEvent(new PaymentSucceededAtProvider(collection.id(), collection.cartId(), session.id(),
					session.providerId()));
			collection = rows.collection(session.collectionId()).orElseThrow();
		}
		String collectionId = collection.id();
		Optional<Payment> payment = rows.assemble(collection).livePayment()
			.filter(p -> p.sessionId().equals(session.id()));
		if (payment.isEmpty() && collection.status().isOpen()) {
			// Nobody completed the cart (a listener would have thrown): retried by the inbox.
			throw new IllegalStateException("Collection " + collectionId + " is still " + collection.status().code());
		}
		return payment;
	}

	/** Records a capture made at Stripe (automatic capture, or in the dashboard) that Loupe has not recorded. */
	private void recordCaptured(Payment payment, String intentId, long stripeAmount, String currency) {
		Money captured = StripeAmounts.fromStripe(stripeAmount, currency);
		Money known = known(payment, Movements.Kind.CAPTURE);
		if (captured.compareTo(known) > 0) {
			movements.recordDone(Movements.Kind.CAPTURE, payment.id(), captured.minus(known), null, null,
					"stripe:" + intentId + ":captured:" + stripeAmount);
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
		String intentId = charge.path("payment_intent").asString("");
		Optional<PaymentSession> session = session(intentId);
		if (session.isEmpty()) {
			return;
		}
		// A refund implies a payment and a capture: events that say so may not have arrived (or been applied) yet.
		Optional<Payment> paid = ensurePaid(session.get());
		if (paid.isEmpty()) {
			return;
		}
		String currency = charge.path("currency").asString();
		recordCaptured(paid.get(), intentId, charge.path("amount_captured").asLong(), currency);
		Payment payment = paid.get();
		Money refunded = StripeAmounts.fromStripe(charge.path("amount_refunded").asLong(), currency);
		Money known = known(payment, Movements.Kind.REFUND);
		if (refunded.compareTo(known) > 0) {
			movements.recordDone(Movements.Kind.REFUND, payment.id(), refunded.minus(known), "other",
					"refunded at Stripe", "stripe:" + charge.path("id").asString() + ":refunded:"
							+ charge.path("amount_refunded").asLong());
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
