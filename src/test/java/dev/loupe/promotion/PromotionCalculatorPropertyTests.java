package dev.loupe.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loupe.platform.Money;
import dev.loupe.promotion.ApplicationMethod.Allocation;
import dev.loupe.promotion.ApplicationMethod.Target;
import dev.loupe.promotion.ApplicationMethod.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The discount rules over random carts and promotions (QuickTheories), in currencies with 2, 0 and 3 decimals. */
class PromotionCalculatorPropertyTests {

	private static final List<String> CURRENCIES = List.of("USD", "JPY", "KWD");

	@Test
	void noTargetIsDiscountedBelowZeroAndEveryAdjustmentIsPositiveAndRounded() {
		qt().forAll(carts(), promotionLists()).checkAssert((cart, promotions) -> {
			Discounts d = PromotionCalculator.calculate(cart, promotions);
			for (DiscountLine line : cart.lines()) {
				Money discount = d.on(line.lineId(), cart.currency());
				assertThat(discount.compareTo(line.amount())).as(line.lineId()).isLessThanOrEqualTo(0);
				if (!line.discountable()) {
					assertThat(discount.isZero()).as("non-discountable " + line.lineId()).isTrue();
				}
			}
			for (DiscountShipping method : cart.shippingMethods()) {
				assertThat(d.on(method.shippingMethodId(), cart.currency()).compareTo(method.amount())).isLessThanOrEqualTo(0);
			}
			Stream.concat(d.lineAdjustments().stream(), d.shippingAdjustments().stream()).forEach(a -> {
				assertThat(a.amount().isPositive()).isTrue();
				assertThat(a.amount().isRounded()).isTrue();
				assertThat(a.amount().currency()).isEqualTo(cart.currency());
			});
			assertThat(d.total(cart.currency()).compareTo(discountable(cart).plus(shipping(cart)))).isLessThanOrEqualTo(0);
		});
	}

	@Test
	void aFixedAmountAcrossTheItemsSumsExactlyToTheSmallerOfItsValueAndTheEligibleTotal() {
		qt().forAll(carts(), longs().between(1, 5_000_000)).checkAssert((cart, minor) -> {
			Money value = Money.ofMinor(minor, cart.currency().getCurrencyCode());
			Promotion fixed = Promos.of("fixed", Type.FIXED, Target.ITEMS, Allocation.ACROSS, value.amount().toPlainString(),
					cart.currency().getCurrencyCode(), null);
			Discounts d = PromotionCalculator.calculate(cart, List.of(fixed));
			assertThat(d.total(cart.currency())).isEqualTo(value.min(discountable(cart)));
		});
	}

	@Test
	void oneHundredPercentIsExactlyTheEligibleAmount() {
		qt().forAll(carts(), booleans().all()).checkAssert((cart, each) -> {
			Allocation allocation = each ? Allocation.EACH : Allocation.ACROSS;
			Promotion items = Promos.of("all", Type.PERCENTAGE, Target.ITEMS, allocation, "100", null, null);
			assertThat(PromotionCalculator.calculate(cart, List.of(items)).total(cart.currency())).isEqualTo(discountable(cart));
			Promotion freeShipping = Promos.of("ship", Type.PERCENTAGE, Target.SHIPPING_METHODS, allocation, "100", null, null);
			assertThat(PromotionCalculator.calculate(cart, List.of(freeShipping)).total(cart.currency())).isEqualTo(shipping(cart));
		});
	}

	@Test
	void aPercentageOfTheWholeIsRoundedOnceAndWithinHalfAMinorUnitOfExact() {
		qt().forAll(carts(), integers().between(1, 10_000)).checkAssert((cart, basisPoints) -> {
			BigDecimal percent = BigDecimal.valueOf(basisPoints, 2);
			Promotion order = Promos.of("o", Type.PERCENTAGE, Target.ORDER, Allocation.ACROSS, percent.toPlainString(), null, null);
			Money total = PromotionCalculator.calculate(cart, List.of(order)).total(cart.currency());
			assertThat(total).isEqualTo(discountable(cart).percent(percent).rounded());
		});
	}

	@Test
	void theOrderOfTheLinesDoesNotChangeWhatEachLineGets() {
		qt().forAll(carts(), promotionLists()).checkAssert((cart, promotions) -> {
			List<DiscountLine> reversed = new ArrayList<>(cart.lines());
			Collections.reverse(reversed);
			List<DiscountShipping> reversedShipping = new ArrayList<>(cart.shippingMethods());
			Collections.reverse(reversedShipping);
			DiscountContext other = new DiscountContext(cart.currency(), reversed, reversedShipping, null);
			assertThat(adjustments(PromotionCalculator.calculate(other, promotions)))
				.isEqualTo(adjustments(PromotionCalculator.calculate(cart, promotions)));
		});
	}

	private static Set<Adjustment> adjustments(Discounts d) {
		Set<Adjustment> all = new HashSet<>(d.lineAdjustments());
		all.addAll(d.shippingAdjustments());
		return all;
	}

	private static Money discountable(DiscountContext cart) {
		return cart.lines().stream().filter(DiscountLine::discountable).map(DiscountLine::amount)
			.reduce(Money.zero(cart.currency()), Money::plus);
	}

	private static Money shipping(DiscountContext cart) {
		return cart.shippingMethods().stream().map(DiscountShipping::amount).reduce(Money.zero(cart.currency()), Money::plus);
	}

	private static Gen<DiscountContext> carts() {
		Gen<long[]> line = lists().of(longs().between(0, 2_000_000)).ofSizeBetween(4, 4)
			.map(l -> l.stream().mapToLong(Long::longValue).toArray());
		return integers().between(0, CURRENCIES.size() - 1).zip(lists().of(line).ofSizeBetween(0, 6),
				lists().of(longs().between(0, 100_000)).ofSizeBetween(0, 2), integers().between(0, 2), (c, lines, shipping, tiny) -> {
					String code = CURRENCIES.get(c);
					List<DiscountLine> discountLines = new ArrayList<>();
					for (int i = 0; i < lines.size(); i++) {
						long[] l = lines.get(i);
						// Lines of a cart: amount (in a third of the carts all tiny, where rounding bites), quantity
						// 1–5, a category of two, one in seven not discountable.
						long amount = tiny == 0 ? l[0] % 4 : l[0];
						discountLines.add(new DiscountLine("li_" + i, "prod_" + (l[3] % 3), null,
								List.of("pcat_" + (l[2] % 2)), (int) (l[1] % 5) + 1, Money.ofMinor(amount, code),
								l[3] % 7 != 0));
					}
					List<DiscountShipping> methods = new ArrayList<>();
					for (int i = 0; i < shipping.size(); i++) {
						methods.add(new DiscountShipping("sm_" + i, Money.ofMinor(shipping.get(i), code)));
					}
					return new DiscountContext(Currency.getInstance(code), discountLines, methods, null);
				});
	}

	private static Gen<List<Promotion>> promotionLists() {
		Gen<Promotion> promotion = lists().of(integers().between(0, 1_000_000)).ofSizeBetween(7, 7).map(r -> {
			Type type = r.get(0) % 2 == 0 ? Type.PERCENTAGE : Type.FIXED;
			Target target = Target.values()[r.get(1) % 3];
			Allocation allocation = target == Target.ORDER || r.get(2) % 2 == 0 ? Allocation.ACROSS : Allocation.EACH;
			String value = type == Type.PERCENTAGE ? BigDecimal.valueOf(r.get(3) % 10_000 + 1, 2).toPlainString()
					: String.valueOf(r.get(3) % 5_000 + 1);
			// Fixed amounts in USD, JPY or KWD whole units, so some do not match the cart's currency.
			String currency = type == Type.FIXED ? CURRENCIES.get(r.get(4) % 3) : null;
			Integer maxQuantity = r.get(5) % 3 == 0 ? null : r.get(5) % 4 + 1;
			Promotion p = Promos.of("promo_" + r.get(6), type, target, allocation, value, currency, maxQuantity);
			if (target == Target.ITEMS && r.get(6) % 2 == 0) {
				p = Promos.targeting(p, new TargetRule("r", TargetRule.CATEGORY, "in", List.of("pcat_1")));
			}
			if (r.get(2) % 5 == 0) {
				p = Promos.exclusive(p);
			}
			return r.get(4) % 4 == 0 ? Promos.automatic(p) : p;
		});
		return lists().of(promotion).ofSizeBetween(0, 4);
	}
}
