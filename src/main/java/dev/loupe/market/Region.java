package dev.loupe.market;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A region: where a currency, tax settings and payment providers apply. */
public record Region(String id, String name, String currencyCode, boolean automaticTaxes, boolean taxInclusive,
		List<Country> countries, List<String> paymentProviders, Map<String, Object> metadata, Instant createdAt,
		Instant updatedAt) {
}
