package dev.loupe.order;

/** A pending order was canceled (payments and reservations are released by their own modules' listeners). */
public record OrderCanceled(String orderId, String reason) {
}
