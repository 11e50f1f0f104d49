package dev.loupe.payment.internal;

import dev.loupe.payment.Payment;
import dev.loupe.payment.PaymentCaptured;
import dev.loupe.payment.PaymentCollectionStatus;
import dev.loupe.payment.PaymentProvider;
import dev.loupe.payment.PaymentProviderException;
import dev.loupe.payment.PaymentProviders;
import dev.loupe.payment.PaymentRefunded;
import dev.loupe.payment.ProviderPayment;
import dev.loupe.payment.ProviderResult;
import dev.loupe.platform.ErrorType;
import dev.loupe.platform.Ids;
import dev.loupe.platform.LoupeException;
import dev.loupe.platform.Money;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Captures and refunds of a payment. Each is reserved first (a {@code pending} row, written under the payment's
 * lock, whose amount counts against the limit), then sent to the provider outside any transaction, then marked
 * {@code succeeded} or {@code failed}. So two concurrent captures cannot together exceed the authorised amount, nor
 * refunds the captured amount. The caller's idempotency key makes a repeated call answer the first one's result;
 * a call whose provider request failed, or whose process died in flight, is sent again with the same provider key.
 */
@Component
public class Movements {

	/** What is moved: captures against the authorised amount, refunds against the captured amount. */
	public enum Kind {
		CAPTURE, REFUND;

		String table() {
			return this == CAPTURE ? "capture" : "refund";
		}

		String prefix() {
			return this == CAPTURE ? "capt" : "ref";
		}
	}

	private record Reservation(String id, Payment payment, boolean alreadyDone) {
	}

	private final PaymentRows rows;
	private final PaymentProviders providers;
	private final ProviderCalls calls;
	private final PaymentProperties properties;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;

	Movements(PaymentRows rows, PaymentProviders providers, ProviderCalls calls, PaymentProperties properties,
			TransactionTemplate tx, ApplicationEventPublisher events) {
		this.rows = rows;
		this.providers = providers;
		this.calls = calls;
		this.properties = properties;
		this.tx = tx;
		this.events = events;
	}

	public Payment move(Kind kind, String paymentId, Money amount, String reason, String note, String idempotencyKey) {
		return move(kind, paymentId, amount, reason, note, idempotencyKey, true);
	}

	/**
	 * Records a capture or refund that already happened at the provider (its webhook told us: staff refunded in the
	 * provider's dashboard, say). The same checks and idempotency as {@link #move}, without calling the provider.
	 */
	public Payment recordDone(Kind kind, String paymentId, Money amount, String reason, String note,
			String idempotencyKey) {
		return move(kind, paymentId, amount, reason, note, idempotencyKey, false);
	}

	private Payment move(Kind kind, String paymentId, Money amount, String reason, String note, String idempotencyKey,
			boolean atProvider) {
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			throw LoupeException.invalidData("idempotency_key is required (at most 200 characters)");
		}
		if (amount == null || !amount.isPositive() || !amount.isRounded()) {
			throw LoupeException.invalidData("amount must be positive with at most the currency's decimals, not "
					+ amount);
		}
		Reservation reserved = tx.execute(status -> reserve(kind, paymentId, amount, reason, note, idempotencyKey));
		if (reserved.alreadyDone()) {
			return reserved.payment();
		}
		Payment payment = reserved.payment();
		PaymentProvider provider = providers.find(payment.providerId())
			.orElseThrow(() -> LoupeException.notAllowed("Payment provider " + payment.providerId()
					+ " of payment " + paymentId + " is no longer configured"));
		ProviderPayment asked = new ProviderPayment(payment.id(), payment.sessionId(), payment.amount(), payment.data());
		String providerKey = paymentId + ":" + kind.table() + ":" + idempotencyKey;
		ProviderResult result;
		if (!atProvider) {
			ProviderResult recorded = ProviderResult.of(dev.loupe.payment.PaymentSessionStatus.AUTHORIZED, null);
			return tx.execute(status -> succeed(kind, paymentId, reserved.id(), amount, reason, recorded));
		}
		try {
			result = calls.call("Payment provider " + provider.id(), properties.providerTimeout(),
					() -> kind == Kind.CAPTURE ? provider.capture(asked, amount, providerKey)
							: provider.refund(asked, amount, providerKey));
		}
		catch (PaymentProviderException e) {
			tx.executeWithoutResult(status -> {
				rows.setMovementStatus(kind.table(), reserved.id(), "failed");
				rows.record(payment.collectionId(), reserved.id(), "pending", "failed", e.getMessage());
			});
			throw new LoupeException(ErrorType.UNEXPECTED_STATE, 502, "Payment provider " + provider.id()
					+ " could not " + kind.table() + " " + amount + ": " + e.getMessage());
		}
		return tx.execute(status -> succeed(kind, paymentId, reserved.id(), amount, reason, result));
	}

	private Reservation reserve(Kind kind, String paymentId, Money amount, String reason, String note, String key) {
		String collectionId = (Ids.hasPrefix(paymentId, "pay") ? rows.lockPayment(paymentId) : Optional.<String>empty())
			.orElseThrow(() -> LoupeException.notFound("Payment", shown(paymentId)));
		Payment payment = payment(collectionId, paymentId);
		if (!payment.amount().currency().equals(amount.currency())) {
			throw LoupeException.invalidData("amount must be in " + payment.amount().currencyCodeLower() + ", the "
					+ "currency of payment " + paymentId);
		}
		List<PaymentRows.Movement> movements = rows.movements(kind.table(), paymentId, payment.amount().currencyCode());
		Optional<PaymentRows.Movement> same = movements.stream().filter(m -> m.idempotencyKey().equals(key)).findFirst();
		if (same.isPresent() && !same.get().amount().equals(amount)) {
			throw LoupeException.conflict("Idempotency key " + shown(key) + " was used for a " + kind.table() + " of "
					+ same.get().amount() + ", not " + amount);
		}
		if (same.isPresent() && same.get().status().equals("succeeded")) {
			return new Reservation(same.get().id(), payment, true);
		}
		if (payment.canceledAt() != null) {
			throw LoupeException.notAllowed("Payment " + paymentId + " is canceled");
		}
		Money limit = kind == Kind.CAPTURE ? payment.amount() : payment.capturedAmount();
		Money taken = movements.stream()
			.filter(m -> !m.status().equals("failed"))
			.filter(m -> same.isEmpty() || !m.id().equals(same.get().id()))
			.map(PaymentRows.Movement::amount)
			.reduce(Money.zero(payment.amount().currency()), Money::plus);
		if (taken.plus(amount).compareTo(limit) > 0) {
			throw LoupeException.invalidData("amount " + amount + " cannot be " + (kind == Kind.CAPTURE ? "captured"
					: "refunded") + ": " + limit.minus(taken).max(Money.zero(limit.currency())) + " of the "
					+ (kind == Kind.CAPTURE ? "authorised " : "captured ") + limit + " remains");
		}
		if (same.isPresent()) {
			// failed, or pending after a crash: send it again with the same provider key
			rows.setMovementStatus(kind.table(), same.get().id(), "pending");
			rows.record(collectionId, same.get().id(), same.get().status(), "pending", "retried");
			return new Reservation(same.get().id(), payment, false);
		}
		String id = Ids.next(kind.prefix());
		rows.insertMovement(kind.table(), id, paymentId, amount, kind == Kind.REFUND ? reason : null,
				kind == Kind.REFUND ? note : null, key);
		rows.record(collectionId, id, null, "pending", kind.table() + " of " + amount);
		return new Reservation(id, payment, false);
	}

	private Payment succeed(Kind kind, String paymentId, String movementId, Money amount, String reason,
			ProviderResult result) {
		String collectionId = rows.lockPayment(paymentId).orElseThrow();
		Payment before = payment(collectionId, paymentId);
		rows.setMovementStatus(kind.table(), movementId, "succeeded");
		rows.record(collectionId, movementId, "pending", "succeeded", null);
		String currency = before.amount().currencyCode();
		Money total = rows.movements(kind.table(), paymentId, currency).stream()
			.filter(m -> m.status().equals("succeeded"))
			.map(PaymentRows.Movement::amount)
			.reduce(Money.zero(before.amount().currency()), Money::plus);
		CollectionRow collection = rows.lockCollection(collectionId).orElseThrow();
		if (kind == Kind.CAPTURE) {
			rows.setPaymentCaptured(paymentId, total, result.data());
			rows.setCollectionCaptured(collectionId, total);
			if (total.equals(before.amount()) && collection.status() != PaymentCollectionStatus.COMPLETED) {
				collection.status().requireCanBecome(PaymentCollectionStatus.COMPLETED, collectionId);
				rows.setStatus(collectionId, PaymentCollectionStatus.COMPLETED);
				rows.record(collectionId, collectionId, collection.status().code(), "completed", null);
			}
			events.publishEvent(new PaymentCaptured(movementId, paymentId, collectionId, amount, total));
		}
		else {
			rows.setPaymentRefunded(paymentId, total, result.data());
			rows.setCollectionRefunded(collectionId, total);
			events.publishEvent(new PaymentRefunded(movementId, paymentId, collectionId, amount, total, reason));
		}
		return payment(collectionId, paymentId);
	}

	private Payment payment(String collectionId, String paymentId) {
		return rows.payments(collectionId).stream().filter(p -> p.id().equals(paymentId)).findFirst().orElseThrow();
	}

	private static String shown(String value) {
		if (value == null) {
			return "null";
		}
		String s = value.length() > 80 ? value.substring(0, 80) + "…" : value;
		return s.replaceAll("[\\x00-\\x1f\\x7f\"\\\\<>]", "?");
	}
}
