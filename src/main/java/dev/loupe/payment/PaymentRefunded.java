package dev.loupe.payment;

import dev.loupe.platform.Money;

/** The provider confirmed a refund of {@code amount}; {@code refundedTotal} is all refunded of the payment so far. */
public record PaymentRefunded(String refundId, String paymentId, String collectionId, Money amount,
		Money refundedTotal, String reason) {
}
