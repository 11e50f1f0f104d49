package dev.loupe.fulfillment;

import dev.loupe.platform.Money;
import java.util.List;
import java.util.Map;

/**
 * An option priced for one cart. {@code amount} is null when a calculated option cannot be priced yet (its provider
 * needs an address); {@code prices} are the option's flat prices as configured (empty for calculated options).
 */
public record ShippingOffer(String optionId, String name, String profileId, String providerId, String priceType,
		Money amount, boolean taxInclusive, ShippingOptionType type, Map<String, Object> data, String regionId,
		List<ShippingPrice> prices) {

	public boolean isPriced() {
		return amount != null;
	}
}
