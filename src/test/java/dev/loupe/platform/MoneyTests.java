package dev.loupe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class MoneyTests {

	private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "BHD", "KWD", "CHF");

	private static Gen<String> currencies() {
		return integers().between(0, CURRENCIES.size() - 1).map(CURRENCIES::get);
	}

	private static Gen<Long> minorAmounts() {
		return longs().between(-1_000_000_000_000L, 1_000_000_000_000L);
	}

	@Test
	void additionAndSubtractionAreExactAndInverse() {
		qt().forAll(minorAmounts(), minorAmounts(), currencies()).checkAssert((a, b, c) -> {
			Money x = Money.ofMinor(a, c);
			Money y = Money.ofMinor(b, c);
			assertThat(x.plus(y).minus(y)).isEqualTo(x);
			assertThat(x.plus(y)).isEqualTo(y.plus(x));
			assertThat(x.plus(y).toMinorUnits()).isEqualTo(a + b);
		});
	}

	@Test
	void minorUnitsRoundTripAtTheCurrencyScale() {
		qt().forAll(minorAmounts(), currencies()).checkAssert((minor, c) -> {
			Money m = Money.ofMinor(minor, c);
			assertThat(m.toMinorUnits()).isEqualTo(minor);
			assertThat(m.isRounded()).isTrue();
			assertThat(m.toString()).endsWith(" " + c);
		});
	}

	@Test
	void roundingFollowsEachCurrencysMinorUnit() {
		assertThat(Money.of("10.005", "USD").rounded().amount()).isEqualByComparingTo("10.01");
		assertThat(Money.of("10.004", "USD").rounded().amount()).isEqualByComparingTo("10.00");
		assertThat(Money.of("1234.5", "JPY").rounded().amount()).isEqualByComparingTo("1235");
		assertThat(Money.of("1.2345", "BHD").rounded().amount()).isEqualByComparingTo("1.235");
		assertThat(Money.of("-2.5", "JPY").rounded().amount()).isEqualByComparingTo("-3");
		qt().forAll(longs().between(-10_000_000, 10_000_000), integers().between(0, 9), currencies())
			.checkAssert((units, extra, c) -> {
				BigDecimal raw = new BigDecimal(BigInteger.valueOf(units * 10 + extra),
						Money.scaleOf(Money.currency(c)) + 1);
				Money rounded = Money.of(raw, c).rounded();
				assertThat(rounded.isRounded()).isTrue();
				assertThat(rounded.amount().subtract(raw).abs().multiply(BigDecimal.TEN.pow(Money.scaleOf(rounded.currency()))))
					.isLessThanOrEqualTo(new BigDecimal("0.5"));
			});
	}

	@Test
	void allocationAddsUpExactlyAndIsFair() {
		qt().forAll(minorAmounts(), lists().of(longs().between(0, 1_000_000)).ofSizeBetween(1, 12), currencies())
			.checkAssert((minor, weights, c) -> {
				Money whole = Money.ofMinor(minor, c);
				long[] w = weights.stream().mapToLong(Long::longValue).toArray();
				Money[] parts = whole.allocate(w);
				assertThat(parts).hasSize(w.length);
				assertThat(Arrays.stream(parts).mapToLong(Money::toMinorUnits).sum()).isEqualTo(minor);
				long total = Arrays.stream(w).sum();
				if (total > 0) {
					for (int i = 0; i < w.length; i++) {
						double exact = (double) Math.abs(minor) * w[i] / total;
						assertThat(Math.abs(Math.abs(parts[i].toMinorUnits()) - exact)).isLessThan(1.0 + 1e-6 * Math.abs(minor));
					}
				}
			});
	}

	@Test
	void arithmeticAcrossCurrenciesIsRefused() {
		Money dollars = Money.of("10", "USD");
		Money euros = Money.of("10", "EUR");
		assertThatThrownBy(() -> dollars.plus(euros)).isInstanceOf(CurrencyMismatchException.class);
		assertThatThrownBy(() -> dollars.minus(euros)).isInstanceOf(CurrencyMismatchException.class);
		assertThatThrownBy(() -> dollars.compareTo(euros)).isInstanceOf(CurrencyMismatchException.class);
		assertThat(dollars).isNotEqualTo(euros);
	}

	@Test
	void equalValuesAreEqualWhateverTheirScale() {
		qt().forAll(minorAmounts(), integers().between(0, 4), currencies()).checkAssert((minor, extraZeros, c) -> {
			Money a = Money.ofMinor(minor, c);
			Money b = Money.of(a.amount().setScale(a.amount().scale() + extraZeros), c);
			assertThat(b).isEqualTo(a);
			assertThat(b.hashCode()).isEqualTo(a.hashCode());
		});
	}
}
