package dev.loupe.fulfillment;

import dev.loupe.platform.Money;

/** A bracket of a table-rate option: shipments of at most {@code upToGrams} cost {@code amount}. */
public record WeightBracket(long upToGrams, Money amount, boolean taxInclusive) {
}
