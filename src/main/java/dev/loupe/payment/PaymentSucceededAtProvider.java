package dev.loupe.payment;

/**
 * A provider told us (by webhook) that the shopper paid a session that Loupe has not authorised yet: the shopper may
 * have closed the tab after paying. Published outside any transaction to synchronous listeners; the checkout
 * completes the cart (once: completion is idempotent per cart). A listener that throws makes the webhook retry.
 */
public record PaymentSucceededAtProvider(String collectionId, String cartId, String sessionId, String providerId) {
}
