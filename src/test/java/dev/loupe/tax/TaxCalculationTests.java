package dev.loupe.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loupe.platform.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Tax rules over random amounts, currencies and rates (QuickTheories), and the worked examples of invoices. */
class TaxCalculationTests {

	private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "KWD", "CHF");

	@Test
	void taxIsNeverNegativeIsRoundedAndKeepsTheCurrency() {
		qt().forAll(amounts(), rates(), booleans().all()).checkAssert((amount, rates, inclusive) -> {
			List<TaxLine> lines = TaxCalculation.lines(amount, rates, inclusive);
			assertThat(lines).hasSameSizeAs(rates);
			for (TaxLine line : lines) {
				assertThat(line.amount().isNegative()).isFalse();
				assertThat(line.amount().isRounded()).isTrue();
				assertThat(line.amount().currency()).isEqualTo(amount.currency());
			}
		});
	}

	@Test
	void includedTaxIsLessThanTheAmountAndEachLineIsWithinHalfAMinorUnitOfExact() {
		qt().forAll(amounts(), rates(), booleans().all()).checkAssert((amount, rates, inclusive) -> {
			List<TaxLine> lines = TaxCalculation.lines(amount, rates, inclusive);
			BigDecimal totalRate = rates.stream().map(TaxRate::ratePercent).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(Money.scaleOf(amount.currency())).divide(BigDecimal.TWO);
			for (int i = 0; i < lines.size(); i++) {
				BigDecimal rate = rates.get(i).ratePercent();
				BigDecimal exact = inclusive
						? amount.amount().multiply(rate).divide(BigDecimal.valueOf(100).add(totalRate), java.math.MathContext.DECIMAL128)
						: amount.amount().multiply(rate).divide(BigDecimal.valueOf(100));
				assertThat(lines.get(i).amount().amount().subtract(exact).abs()).isLessThanOrEqualTo(halfUnit);
			}
			Money total = TaxCalculation.total(amount, lines);
			if (inclusive && amount.isPositive() && totalRate.compareTo(BigDecimal.valueOf(100)) < 0) {
				assertThat(total.compareTo(amount)).isLessThan(0);
			}
		});
	}

	@Test
	void invoiceExamples() {
		TaxRate vat19 = new TaxRate("txr_de", "MwSt", "VAT-DE", new BigDecimal("19"));
		// 119.00 EUR including 19 % holds 19.00 of VAT; 100.00 excluding adds 19.00.
		assertThat(TaxCalculation.lines(Money.of("119.00", "EUR"), List.of(vat19), true).getFirst().amount())
			.isEqualTo(Money.of("19.00", "EUR"));
		assertThat(TaxCalculation.lines(Money.of("100.00", "EUR"), List.of(vat19), false).getFirst().amount())
			.isEqualTo(Money.of("19.00", "EUR"));
		// 9.99 EUR including 19 %: 1.595… rounds half-up to 1.60.
		assertThat(TaxCalculation.lines(Money.of("9.99", "EUR"), List.of(vat19), true).getFirst().amount())
			.isEqualTo(Money.of("1.60", "EUR"));
		// Two rates on one US line: 6.25 % state and 1 % county on 19.99 USD → 1.25 and 0.20.
		List<TaxLine> us = TaxCalculation.lines(Money.of("19.99", "USD"),
				List.of(new TaxRate("a", "State", "TX", new BigDecimal("6.25")), new TaxRate("b", "County", "TX-C", BigDecimal.ONE)),
				false);
		assertThat(us).extracting(TaxLine::amount).containsExactly(Money.of("1.25", "USD"), Money.of("0.20", "USD"));
		// Yen has no minor unit: 1,234 JPY at 10 % inclusive holds 112 JPY.
		assertThat(TaxCalculation.lines(Money.of("1234", "JPY"), List.of(new TaxRate("j", "JCT", "JP", BigDecimal.TEN)), true)
			.getFirst().amount()).isEqualTo(Money.of("112", "JPY"));
		assertThat(TaxCalculation.lines(Money.of("10.00", "EUR"), List.of(), true)).isEmpty();
	}

	private static Gen<Money> amounts() {
		return longs().between(0, 10_000_000_000L).zip(integers().between(0, CURRENCIES.size() - 1),
				(minor, currency) -> Money.ofMinor(minor, CURRENCIES.get(currency)));
	}

	private static Gen<List<TaxRate>> rates() {
		Gen<TaxRate> rate = integers().between(0, 30_000).map(basisPoints -> new TaxRate("txr", "Tax", "T",
				BigDecimal.valueOf(basisPoints, 3)));
		return lists().of(rate).ofSizeBetween(0, 3);
	}
}
