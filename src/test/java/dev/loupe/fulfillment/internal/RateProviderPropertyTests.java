package dev.loupe.fulfillment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.loupe.fulfillment.ShippedItem;
import dev.loupe.fulfillment.ShippingContext;
import dev.loupe.fulfillment.ShippingOption;
import dev.loupe.fulfillment.ShippingOptionType;
import dev.loupe.fulfillment.ShippingPrice;
import dev.loupe.fulfillment.ShippingRate;
import dev.loupe.fulfillment.WeightBracket;
import dev.loupe.platform.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in providers over random prices, thresholds, subtotals, brackets and weights (QuickTheories). */
class RateProviderPropertyTests {

	private static final ShippingOptionType TYPE = new ShippingOptionType("sotype_x", "X", "", "standard");

	private static ShippingOption option(List<ShippingPrice> prices, List<WeightBracket> brackets) {
		return new ShippingOption("so_x", "reg_x", "X", "sp_x", "p", "flat", List.of(), prices, brackets, TYPE, null, true,
				null, null, null);
	}

	private static ShippingContext context(long subtotalCents, List<ShippedItem> items) {
		return new ShippingContext("reg_x", "usd", "us", null, null, Money.ofMinor(subtotalCents, "USD"), items);
	}

	@Test
	void aFlatPriceIsNeverNegativeAndIsZeroExactlyFromTheThresholdOn() {
		ManualRateProvider manual = new ManualRateProvider();
		// Half the subtotals are within 3 cents of the threshold, so the boundary itself is tried every run.
		qt().forAll(integers().between(0, 1_000_000), integers().between(-1, 1_000_000), integers().between(0, 2_000_000),
				integers().between(-3, 3))
			.checkAssert((priceCents, thresholdCents, randomCents, nearby) -> {
				int subtotalCents = randomCents % 2 == 0 ? randomCents : Math.max(0, thresholdCents + nearby);
				Money threshold = thresholdCents < 0 ? null : Money.ofMinor(thresholdCents, "USD");
				ShippingOption option = option(List.of(ShippingPrice.of(Money.ofMinor(priceCents, "USD"), threshold, false)),
						List.of());
				ShippingRate rate = manual.rate(option, context(subtotalCents, List.of()));
				assertThat(rate).isInstanceOf(ShippingRate.Priced.class);
				Money amount = ((ShippingRate.Priced) rate).amount();
				assertThat(amount.isNegative()).isFalse();
				assertThat(amount.isRounded()).isTrue();
				boolean free = threshold != null && subtotalCents >= thresholdCents;
				assertThat(amount).isEqualTo(free ? Money.zero("USD") : Money.ofMinor(priceCents, "USD"));
			});
	}

	@Test
	void aTableRateIsTheSmallestBracketHoldingTheWeightAndNoneBeyondTheLargest() {
		TableRateProvider table = new TableRateProvider();
		qt().forAll(lists().of(integers().between(1, 50_000)).ofSizeBetween(1, 6), integers().between(0, 60_000))
			.checkAssert((limits, weight) -> {
				List<WeightBracket> brackets = limits.stream().distinct()
					.map(g -> new WeightBracket(g, Money.ofMinor(g, "USD"), false))
					.toList();
				ShippingRate rate = table.rate(option(List.of(), brackets),
						context(0, List.of(new ShippedItem("v", 1, weight, true))));
				long smallest = brackets.stream().mapToLong(WeightBracket::upToGrams).filter(g -> g >= weight).min()
					.orElse(-1);
				if (smallest < 0) {
					assertThat(rate).isInstanceOf(ShippingRate.Unavailable.class);
				}
				else {
					// Each bracket costs its own limit in cents, so the price names the bracket chosen.
					assertThat(rate).isEqualTo(new ShippingRate.Priced(Money.ofMinor(smallest, "USD"), false));
				}
			});
	}
}
