package dev.loupe.fulfillment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A shipping option ({@code so_…}) of a region, optionally restricted to some of its countries
 * ({@code countryCodes} empty: all of them). Flat options carry {@code prices}; table-rate options carry
 * {@code brackets}.
 */
public record ShippingOption(String id, String regionId, String name, String profileId, String providerId,
		String priceType, List<String> countryCodes, List<ShippingPrice> prices, List<WeightBracket> brackets,
		ShippingOptionType type, Map<String, Object> data, boolean enabled, Map<String, Object> metadata,
		Instant createdAt, Instant updatedAt) {

	public ShippingOption {
		countryCodes = List.copyOf(countryCodes);
		prices = List.copyOf(prices);
		brackets = List.copyOf(brackets);
	}

	/** Whether the option ships to this country; a null country (no address yet) is served by every option. */
	public boolean serves(String countryCode) {
		return countryCode == null || countryCodes.isEmpty() || countryCodes.contains(countryCode);
	}
}
