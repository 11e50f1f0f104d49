package dev.loupe.market;

import java.util.List;

/** What a new region needs: its countries must not belong to another region. */
public record RegionDraft(String name, String currencyCode, boolean taxInclusive, List<String> countries,
		List<String> paymentProviders) {
}
