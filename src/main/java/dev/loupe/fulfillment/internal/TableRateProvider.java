package dev.loupe.fulfillment.internal;

import dev.loupe.fulfillment.ShippingContext;
import dev.loupe.fulfillment.ShippingOption;
import dev.loupe.fulfillment.ShippingOptionDraft;
import dev.loupe.fulfillment.ShippingRate;
import dev.loupe.fulfillment.ShippingRateProvider;
import dev.loupe.fulfillment.WeightBracket;
import dev.loupe.platform.LoupeException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Prices by weight ({@code table-rate_table-rate}): the smallest bracket whose {@code up_to_grams} holds the weight
 * of the shipped items wins. A shipment heavier than the largest bracket cannot go by this option, which is then not
 * offered. The brackets live in {@code fulfillment.rate_bracket}, in the region's currency.
 */
@Component
class TableRateProvider implements ShippingRateProvider {

	static final String ID = "table-rate_table-rate";
	private static final int MAX_BRACKETS = 100;

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void check(ShippingOptionDraft draft, String currencyCode) {
		if (!"calculated".equals(draft.priceType())) {
			throw LoupeException.invalidData("price_type must be calculated for provider " + ID);
		}
		if (!draft.prices().isEmpty()) {
			throw LoupeException.invalidData("prices are for flat options; provider " + ID + " prices by brackets");
		}
		if (draft.brackets().isEmpty() || draft.brackets().size() > MAX_BRACKETS) {
			throw LoupeException.invalidData("brackets must hold 1 to " + MAX_BRACKETS + " weight brackets for provider "
					+ ID);
		}
		Set<Long> limits = new HashSet<>();
		for (int i = 0; i < draft.brackets().size(); i++) {
			WeightBracket b = draft.brackets().get(i);
			if (b.upToGrams() <= 0) {
				throw LoupeException.invalidData("brackets[" + i + "].up_to_grams must be positive");
			}
			if (!limits.add(b.upToGrams())) {
				throw LoupeException.invalidData("brackets[" + i + "].up_to_grams " + b.upToGrams() + " appears twice");
			}
		}
	}

	@Override
	public ShippingRate rate(ShippingOption option, ShippingContext context) {
		long weight = context.shippedWeightGrams();
		List<WeightBracket> brackets = option.brackets().stream()
			.filter(b -> b.amount().currencyCodeLower().equals(context.currencyCode()))
			.sorted(Comparator.comparingLong(WeightBracket::upToGrams))
			.toList();
		for (WeightBracket b : brackets) {
			if (weight <= b.upToGrams()) {
				return new ShippingRate.Priced(b.amount().rounded(), b.taxInclusive());
			}
		}
		WeightBracket largest = brackets.isEmpty() ? null : brackets.getLast();
		return largest == null ? new ShippingRate.Unavailable("it has no rates in " + context.currencyCode())
				: new ShippingRate.Unavailable("the shipment weighs " + weight + " g, more than its limit of "
						+ largest.upToGrams() + " g");
	}
}
