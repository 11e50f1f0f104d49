package dev.loupe.payment;

import dev.loupe.platform.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The payment of one cart: the amount to collect, what is authorised, captured and refunded of it, its live
 * sessions (canceled ones are left out, as Medusa deletes them) and its payments.
 */
public record PaymentCollection(String id, String cartId, Money amount, Money authorizedAmount, Money capturedAmount,
		Money refundedAmount, PaymentCollectionStatus status, String orderId, List<PaymentSession> sessions,
		List<Payment> payments, Instant completedAt, Instant createdAt, Instant updatedAt) {

	public PaymentCollection {
		sessions = List.copyOf(sessions);
		payments = List.copyOf(payments);
	}

	/** Lower-case ISO code, as the Store API writes currencies. */
	public String currencyCode() {
		return amount.currencyCodeLower();
	}

	/** The payment that is not canceled, if one was authorised. */
	public Optional<Payment> livePayment() {
		return payments.stream().filter(p -> p.canceledAt() == null).findFirst();
	}
}
