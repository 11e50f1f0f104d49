package dev.loupe.fulfillment;

import dev.loupe.platform.Money;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What is shipped where: the region and currency of the cart, the destination (null parts while the shopper has not
 * given an address), the items' subtotal that free-shipping thresholds compare with, and the items.
 */
public record ShippingContext(String regionId, String currencyCode, String countryCode, String province,
		String postalCode, Money itemSubtotal, List<ShippedItem> items) {

	public ShippingContext {
		Objects.requireNonNull(regionId, "regionId");
		Objects.requireNonNull(itemSubtotal, "itemSubtotal");
		currencyCode = Money.currency(currencyCode).getCurrencyCode().toLowerCase(Locale.ROOT);
		if (!itemSubtotal.currencyCodeLower().equals(currencyCode)) {
			throw new IllegalArgumentException("The item subtotal " + itemSubtotal + " is not in " + currencyCode);
		}
		countryCode = countryCode == null || countryCode.isBlank() ? null : countryCode.strip().toLowerCase(Locale.ROOT);
		items = List.copyOf(items);
	}

	/** Whether any item needs shipping; a cart of digital goods only has no shipping options. */
	public boolean requiresShipping() {
		return items.stream().anyMatch(ShippedItem::requiresShipping);
	}

	/** The weight of the items that are shipped, in grams; items of unknown weight count as 0 g. */
	public long shippedWeightGrams() {
		return items.stream()
			.filter(ShippedItem::requiresShipping)
			.mapToLong(i -> (long) i.quantity() * (i.weightGrams() == null ? 0 : i.weightGrams()))
			.sum();
	}
}
