package dev.loupe.promotion;

import java.util.List;

/**
 * "Applies to items whose product (or its collection, or one of its categories) is one of these": Medusa's target
 * rule with attribute {@code items.product.id}, {@code items.product.collection_id} or
 * {@code items.product.categories.id}.
 */
public record TargetRule(String id, String attribute, String operator, List<String> values) {

	public static final String PRODUCT = "items.product.id";
	public static final String COLLECTION = "items.product.collection_id";
	public static final String CATEGORY = "items.product.categories.id";

	public TargetRule {
		values = List.copyOf(values);
	}

	/** True when the line's product satisfies this rule. */
	public boolean matches(DiscountLine line) {
		return switch (attribute) {
			case PRODUCT -> line.productId() != null && values.contains(line.productId());
			case COLLECTION -> line.collectionId() != null && values.contains(line.collectionId());
			case CATEGORY -> line.categoryIds().stream().anyMatch(values::contains);
			default -> false;
		};
	}
}
