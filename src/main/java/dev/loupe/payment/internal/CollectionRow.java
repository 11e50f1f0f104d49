package dev.loupe.payment.internal;

import dev.loupe.payment.PaymentCollectionStatus;
import dev.loupe.platform.Money;
import java.time.Instant;

/** A row of {@code payment.payment_collection}, with the lease of an authorisation in flight. */
public record CollectionRow(String id, String cartId, Money amount, Money authorizedAmount, Money capturedAmount,
		Money refundedAmount, PaymentCollectionStatus status, String orderId, String authorizingSessionId,
		Instant authorizingSince, Instant completedAt, Instant createdAt, Instant updatedAt) {

	public String currencyCode() {
		return amount.currencyCodeLower();
	}
}
