package dev.loupe.tax;

import dev.loupe.platform.Money;
import java.math.BigDecimal;

/** The tax one rate puts on one amount (a cart line or the shipping), rounded to the currency's minor unit. */
public record TaxLine(String rateId, String name, String code, BigDecimal ratePercent, Money amount) {
}
