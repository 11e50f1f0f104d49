package dev.loupe.order;

import java.time.Instant;

/**
 * One entry of an order's history: a status field ({@code status}, {@code payment_status},
 * {@code fulfillment_status}) went {@code from} one wire value {@code to} another (from is null when placed).
 */
public record OrderChange(String orderId, String field, String from, String to, String actor, String reason,
		Instant at) {
}
