package dev.loupe.pricing;

import java.time.Instant;
import java.util.List;

/**
 * A price list: a {@code sale} (shown with the original price struck through) or an {@code override}, applied while
 * {@code active} and between its start and end.
 */
public record PriceList(String id, String title, String description, String type, String status, Instant startsAt,
		Instant endsAt, Instant createdAt, Instant updatedAt, List<VariantPrice> prices) {
}
