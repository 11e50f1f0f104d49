package dev.loupe.pricing;

import dev.loupe.platform.Money;

/**
 * The price a shopper pays for one unit now ({@code calculated}) and the regular price ({@code original}). When a
 * sale applies, {@code priceListId} names it and {@code calculated} is lower than {@code original}.
 */
public record CalculatedPrice(String variantId, Money calculated, String calculatedPriceId, Money original,
		String originalPriceId, String priceListId, String priceListType, boolean taxInclusive) {

	public boolean isFromPriceList() {
		return priceListId != null;
	}
}
