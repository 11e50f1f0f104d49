package dev.loupe.fulfillment;

import java.util.List;
import java.util.Map;

/**
 * What a new or updated option needs. {@code profileId} null means the default profile; {@code countryCodes} empty
 * means all of the region's countries; {@code prices} are for flat options, {@code brackets} for table-rate ones.
 */
public record ShippingOptionDraft(String regionId, String name, String profileId, String providerId, String priceType,
		List<String> countryCodes, List<ShippingPrice> prices, List<WeightBracket> brackets, String typeLabel,
		String typeDescription, String typeCode, Map<String, Object> data, boolean enabled,
		Map<String, Object> metadata) {

	/** A flat-rate option of the manual provider in the default profile, for every country of the region. */
	public static ShippingOptionDraft flat(String regionId, String name, String typeCode, ShippingPrice price) {
		return new ShippingOptionDraft(regionId, name, null, "manual_manual", "flat", List.of(), List.of(price), List.of(),
				name, "", typeCode, null, true, null);
	}
}
