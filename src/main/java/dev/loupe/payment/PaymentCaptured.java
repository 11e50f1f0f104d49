package dev.loupe.payment;

import dev.loupe.platform.Money;

/** The provider confirmed a capture of {@code amount}; {@code capturedTotal} is all captured of the payment so far. */
public record PaymentCaptured(String captureId, String paymentId, String collectionId, Money amount,
		Money capturedTotal) {
}
