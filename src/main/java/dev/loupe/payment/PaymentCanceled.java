package dev.loupe.payment;

import dev.loupe.platform.Money;

/**
 * A collection was canceled; when it had an authorised payment, {@code paymentId} names the payment the provider
 * voided and {@code amount} is what was released (zero otherwise).
 */
public record PaymentCanceled(String collectionId, String cartId, String paymentId, Money amount) {
}
