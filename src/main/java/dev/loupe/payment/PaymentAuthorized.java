package dev.loupe.payment;

import dev.loupe.platform.Money;

/** A collection's session was authorised and its payment created; published in that transaction. */
public record PaymentAuthorized(String paymentId, String collectionId, String cartId, String providerId,
		Money amount) {
}
