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

	/** A random cart: a currency, a tax mode for the region, the rates of its place and its lines. */
	record RandomCart(Currency currency, boolean taxInclusive, List<TaxRate> rates, List<CartTotals.PricedLine> lines) {
	}

	@Test
	void theCartAddsUpItsLinesAndNeverGoesNegative() {
		qt().forAll(carts()).checkAssert(cart -> {
			CartTotals t = CartTotals.calculate(cart.currency(), cart.lines());
			assertThat(t.total()).isEqualTo(t.itemTotal().plus(t.shippingTotal()).minus(t.discountTotal()));
			Money sumOfLines = Money.zero(cart.currency());
			Money sumOfTax = Money.zero(cart.currency());
			for (LineTotals line : t.lines()) {
				sumOfLines = sumOfLines.plus(line.total());
				sumOfTax = sumOfTax.plus(line.taxTotal());
				assertThat(line.total()).isEqualTo(line.subtotal().plus(line.taxTotal()));
				assertThat(line.taxTotal()).isEqualTo(sumOfTaxLines(line));
				for (Money m : List.of(line.subtotal(), line.taxTotal(), line.total(), line.originalTotal())) {
					assertThat(m.isNegative()).as("line amount " + m).isFalse();
					assertThat(m.isRounded()).isTrue();
					assertThat(m.currency()).isEqualTo(cart.currency());
				}
			}
			assertThat(t.itemTotal()).isEqualTo(sumOfLines);
			assertThat(t.taxTotal()).isEqualTo(sumOfTax);
			assertThat(t.total()).isEqualTo(t.subtotal().plus(t.taxTotal()));
			for (Money m : List.of(t.subtotal(), t.taxTotal(), t.total(), t.originalTotal(), t.itemSubtotal())) {
				assertThat(m.isNegative()).isFalse();
				assertThat(m.currency()).isEqualTo(cart.currency());
			}
			assertThat(t.lines()).hasSameSizeAs(cart.lines());
		});
	}

	@Test
	void taxExclusivePricesGetTheTaxAddedAndTaxInclusivePricesHoldIt() {
		qt().forAll(carts()).checkAssert(cart -> {
			CartTotals t = CartTotals.calculate(cart.currency(), cart.lines());
			Money amounts = Money.zero(cart.currency());
			for (CartTotals.PricedLine line : cart.lines()) {
				amounts = amounts.plus(line.unitPrice().times(line.quantity()).rounded());
			}
			if (cart.taxInclusive()) {
				assertThat(t.total()).as("what the shopper saw on the shelf").isEqualTo(amounts);
				assertThat(t.subtotal()).isEqualTo(amounts.minus(t.taxTotal()));
			}
			else {
				assertThat(t.subtotal()).isEqualTo(amounts);
				assertThat(t.total()).isEqualTo(amounts.plus(t.taxTotal()));
			}
		});
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
		Gen<List<long[]>> lines = lists().of(longs().between(0, 100_000_000L)
			.zip(integers().between(1, 10_000), (minor, quantity) -> new long[] { minor, quantity })).ofSizeBetween(0, 8);
		return integers().between(0, CURRENCIES.size() - 1).zip(booleans().all(), rates, lines, (c, inclusive, r, l) -> {
			String code = CURRENCIES.get(c);
			List<CartTotals.PricedLine> priced = new ArrayList<>();
			for (int i = 0; i < l.size(); i++) {
				priced.add(new CartTotals.PricedLine("cali_" + i, Money.ofMinor(l.get(i)[0], code), (int) l.get(i)[1],
						inclusive, r));
			}
			return new RandomCart(Money.currency(code), inclusive, r, priced);
		});
	}
}
