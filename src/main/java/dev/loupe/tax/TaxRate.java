package dev.loupe.tax;

import java.math.BigDecimal;

/** A tax rate that applies to a place, in percent ({@code 19} for 19 % VAT). */
public record TaxRate(String id, String name, String code, BigDecimal ratePercent) {
}
