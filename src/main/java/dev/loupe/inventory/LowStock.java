package dev.loupe.inventory;

/** A variant whose stock that can still be sold (all locations) is at or below its threshold. */
public record LowStock(String variantId, int available, int threshold) {
}
