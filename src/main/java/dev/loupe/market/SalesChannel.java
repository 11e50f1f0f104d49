package dev.loupe.market;

import java.time.Instant;

/** A sales channel (web store, point of sale…): where products are offered; publishable keys open channels. */
public record SalesChannel(String id, String name, String description, boolean disabled, Instant createdAt) {
}
