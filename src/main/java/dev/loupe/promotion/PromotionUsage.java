package dev.loupe.promotion;

import java.time.Instant;

/** How much a promotion has been used: orders, distinct customers (or guest emails) and the last use (null: never). */
public record PromotionUsage(long times, long customers, Instant lastUsedAt) {
}
