package dev.loupe.tax;

import java.math.BigDecimal;

/** A tax rate as set up for a region's country (or province), for the back office's settings. */
public record RegionTaxRate(String id, String regionId, String countryCode, String provinceCode, String name,
		String code, BigDecimal ratePercent) {
}
