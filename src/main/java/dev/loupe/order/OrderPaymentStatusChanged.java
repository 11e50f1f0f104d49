package dev.loupe.order;

/** The payment status of an order changed, in Medusa's wire values. */
public record OrderPaymentStatusChanged(String orderId, String from, String to) {
}
