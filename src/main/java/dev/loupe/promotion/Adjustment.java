package dev.loupe.promotion;

import dev.loupe.platform.Money;

/** A discount on one line or shipping method by one promotion; the amount is positive and rounded. */
public record Adjustment(String targetId, String promotionId, String code, Money amount, String description) {
}
