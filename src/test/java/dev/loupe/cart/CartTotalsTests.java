package dev.loupe.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.loupe.platform.Money;
import dev.loupe.tax.TaxLine;
import dev.loupe.tax.TaxRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Cart totals over random carts (QuickTheories): lines, quantities, prices, currencies, rates, tax modes. */
class CartTotalsTests {

	private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "KWD");

	/** A random cart: a currency, a tax mode for the region, the rates of its place, lines and shipping, discounted. */
	record RandomCart(Currency currency, boolean taxInclusive, List<TaxRate> rates, List<CartTotals.PricedLine> lines,
			List<CartTotals.PricedShipping> shipping) {

		CartTotals totals() {
			return CartTotals.calculate(currency, lines, shipping);
		}

		/** What the shelf showed: every line and shipping amount before discounts and added tax. */
		Money amounts() {
			Money sum = Money.zero(currency);
			for (CartTotals.PricedLine l : lines) {
				sum = sum.plus(l.amount());
			}
			for (CartTotals.PricedShipping s : shipping) {
				sum = sum.plus(s.amount());
			}
			return sum;
		}

		Money discounts() {
			Money sum = Money.zero(currency);
			for (CartTotals.PricedLine l : lines) {
				sum = l.discount() == null ? sum : sum.plus(l.discount());
			}
			for (CartTotals.PricedShipping s : shipping) {
				sum = s.discount() == null ? sum : sum.plus(s.discount());
			}
			return sum;
		}
	}

	@Test
	void theCartAddsUpItsLinesAndNeverGoesNegative() {
		qt().forAll(carts()).checkAssert(cart -> {
			CartTotals t = cart.totals();
			Money sumOfLines = Money.zero(cart.currency());
			Money sumOfTax = Money.zero(cart.currency());
			List<LineTotals> all = new ArrayList<>(t.lines());
			all.addAll(t.shippingMethods());
			for (LineTotals line : all) {
				sumOfLines = sumOfLines.plus(line.total());
				sumOfTax = sumOfTax.plus(line.taxTotal());
				assertThat(line.total()).isEqualTo(line.subtotal().minus(line.discountSubtotal()).plus(line.taxTotal()));
				assertThat(line.total()).isEqualTo(line.originalTotal().minus(line.discountTotal()));
				assertThat(line.taxTotal()).isEqualTo(sumOfTaxLines(line));
				assertThat(line.discountTotal()).as("a discount never exceeds what it applies to")
					.isLessThanOrEqualTo(line.originalTotal());
				for (Money m : List.of(line.subtotal(), line.taxTotal(), line.total(), line.originalTotal(),
						line.discountTotal(), line.discountSubtotal(), line.discountTaxTotal())) {
					assertThat(m.isNegative()).as("line amount " + m).isFalse();
					assertThat(m.isRounded()).isTrue();
					assertThat(m.currency()).isEqualTo(cart.currency());
				}
			}
			assertThat(t.total()).isEqualTo(sumOfLines);
			assertThat(t.total()).isEqualTo(t.itemTotal().plus(t.shippingTotal()));
			assertThat(t.taxTotal()).isEqualTo(sumOfTax);
			assertThat(t.total()).isEqualTo(t.subtotal().minus(t.discountSubtotal()).plus(t.taxTotal()));
			assertThat(t.total()).isEqualTo(t.originalTotal().minus(t.discountTotal()));
			for (Money m : List.of(t.subtotal(), t.taxTotal(), t.total(), t.originalTotal(), t.itemSubtotal(),
					t.shippingTotal(), t.discountTotal())) {
				assertThat(m.isNegative()).isFalse();
				assertThat(m.currency()).isEqualTo(cart.currency());
			}
			assertThat(t.lines()).hasSameSizeAs(cart.lines());
		});
	}

	@Test
	void totalIsItemsPlusShippingMinusDiscountsPlusTaxWhenExclusive() {
		qt().forAll(carts()).checkAssert(cart -> {
			CartTotals t = cart.totals();
			Money expected = cart.amounts().minus(cart.discounts());
			if (cart.taxInclusive()) {
				assertThat(t.total()).as("what the shopper saw on the shelf, less discounts").isEqualTo(expected);
			}
			else {
				assertThat(t.total()).isEqualTo(expected.plus(t.taxTotal()));
				assertThat(t.subtotal()).isEqualTo(cart.amounts());
				assertThat(t.discountSubtotal()).isEqualTo(cart.discounts());
			}
		});
	}

	@Test
	void aDiscountLargerThanItsLineIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> CartTotals.calculate(
				Money.currency("USD"), List.of(new CartTotals.PricedLine("a", Money.of("5", "USD"), 1, false, List.of(),
						Money.of("5.01", "USD")))));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> CartTotals.calculate(
				Money.currency("USD"), List.of(new CartTotals.PricedLine("a", Money.of("5", "USD"), 1, false, List.of(),
						Money.of("-1", "USD")))));
	}

	@Test
	void workedExamples() {
		Currency usd = Money.currency("USD");
		TaxRate usTax = new TaxRate("txr_us", "Sales tax", "US-SALES", new BigDecimal("7.25"));
		CartTotals us = CartTotals.calculate(usd, List.of(
				new CartTotals.PricedLine("a", Money.of("19.99", "USD"), 2, false, List.of(usTax)),
				new CartTotals.PricedLine("b", Money.of("5.00", "USD"), 1, false, List.of(usTax))));
		assertThat(us.itemSubtotal()).isEqualTo(Money.of("44.98", "USD"));
		assertThat(us.taxTotal()).isEqualTo(Money.of("3.26", "USD"));
		assertThat(us.total()).isEqualTo(Money.of("48.24", "USD"));

		TaxRate vat = new TaxRate("txr_de", "VAT", "VAT-DE", new BigDecimal("19"));
		CartTotals de = CartTotals.calculate(Money.currency("EUR"), List.of(
				new CartTotals.PricedLine("a", Money.of("11.90", "EUR"), 2, true, List.of(vat)),
				new CartTotals.PricedLine("b", Money.of("9.99", "EUR"), 1, true, List.of(vat))));
		assertThat(de.subtotal()).isEqualTo(Money.of("28.39", "EUR"));
		assertThat(de.taxTotal()).isEqualTo(Money.of("5.40", "EUR"));
		assertThat(de.total()).isEqualTo(Money.of("33.79", "EUR"));
		assertThat(CartTotals.calculate(usd, List.of()).total()).isEqualTo(Money.zero(usd));

		// 10 % off a 19.99 line (2.00) and free shipping of 5.00, US tax on the discounted amounts.
		CartTotals promo = CartTotals.calculate(usd,
				List.of(new CartTotals.PricedLine("a", Money.of("19.99", "USD"), 1, false, List.of(usTax),
						Money.of("2.00", "USD"))),
				List.of(new CartTotals.PricedShipping("s", Money.of("5.00", "USD"), false, List.of(usTax),
						Money.of("5.00", "USD"))));
		assertThat(promo.itemTaxTotal()).isEqualTo(Money.of("1.30", "USD")); // 7.25 % of 17.99 = 1.304
		assertThat(promo.shippingTotal()).isEqualTo(Money.zero(usd));
		assertThat(promo.discountSubtotal()).isEqualTo(Money.of("7.00", "USD"));
		assertThat(promo.discountTotal()).isEqualTo(Money.of("7.51", "USD")); // 7.00 + 0.15 + 0.36 of tax
		assertThat(promo.total()).isEqualTo(Money.of("19.29", "USD"));

		// Inclusive: 10.00 off a 119.00 EUR line holding 19 % VAT: 109.00 holding 17.40.
		CartTotals inclusive = CartTotals.calculate(Money.currency("EUR"), List.of(new CartTotals.PricedLine("a",
				Money.of("119.00", "EUR"), 1, true, List.of(vat), Money.of("10.00", "EUR"))));
		assertThat(inclusive.total()).isEqualTo(Money.of("109.00", "EUR"));
		assertThat(inclusive.taxTotal()).isEqualTo(Money.of("17.40", "EUR"));
		assertThat(inclusive.discountTaxTotal()).isEqualTo(Money.of("1.60", "EUR"));
		assertThat(inclusive.discountTotal()).isEqualTo(Money.of("10.00", "EUR"));
	}

	private static Money sumOfTaxLines(LineTotals line) {
		Money sum = Money.zero(line.total().currency());
		for (TaxLine l : line.taxLines()) {
			sum = sum.plus(l.amount());
		}
		return sum;
	}

	private static Gen<RandomCart> carts() {
		Gen<List<TaxRate>> rates = lists().of(integers().between(0, 3000)
			.map(basisPoints -> new TaxRate("txr", "Tax", "T", BigDecimal.valueOf(basisPoints, 2)))).ofSizeBetween(0, 3);
		// A line: price in minor units, quantity, and the share of it a discount takes (basis points; > 10000 = none).
		Gen<List<long[]>> lines = lists().of(longs().between(0, 100_000_000L)
			.zip(integers().between(1, 10_000), integers().between(0, 15_000),
					(minor, quantity, off) -> new long[] { minor, quantity, off }))
			.ofSizeBetween(0, 8);
		Gen<List<long[]>> shipping = lists().of(longs().between(0, 10_000_000L)
			.zip(integers().between(0, 15_000), (minor, off) -> new long[] { minor, off })).ofSizeBetween(0, 1);
		return integers().between(0, CURRENCIES.size() - 1).zip(booleans().all(), rates, lines.zip(shipping,
				(l, s) -> List.of(l, s)), (c, inclusive, r, ls) -> {
			String code = CURRENCIES.get(c);
			List<long[]> l = ls.get(0);
			List<CartTotals.PricedLine> priced = new ArrayList<>();
			for (int i = 0; i < l.size(); i++) {
				CartTotals.PricedLine line = new CartTotals.PricedLine("cali_" + i, Money.ofMinor(l.get(i)[0], code),
						(int) l.get(i)[1], inclusive, r);
				priced.add(new CartTotals.PricedLine(line.lineId(), line.unitPrice(), line.quantity(), inclusive, r,
						share(line.amount(), l.get(i)[2])));
			}
			List<CartTotals.PricedShipping> methods = new ArrayList<>();
			for (long[] s : ls.get(1)) {
				Money amount = Money.ofMinor(s[0], code);
				methods.add(new CartTotals.PricedShipping("casm_" + methods.size(), amount, inclusive, r, share(amount, s[1])));
			}
			return new RandomCart(Money.currency(code), inclusive, r, priced, methods);
		});
	}

	/** A rounded share of an amount (basis points), never more than it; null above 100 %. */
	private static Money share(Money amount, long basisPoints) {
		if (basisPoints > 10_000) {
			return null;
		}
		return amount.times(BigDecimal.valueOf(basisPoints, 4)).rounded().min(amount);
	}
}
