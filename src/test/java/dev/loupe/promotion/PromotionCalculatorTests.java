package dev.loupe.promotion;

import static dev.loupe.promotion.Promos.amountOff;
import static dev.loupe.promotion.Promos.line;
import static dev.loupe.promotion.Promos.percentOff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.platform.Money;
import dev.loupe.promotion.ApplicationMethod.Allocation;
import dev.loupe.promotion.ApplicationMethod.Target;
import dev.loupe.promotion.ApplicationMethod.Type;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the discount rules, to the cent (and the yen). */
class PromotionCalculatorTests {

	private static final Currency USD = Currency.getInstance("USD");
	private static final Currency JPY = Currency.getInstance("JPY");

	@Test
	void tenPercentOffThreeEqualLinesPutsTheRoundingCentOnOneLine() {
		DiscountContext cart = new DiscountContext(USD, List.of(line("a", "33.33", "USD", 1), line("b", "33.33", "USD", 1),
				line("c", "33.33", "USD", 1)), List.of(), null);
		Discounts d = PromotionCalculator.calculate(cart, List.of(percentOff("welcome", Target.ORDER, "10")));
		// 10 % of 99.99 is 9.999, rounded once to 10.00; 3.33 each and the remaining cent on the first of the ties.
		assertThat(d.total(USD)).isEqualTo(Money.of("10.00", "USD"));
		assertThat(d.on("a", USD)).isEqualTo(Money.of("3.34", "USD"));
		assertThat(d.on("b", USD)).isEqualTo(Money.of("3.33", "USD"));
		assertThat(d.on("c", USD)).isEqualTo(Money.of("3.33", "USD"));
		assertThat(d.lineAdjustments()).allSatisfy(a -> {
			assertThat(a.promotionId()).isEqualTo("welcome");
			assertThat(a.code()).isEqualTo("WELCOME");
			assertThat(a.description()).isEqualTo("Promotion WELCOME");
		});
		assertThat(d.promotionIds()).containsExactly("welcome");
	}

	@Test
	void aFixedAmountAcrossLinesIsProportionalWithTheRemainderOnTheLargestLine() {
		DiscountContext cart = new DiscountContext(USD, List.of(line("a", "10.00", "USD", 1), line("b", "20.00", "USD", 2),
				line("c", "30.00", "USD", 3)), List.of(), null);
		Discounts d = PromotionCalculator.calculate(cart, List.of(amountOff("ten", "10", "USD")));
		assertThat(d.on("a", USD)).isEqualTo(Money.of("1.66", "USD"));
		assertThat(d.on("b", USD)).isEqualTo(Money.of("3.33", "USD"));
		assertThat(d.on("c", USD)).isEqualTo(Money.of("5.01", "USD"));
	}

	@Test
	void theRemainderMovesOnWhenTheLargestLineIsUsedUp() {
		DiscountContext cart = new DiscountContext(USD, List.of(line("a", "0.01", "USD", 1), line("b", "0.01", "USD", 1),
				line("c", "0.01", "USD", 1)), List.of(), null);
		Discounts d = PromotionCalculator.calculate(cart, List.of(amountOff("two", "0.02", "USD")));
		assertThat(d.total(USD)).isEqualTo(Money.of("0.02", "USD"));
		assertThat(List.of(d.on("a", USD), d.on("b", USD), d.on("c", USD)))
			.containsExactly(Money.of("0.01", "USD"), Money.of("0.01", "USD"), Money.of("0", "USD"));
	}

	@Test
	void yenHasNoMinorUnit() {
		DiscountContext cart = new DiscountContext(JPY, List.of(line("a", "1234", "JPY", 1), line("b", "567", "JPY", 1)),
				List.of(), null);
		// 15 % of 1,801 is 270.15: 270, split 184 + 85 with the remaining yen on the larger line.
		Discounts across = PromotionCalculator.calculate(cart, List.of(percentOff("p", Target.ITEMS, "15")));
		assertThat(across.on("a", JPY)).isEqualTo(Money.of("185", "JPY"));
		assertThat(across.on("b", JPY)).isEqualTo(Money.of("85", "JPY"));
		// Per line: 10 % of 1,235 is 123.5, rounded half-up to 124.
		DiscountContext one = new DiscountContext(JPY, List.of(line("a", "1235", "JPY", 1)), List.of(), null);
		Discounts each = PromotionCalculator.calculate(one, List.of(Promos.of("e", Type.PERCENTAGE, Target.ITEMS,
				Allocation.EACH, "10", null, null)));
		assertThat(each.on("a", JPY)).isEqualTo(Money.of("124", "JPY"));
	}

	@Test
	void aFixedAmountPerUnitStopsAtMaxQuantityAndAtTheLineAmount() {
		DiscountContext cart = new DiscountContext(USD, List.of(line("a", "9.00", "USD", 3), line("b", "1.50", "USD", 1)),
				List.of(), null);
		Discounts d = PromotionCalculator.calculate(cart, List.of(Promos.of("each", Type.FIXED, Target.ITEMS,
				Allocation.EACH, "2", "USD", 2)));
		assertThat(d.on("a", USD)).isEqualTo(Money.of("4.00", "USD"));
		assertThat(d.on("b", USD)).isEqualTo(Money.of("1.50", "USD"));
		// Twenty percent of one unit of three: a third of the line's 9.00, i.e. 20 % of 3.00.
		Discounts percent = PromotionCalculator.calculate(cart, List.of(Promos.of("one", Type.PERCENTAGE, Target.ITEMS,
				Allocation.EACH, "20", null, 1)));
		assertThat(percent.on("a", USD)).isEqualTo(Money.of("0.60", "USD"));
		assertThat(percent.on("b", USD)).isEqualTo(Money.of("0.30", "USD"));
	}

	@Test
	void aFixedAmountNeverExceedsWhatItAppliesTo() {
		DiscountContext cart = new DiscountContext(USD, List.of(line("a", "30.00", "USD", 1)), List.of(), null);
		assertThat(PromotionCalculator.calculate(cart, List.of(amountOff("big", "50", "USD"))).total(USD))
			.isEqualTo(Money.of("30.00", "USD"));
	}

	@Test
	void freeShippingNeedsTheMinimumDiscountableItemSubtotal() {
		Promotion freeShipping = Promos.withMinimums(percentOff("ship", Target.SHIPPING_METHODS, "100"),
				Money.of("50", "USD"), Money.of("50", "EUR"));
		List<DiscountShipping> shipping = List.of(new DiscountShipping("sm_1", Money.of("4.99", "USD")));
		DiscountLine notDiscountable = new DiscountLine("gift", "prod_gift", null, List.of(), 1, Money.of("100", "USD"), false);
		DiscountContext short1Cent = new DiscountContext(USD, List.of(line("a", "49.99", "USD", 1), notDiscountable),
				shipping, null);
		assertThat(PromotionCalculator.calculate(short1Cent, List.of(freeShipping)).shippingAdjustments()).isEmpty();
		DiscountContext enough = new DiscountContext(USD, List.of(line("a", "50.00", "USD", 1)), shipping, null);
		Discounts d = PromotionCalculator.calculate(enough, List.of(freeShipping));
		assertThat(d.lineAdjustments()).isEmpty();
		assertThat(d.shippingAdjustments()).singleElement().satisfies(a -> {
			assertThat(a.targetId()).isEqualTo("sm_1");
			assertThat(a.amount()).isEqualTo(Money.of("4.99", "USD"));
		});
		// No minimum in yen: the promotion does not apply to a yen cart at all.
		DiscountContext yen = new DiscountContext(JPY, List.of(line("a", "9000", "JPY", 1)),
				List.of(new DiscountShipping("sm_1", Money.of("500", "JPY"))), null);
		assertThat(PromotionCalculator.calculate(yen, List.of(freeShipping)).shippingAdjustments()).isEmpty();
	}

	@Test
	void targetRulesLimitTheDiscountToTheItemsTheyName() {
		DiscountLine lens = new DiscountLine("lens", "prod_lens", "pcol_optics", List.of("pcat_lenses", "pcat_sale"), 1,
				Money.of("200.00", "USD"), true);
		DiscountLine body = new DiscountLine("body", "prod_body", "pcol_bodies", List.of("pcat_bodies"), 1,
				Money.of("800.00", "USD"), true);
		DiscountContext cart = new DiscountContext(USD, List.of(lens, body), List.of(), null);
		Promotion lenses = Promos.targeting(percentOff("lenses", Target.ITEMS, "25"),
				new TargetRule("r1", TargetRule.CATEGORY, "in", List.of("pcat_lenses")));
		Discounts d = PromotionCalculator.calculate(cart, List.of(lenses));
		assertThat(d.on("lens", USD)).isEqualTo(Money.of("50.00", "USD"));
		assertThat(d.on("body", USD)).isEqualTo(Money.of("0", "USD"));
		// Every rule must hold: a lens in the bodies collection is no such line.
		Promotion both = Promos.targeting(percentOff("both", Target.ITEMS, "25"),
				new TargetRule("r1", TargetRule.CATEGORY, "in", List.of("pcat_lenses")),
				new TargetRule("r2", TargetRule.COLLECTION, "in", List.of("pcol_bodies")));
		assertThat(PromotionCalculator.calculate(cart, List.of(both)).lineAdjustments()).isEmpty();
		Promotion byProduct = Promos.targeting(percentOff("prod", Target.ITEMS, "10"),
				new TargetRule("r3", TargetRule.PRODUCT, "eq", List.of("prod_body")));
		assertThat(PromotionCalculator.calculate(cart, List.of(byProduct)).on("body", USD)).isEqualTo(Money.of("80", "USD"));
		// The order target ignores target rules' absence and takes every discountable line.
		assertThat(PromotionCalculator.calculate(cart, List.of(percentOff("o", Target.ORDER, "10"))).total(USD))
			.isEqualTo(Money.of("100.00", "USD"));
	}

	@Test
	void automaticPromotionsApplyFirstThenCodesInTheOrderGivenEachOnWhatIsLeft() {
		DiscountContext cart = new DiscountContext(USD, List.of(line("a", "100.00", "USD", 1)), List.of(), null);
		Promotion fiveOff = amountOff("five", "5", "USD");
		Promotion tenPercent = percentOff("ten", Target.ITEMS, "10");
		Promotion autoHalf = Promos.automatic(percentOff("half", Target.ITEMS, "50"));
		// Automatic 50 % first (50.00), then 5.00 off (45.00 left), then 10 % of 45.00 = 4.50.
		Discounts d = PromotionCalculator.calculate(cart, List.of(fiveOff, tenPercent, autoHalf));
		assertThat(d.lineAdjustments()).extracting(Adjustment::promotionId).containsExactly("half", "five", "ten");
		assertThat(d.lineAdjustments()).extracting(Adjustment::amount)
			.containsExactly(Money.of("50", "USD"), Money.of("5", "USD"), Money.of("4.50", "USD"));
		// Codes the other way round: 10 % of 50.00 = 5.00, then 5.00.
		Discounts reversed = PromotionCalculator.calculate(cart, List.of(tenPercent, fiveOff, autoHalf));
		assertThat(reversed.total(USD)).isEqualTo(Money.of("60.00", "USD"));
		// The same promotion twice counts once.
		assertThat(PromotionCalculator.calculate(cart, List.of(fiveOff, fiveOff)).total(USD)).isEqualTo(Money.of("5", "USD"));
	}

	@Test
	void aNonCombinablePromotionAppliesAloneWhenItIsBestForTheShopper() {
		DiscountContext cart = new DiscountContext(USD, List.of(line("a", "100.00", "USD", 1)), List.of(), null);
		Promotion small = percentOff("small", Target.ITEMS, "10");
		Promotion smaller = amountOff("smaller", "5", "USD");
		Promotion bigAlone = Promos.exclusive(percentOff("big", Target.ITEMS, "20"));
		Promotion hugeAlone = Promos.exclusive(percentOff("huge", Target.ITEMS, "30"));
		// 10 % then 5.00 is 15.00; 20 % alone (20.00) beats it; 30 % alone beats both.
		assertThat(PromotionCalculator.calculate(cart, List.of(small, smaller, bigAlone)).promotionIds())
			.containsExactly("big");
		assertThat(PromotionCalculator.calculate(cart, List.of(small, smaller, bigAlone, hugeAlone)).promotionIds())
			.containsExactly("huge");
		Promotion tinyAlone = Promos.exclusive(amountOff("tiny", "1", "USD"));
		assertThat(PromotionCalculator.calculate(cart, List.of(tinyAlone, small, smaller)).promotionIds())
			.containsExactly("small", "smaller");
		// On a tie the combinable ones win.
		Promotion tieAlone = Promos.exclusive(amountOff("tie", "15", "USD"));
		assertThat(PromotionCalculator.calculate(cart, List.of(small, smaller, tieAlone)).promotionIds())
			.containsExactly("small", "smaller");
	}

	@Test
	void aFixedAmountInAnotherCurrencyDoesNotApply() {
		DiscountContext cart = new DiscountContext(USD, List.of(line("a", "100.00", "USD", 1)), List.of(), null);
		assertThat(PromotionCalculator.calculate(cart, List.of(amountOff("eur", "5", "EUR"))).lineAdjustments()).isEmpty();
	}

	@Test
	void nonDiscountableLinesAndEmptyCartsGetNothing() {
		DiscountLine giftCard = new DiscountLine("gc", "prod_gc", null, List.of(), 1, Money.of("25", "USD"), false);
		DiscountContext cart = new DiscountContext(USD, List.of(giftCard), List.of(), null);
		assertThat(PromotionCalculator.calculate(cart, List.of(percentOff("o", Target.ORDER, "50"))).lineAdjustments())
			.isEmpty();
		DiscountContext empty = new DiscountContext(USD, List.of(), List.of(), null);
		assertThat(PromotionCalculator.calculate(empty, List.of(amountOff("x", "5", "USD"))).total(USD).isZero()).isTrue();
	}

	@Test
	void refusesAmountsItCannotDiscountExactly() {
		assertThatThrownBy(() -> line("a", "1.005", "USD", 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> line("a", "-1", "USD", 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DiscountContext(USD, List.of(line("a", "1", "EUR", 1)), List.of(), null))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
