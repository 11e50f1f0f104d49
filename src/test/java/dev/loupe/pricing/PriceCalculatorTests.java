package dev.loupe.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class PriceCalculatorTests {

	private static final PriceContext EUROPE = new PriceContext("eur", "reg_europe", true, Instant.parse("2026-11-23T10:00:00Z"));

	private static Gen<PriceCalculator.Candidate> candidates() {
		return integers().between(0, 10_000_000).zip(booleans().all(), booleans().all(), integers().between(0, 3),
				(cents, regional, sale, id) -> new PriceCalculator.Candidate("price_" + id + cents,
						BigDecimal.valueOf(cents, 2), regional ? "reg_europe" : null, sale ? "plist_" + id : null,
						sale ? "sale" : null));
	}

	@Test
	void calculatedPricesAreNeverNegativeNeverAboveTheOriginalAndInTheContextsCurrency() {
		qt().forAll(lists().of(candidates()).ofSizeBetween(1, 8)).checkAssert(list -> {
			CalculatedPrice price = PriceCalculator.choose("variant_x", list, EUROPE).orElseThrow();
			assertThat(price.calculated().isNegative()).isFalse();
			assertThat(price.calculated().compareTo(price.original())).isLessThanOrEqualTo(0);
			assertThat(price.calculated().currencyCodeLower()).isEqualTo("eur");
			assertThat(price.original().currencyCodeLower()).isEqualTo("eur");
			assertThat(price.taxInclusive()).isTrue();
			boolean hasBase = list.stream().anyMatch(c -> c.priceListId() == null);
			if (price.isFromPriceList() && hasBase) {
				assertThat(price.calculated().compareTo(price.original())).isNegative();
				assertThat(price.priceListType()).isEqualTo("sale");
			}
		});
	}

	@Test
	void theRegionsOwnPriceBeatsTheCurrencyWidePriceAndTheLowestSaleWins() {
		var currencyWide = new PriceCalculator.Candidate("price_a", new BigDecimal("50"), null, null, null);
		var regional = new PriceCalculator.Candidate("price_b", new BigDecimal("55"), "reg_europe", null, null);
		var sale = new PriceCalculator.Candidate("price_c", new BigDecimal("45"), null, "plist_1", "sale");
		var deeperSale = new PriceCalculator.Candidate("price_d", new BigDecimal("40"), null, "plist_2", "sale");
		var uselessSale = new PriceCalculator.Candidate("price_e", new BigDecimal("60"), null, "plist_3", "sale");

		CalculatedPrice base = PriceCalculator.choose("v", List.of(currencyWide, regional), EUROPE).orElseThrow();
		assertThat(base.original().amount()).isEqualByComparingTo("55");
		assertThat(base.calculated().amount()).isEqualByComparingTo("55");
		assertThat(base.isFromPriceList()).isFalse();

		CalculatedPrice onSale = PriceCalculator.choose("v", List.of(currencyWide, regional, sale, deeperSale), EUROPE)
			.orElseThrow();
		assertThat(onSale.calculated().amount()).isEqualByComparingTo("40");
		assertThat(onSale.priceListId()).isEqualTo("plist_2");
		assertThat(onSale.original().amount()).isEqualByComparingTo("55");

		CalculatedPrice notLower = PriceCalculator.choose("v", List.of(regional, uselessSale), EUROPE).orElseThrow();
		assertThat(notLower.calculated().amount()).isEqualByComparingTo("55");
		assertThat(notLower.isFromPriceList()).isFalse();

		assertThat(PriceCalculator.choose("v", List.of(), EUROPE)).isEqualTo(Optional.empty());
	}
}
