package dev.loupe.tax;

import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The tax on an amount, exact to the minor unit of its currency. With tax-exclusive prices each rate adds
 * {@code amount × rate}; with tax-inclusive prices the amount already holds the tax, which is
 * {@code amount × rate / (100 + total rate)} shared between the rates. Each tax line is rounded half-up to the minor
 * unit once, at the line, as invoices print it; totals add rounded lines, so they always match what is shown.
 */
public final class TaxCalculation {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
	private static final MathContext PRECISION = new MathContext(34, RoundingMode.HALF_EVEN);

	private TaxCalculation() {
	}

	/** The tax lines of an amount under these rates; no rates (or a zero amount) gives zero tax. */
	public static List<TaxLine> lines(Money amount, List<TaxRate> rates, boolean taxInclusive) {
		List<TaxLine> lines = new ArrayList<>(rates.size());
		BigDecimal totalRate = rates.stream().map(TaxRate::ratePercent).reduce(BigDecimal.ZERO, BigDecimal::add);
		for (TaxRate rate : rates) {
			BigDecimal tax = taxInclusive
					? amount.amount().multiply(rate.ratePercent()).divide(HUNDRED.add(totalRate), PRECISION)
					: amount.amount().multiply(rate.ratePercent()).divide(HUNDRED, PRECISION);
			Money rounded = Money.of(tax, amount.currencyCode()).rounded();
			lines.add(new TaxLine(rate.id(), rate.name(), rate.code(), rate.ratePercent(), rounded));
		}
		return lines;
	}

	/** The sum of tax lines, in the amount's currency. */
	public static Money total(Money amount, List<TaxLine> lines) {
		Money total = Money.zero(amount.currency());
		for (TaxLine line : lines) {
			total = total.plus(line.amount());
		}
		return total;
	}
}
